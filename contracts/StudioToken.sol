// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// The token every composed rollup starts with: deployed at genesis, minted to the dev accounts,
/// so token transfers are there to send, watch and break from the first block.
contract StudioToken is ERC20 {
    constructor(address[] memory holders, uint256 amountEach) ERC20("Studio Token", "STT") {
        for (uint256 i = 0; i < holders.length; i++) {
            _mint(holders[i], amountEach);
        }
    }
}
