// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {IOptimismPortal, IL2StandardBridge} from "./BridgeInterfaces.sol";

/// A rollup's standard bridge on L1, with the OP Stack's L1StandardBridge ABI for ERC-20s: a
/// deposit locks the tokens here and asks the portal for a deposit transaction that has the L2
/// bridge mint them; a withdrawal proven and finalized through the portal releases them.
/// Simplification: it talks to the portal directly, not through a CrossDomainMessenger, so a
/// message that fails on the other side is not replayable. ETH goes through the portal itself.
contract L1StandardBridge {
    using SafeERC20 for IERC20;

    /// Gas the L2 side needs beyond the caller's minimum: the L2 bridge, the mint, the deposit's intrinsic gas.
    uint64 public constant RELAY_GAS = 200_000;

    address public immutable PORTAL;
    /// The L2StandardBridge predeploy on this bridge's rollup.
    address public immutable OTHER_BRIDGE;

    /// Tokens locked here per (L1 token, L2 token): what the L2 token's supply may at most be.
    mapping(address => mapping(address => uint256)) public deposits;

    event ERC20DepositInitiated(address indexed l1Token, address indexed l2Token, address indexed from, address to, uint256 amount, bytes extraData);
    event ERC20WithdrawalFinalized(address indexed l1Token, address indexed l2Token, address indexed from, address to, uint256 amount, bytes extraData);

    error OnlyEOA();
    error OnlyOtherBridge(address caller);
    error ZeroAmount();

    constructor(address portal, address otherBridge) {
        PORTAL = portal;
        OTHER_BRIDGE = otherBridge;
    }

    /// Deposits to the caller's own address on L2; only an account without code may (a contract's address on L2 is not its own).
    function depositERC20(address l1Token, address l2Token, uint256 amount, uint32 minGasLimit, bytes calldata extraData) external {
        if (msg.sender.code.length != 0) revert OnlyEOA();
        _deposit(l1Token, l2Token, msg.sender, msg.sender, amount, minGasLimit, extraData);
    }

    function depositERC20To(address l1Token, address l2Token, address to, uint256 amount, uint32 minGasLimit, bytes calldata extraData) external {
        _deposit(l1Token, l2Token, msg.sender, to, amount, minGasLimit, extraData);
    }

    /// Called by the portal finalizing a withdrawal the L2 bridge started.
    function finalizeERC20Withdrawal(address l1Token, address l2Token, address from, address to, uint256 amount, bytes calldata extraData) external {
        if (msg.sender != PORTAL || IOptimismPortal(PORTAL).l2Sender() != OTHER_BRIDGE) revert OnlyOtherBridge(msg.sender);
        deposits[l1Token][l2Token] -= amount;
        IERC20(l1Token).safeTransfer(to, amount);
        emit ERC20WithdrawalFinalized(l1Token, l2Token, from, to, amount, extraData);
    }

    function _deposit(address l1Token, address l2Token, address from, address to, uint256 amount, uint32 minGasLimit, bytes calldata extraData) private {
        if (amount == 0) revert ZeroAmount();
        IERC20(l1Token).safeTransferFrom(from, address(this), amount);
        deposits[l1Token][l2Token] += amount;
        bytes memory message = abi.encodeCall(IL2StandardBridge.finalizeDeposit, (l1Token, l2Token, from, to, amount, extraData));
        IOptimismPortal(PORTAL).depositTransaction(OTHER_BRIDGE, 0, uint64(minGasLimit) + RELAY_GAS, false, message);
        emit ERC20DepositInitiated(l1Token, l2Token, from, to, amount, extraData);
    }
}
