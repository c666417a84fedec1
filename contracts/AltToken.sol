// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";
import {ERC20Votes} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Votes.sol";
import {Nonces} from "@openzeppelin/contracts/utils/Nonces.sol";

/// ALT on the devnet's L1: fees, staking and governance. A fixed supply of 10,000,000,000 ALT,
/// as AltLayer's, minted once at genesis: each dev account its share, a staking reserve, and the
/// rest to the Rollup-as-a-Service treasury. Votes (delegation, checkpoints) for governance, the
/// dev accounts delegated to themselves from the start so their ALT votes without a first step;
/// permit (EIP-2612) for gasless approvals.
contract AltToken is ERC20, ERC20Permit, ERC20Votes {
    uint256 public constant TOTAL_SUPPLY = 10_000_000_000 ether;

    constructor(address[] memory devs, uint256 eachDev, address stakingReserve, uint256 reserve, address treasury)
        ERC20("AltLayer Token", "ALT")
        ERC20Permit("AltLayer Token")
    {
        uint256 minted = devs.length * eachDev + reserve;
        require(minted <= TOTAL_SUPPLY, "ALT: genesis shares exceed the supply");
        for (uint256 i = 0; i < devs.length; i++) {
            _mint(devs[i], eachDev);
            _delegate(devs[i], devs[i]);
        }
        _mint(stakingReserve, reserve);
        _mint(treasury, TOTAL_SUPPLY - minted);
    }

    function _update(address from, address to, uint256 value) internal override(ERC20, ERC20Votes) {
        super._update(from, to, value);
    }

    function nonces(address owner) public view override(ERC20Permit, Nonces) returns (uint256) {
        return super.nonces(owner);
    }
}
