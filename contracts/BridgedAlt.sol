// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// ALT on a rollup, in the shape of the OP Stack's OptimismMintableERC20: the standard bridge
/// mints it when ALT is locked on L1 and burns it when it is withdrawn, so the two supplies
/// always add up to the L1 token's.
contract BridgedAlt is ERC20 {
    /// The L1 token this one represents (OptimismMintableERC20's REMOTE_TOKEN).
    address public immutable REMOTE_TOKEN;
    /// The only account that mints and burns (OptimismMintableERC20's BRIDGE).
    address public immutable BRIDGE;

    event Mint(address indexed account, uint256 amount);
    event Burn(address indexed account, uint256 amount);

    error OnlyBridge(address caller);

    constructor(address l1Token, address l2Bridge) ERC20("AltLayer Token", "ALT") {
        REMOTE_TOKEN = l1Token;
        BRIDGE = l2Bridge;
    }

    modifier onlyBridge() {
        if (msg.sender != BRIDGE) revert OnlyBridge(msg.sender);
        _;
    }

    function mint(address to, uint256 amount) external onlyBridge {
        _mint(to, amount);
        emit Mint(to, amount);
    }

    function burn(address from, uint256 amount) external onlyBridge {
        _burn(from, amount);
        emit Burn(from, amount);
    }

    function remoteToken() external view returns (address) {
        return REMOTE_TOKEN;
    }

    function bridge() external view returns (address) {
        return BRIDGE;
    }
}
