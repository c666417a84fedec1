// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IL1StandardBridge, IL2ToL1MessagePasser, IOptimismMintableERC20} from "./BridgeInterfaces.sol";

/// The standard bridge on a rollup (the OP Stack's L2StandardBridge predeploy at 0x4200…0010),
/// for tokens minted here against tokens locked on L1: a deposit's transaction from L1 mints, a
/// withdrawal burns and sends the L1 bridge a message through the L2ToL1MessagePasser.
/// Simplification: no CrossDomainMessenger in between (see L1StandardBridge).
contract L2StandardBridge {
    IL2ToL1MessagePasser public constant MESSAGE_PASSER = IL2ToL1MessagePasser(0x4200000000000000000000000000000000000016);
    /// Gas the L1 side needs beyond the caller's minimum: the L1 bridge and the token transfer.
    uint256 public constant RELAY_GAS = 100_000;
    /// OP's AddressAliasHelper offset: a contract's deposits come from its address plus this.
    uint160 private constant ALIAS_OFFSET = uint160(0x1111000000000000000000000000000000001111);

    /// The L1StandardBridge of this rollup.
    address public immutable OTHER_BRIDGE;

    event DepositFinalized(address indexed l1Token, address indexed l2Token, address indexed from, address to, uint256 amount, bytes extraData);
    event DepositFailed(address indexed l1Token, address indexed l2Token, address indexed from, address to, uint256 amount, bytes extraData);
    event WithdrawalInitiated(address indexed l1Token, address indexed l2Token, address indexed from, address to, uint256 amount, bytes extraData);

    error OnlyOtherBridge(address caller);
    error NotBridgeable(address l2Token);
    error NoEther();
    error ZeroAmount();

    constructor(address otherBridge) {
        OTHER_BRIDGE = otherBridge;
    }

    /// A deposit's transaction from L1: mints, or, for a token this bridge cannot mint, sends the deposit back (as OP's does).
    function finalizeDeposit(address l1Token, address l2Token, address from, address to, uint256 amount, bytes calldata extraData) external {
        address aliased;
        unchecked {
            aliased = address(uint160(OTHER_BRIDGE) + ALIAS_OFFSET);
        }
        if (msg.sender != aliased) revert OnlyOtherBridge(msg.sender);
        if (_mintable(l2Token, l1Token)) {
            IOptimismMintableERC20(l2Token).mint(to, amount);
            emit DepositFinalized(l1Token, l2Token, from, to, amount, extraData);
        } else {
            _send(l1Token, l2Token, to, from, amount, 0, extraData);
            emit DepositFailed(l1Token, l2Token, from, to, amount, extraData);
        }
    }

    function withdraw(address l2Token, uint256 amount, uint32 minGasLimit, bytes calldata extraData) external payable {
        _withdraw(l2Token, msg.sender, amount, minGasLimit, extraData);
    }

    function withdrawTo(address l2Token, address to, uint256 amount, uint32 minGasLimit, bytes calldata extraData) external payable {
        _withdraw(l2Token, to, amount, minGasLimit, extraData);
    }

    function _withdraw(address l2Token, address to, uint256 amount, uint32 minGasLimit, bytes calldata extraData) private {
        if (msg.value != 0) revert NoEther();
        if (amount == 0) revert ZeroAmount();
        if (l2Token.code.length == 0) revert NotBridgeable(l2Token);
        address l1Token = IOptimismMintableERC20(l2Token).remoteToken();
        if (!_mintable(l2Token, l1Token)) revert NotBridgeable(l2Token);
        IOptimismMintableERC20(l2Token).burn(msg.sender, amount);
        _send(l1Token, l2Token, msg.sender, to, amount, minGasLimit, extraData);
        emit WithdrawalInitiated(l1Token, l2Token, msg.sender, to, amount, extraData);
    }

    function _send(address l1Token, address l2Token, address from, address to, uint256 amount, uint32 minGasLimit, bytes calldata extraData) private {
        bytes memory message = abi.encodeCall(IL1StandardBridge.finalizeERC20Withdrawal, (l1Token, l2Token, from, to, amount, extraData));
        MESSAGE_PASSER.initiateWithdrawal(OTHER_BRIDGE, uint256(minGasLimit) + RELAY_GAS, message);
    }

    /// Whether this bridge mints l2Token and it stands for l1Token.
    function _mintable(address l2Token, address l1Token) private view returns (bool) {
        if (l2Token.code.length == 0) return false;
        try IOptimismMintableERC20(l2Token).bridge() returns (address b) {
            if (b != address(this)) return false;
        } catch {
            return false;
        }
        try IOptimismMintableERC20(l2Token).remoteToken() returns (address r) {
            return r == l1Token;
        } catch {
            return false;
        }
    }
}
