// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {TimelockController} from "@openzeppelin/contracts/governance/TimelockController.sol";

/// The timelock every passed ALT proposal waits in before it runs: OpenZeppelin's
/// TimelockController, with the governor its only proposer and canceller, anyone its executor,
/// and no admin (its own settings change only through a proposal).
contract AltTimelock is TimelockController {
    constructor(uint256 minDelaySeconds, address governor)
        TimelockController(minDelaySeconds, _one(governor), _one(address(0)), address(0))
    {}

    function _one(address a) private pure returns (address[] memory list) {
        list = new address[](1);
        list[0] = a;
    }
}
