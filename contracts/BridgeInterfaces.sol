// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// What the standard bridges call on the OP Stack contracts around them (OP's own ABIs).
interface IOptimismPortal {
    function depositTransaction(address to, uint256 value, uint64 gasLimit, bool isCreation, bytes calldata data) external payable;
    /// The L2 account whose withdrawal the portal is finalizing (0x…dEaD otherwise).
    function l2Sender() external view returns (address);
}

interface IL2ToL1MessagePasser {
    function initiateWithdrawal(address target, uint256 gasLimit, bytes calldata data) external payable;
}

/// OP's IOptimismMintableERC20: a token on L2 the bridge mints and burns.
interface IOptimismMintableERC20 {
    function remoteToken() external view returns (address);
    function bridge() external view returns (address);
    function mint(address to, uint256 amount) external;
    function burn(address from, uint256 amount) external;
}

interface IL1StandardBridge {
    function finalizeERC20Withdrawal(address l1Token, address l2Token, address from, address to, uint256 amount, bytes calldata extraData) external;
}

interface IL2StandardBridge {
    function finalizeDeposit(address l1Token, address l2Token, address from, address to, uint256 amount, bytes calldata extraData) external;
}
