// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// The RaaS catalog: the components ("layer/id", as the studio's catalog names them) a rollup
/// launched through Rollup-as-a-Service on this devnet may be built from. The timelock owns it,
/// so a component is admitted only by an executed ALT governance proposal; the genesis admits
/// those the service offers from the start.
contract ComponentCatalog is Ownable {
    mapping(bytes32 => bool) private _admitted;

    event ComponentAdmitted(bytes32 indexed id, string key);

    error AlreadyAdmitted(string key);

    constructor(address timelock, string[] memory keys) Ownable(timelock) {
        for (uint256 i = 0; i < keys.length; i++) _admit(keys[i]);
    }

    /// Admits `key`; only the timelock, so only through a proposal.
    function admit(string calldata key) external onlyOwner {
        if (_admitted[keccak256(bytes(key))]) revert AlreadyAdmitted(key);
        _admit(key);
    }

    function isAdmitted(string calldata key) external view returns (bool) {
        return _admitted[keccak256(bytes(key))];
    }

    function _admit(string memory key) private {
        bytes32 id = keccak256(bytes(key));
        _admitted[id] = true;
        emit ComponentAdmitted(id, key);
    }
}
