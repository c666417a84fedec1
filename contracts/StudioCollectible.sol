// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";

/// An open-mint ERC-721 for the NFT drop workload: anyone mints the next token ids to themselves.
contract StudioCollectible is ERC721 {
    /// Tokens minted so far; the next id.
    uint256 public totalMinted;

    constructor() ERC721("Studio Collectible", "STC") {}

    /// Mints the next id to the caller and returns it.
    function mint() external returns (uint256 id) {
        id = totalMinted++;
        _mint(msg.sender, id);
    }

    /// Mints `count` consecutive ids to the caller (a drop's "mint 5").
    function mintBatch(uint256 count) external {
        require(count > 0 && count <= 20, "mint 1 to 20 per call");
        uint256 id = totalMinted;
        totalMinted = id + count;
        for (uint256 i = 0; i < count; i++) {
            _mint(msg.sender, id + i);
        }
    }
}
