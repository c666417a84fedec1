// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// The settings of the devnet's rollups that ALT governance changes, in the role of the OP Stack's
/// SystemConfig: the timelock owns it, so only an executed proposal writes. Each change is a
/// ParameterChanged log; a rollup applies it from the first L2 block whose L1 origin is the block
/// that logged it, as op-node applies SystemConfig updates, so sequencer and verifier agree.
contract RollupParameters is Ownable {
    bytes32 public constant GAS_LIMIT = "gasLimit";
    bytes32 public constant BASE_FEE_SCALAR = "baseFeeScalar";
    bytes32 public constant BLOB_BASE_FEE_SCALAR = "blobBaseFeeScalar";
    bytes32 public constant MACH_QUORUM_PCT = "machQuorumPct";

    /// The value set for a chain's key; 0: never set (the rollup's spec holds).
    mapping(uint256 => mapping(bytes32 => uint256)) public valueOf;

    event ParameterChanged(uint256 indexed chainId, bytes32 indexed key, uint256 value);

    error OutOfRange(bytes32 key, uint256 value, uint256 min, uint256 max);

    constructor(address timelock) Ownable(timelock) {}

    /// The block gas limit of `chainId`'s L2 blocks.
    function setGasLimit(uint256 chainId, uint256 gasLimit) external onlyOwner {
        _set(chainId, GAS_LIMIT, gasLimit, 1_000_000, 1_000_000_000);
    }

    /// The OP Stack (Ecotone/Fjord) L1 data fee scalars of `chainId`.
    function setFeeScalars(uint256 chainId, uint256 baseFeeScalar, uint256 blobBaseFeeScalar) external onlyOwner {
        _set(chainId, BASE_FEE_SCALAR, baseFeeScalar, 1, type(uint32).max);
        _set(chainId, BLOB_BASE_FEE_SCALAR, blobBaseFeeScalar, 1, type(uint32).max);
    }

    /// The share of restaked stake (percent, of ALT and of ETH) MACH needs before a block is fast-final.
    function setMachQuorum(uint256 chainId, uint256 pct) external onlyOwner {
        _set(chainId, MACH_QUORUM_PCT, pct, 1, 100);
    }

    function _set(uint256 chainId, bytes32 key, uint256 value, uint256 min, uint256 max) private {
        if (value < min || value > max) revert OutOfRange(key, value, min, max);
        valueOf[chainId][key] = value;
        emit ParameterChanged(chainId, key, value);
    }
}
