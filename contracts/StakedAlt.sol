// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// Staked ALT (stALT): a liquid staking share of ALT, an ERC-4626 vault. Staking is the vault's
/// deposit; rewards are ALT paid into the vault, so each share is worth more. Leaving goes through
/// a cooldown: `requestUnstake` burns the shares at today's price and sets the ALT aside, and
/// `claim` pays it once the cooldown has passed. ERC-4626's instant withdraw and redeem are closed.
contract StakedAlt is ERC4626 {
    using SafeERC20 for IERC20;

    struct Request {
        uint256 assets;
        uint64 claimableAt;
    }

    uint256 public immutable cooldown;
    /// ALT set aside for requests not yet claimed: it no longer earns, and is not the vault's.
    uint256 public pendingAssets;
    mapping(address => Request[]) private _requests;

    event UnstakeRequested(address indexed owner, uint256 indexed id, uint256 shares, uint256 assets, uint256 claimableAt);
    event Claimed(address indexed owner, uint256 assets);

    error NothingToClaim(address owner, uint256 nextClaimableAt);

    constructor(IERC20 alt, uint256 cooldownSeconds) ERC20("Staked ALT", "stALT") ERC4626(alt) {
        cooldown = cooldownSeconds;
    }

    function totalAssets() public view override returns (uint256) {
        return IERC20(asset()).balanceOf(address(this)) - pendingAssets;
    }

    /// Instant exits are closed: unstaking goes through the cooldown.
    function maxWithdraw(address) public pure override returns (uint256) {
        return 0;
    }

    function maxRedeem(address) public pure override returns (uint256) {
        return 0;
    }

    /// Burns `shares` of the caller at today's price and sets their ALT aside until the cooldown passes.
    function requestUnstake(uint256 shares) external returns (uint256 id) {
        uint256 assets = previewRedeem(shares);
        _burn(msg.sender, shares);
        pendingAssets += assets;
        uint64 claimableAt = uint64(block.timestamp + cooldown);
        id = _requests[msg.sender].length;
        _requests[msg.sender].push(Request(assets, claimableAt));
        emit UnstakeRequested(msg.sender, id, shares, assets, claimableAt);
    }

    /// Pays the caller every request whose cooldown has passed.
    function claim() external returns (uint256 paid) {
        Request[] storage rs = _requests[msg.sender];
        uint256 next = type(uint256).max;
        for (uint256 i = 0; i < rs.length; i++) {
            if (rs[i].assets == 0) continue;
            if (rs[i].claimableAt <= block.timestamp) {
                paid += rs[i].assets;
                rs[i].assets = 0;
            } else if (rs[i].claimableAt < next) {
                next = rs[i].claimableAt;
            }
        }
        if (paid == 0) revert NothingToClaim(msg.sender, next);
        pendingAssets -= paid;
        IERC20(asset()).safeTransfer(msg.sender, paid);
        emit Claimed(msg.sender, paid);
    }

    /// The caller's requests: ALT still set aside (0 once claimed) and when each can be claimed.
    function requests(address owner) external view returns (Request[] memory) {
        return _requests[owner];
    }
}
