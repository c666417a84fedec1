package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;

/** ETH locked in the L1 bridge, to be minted on L2 by a deposit transaction in the L2 epoch of this L1 block. */
public record Deposit(long chainId, Address from, Address to, Wei value, long l1Block, Hash l1BlockHash, int logIndex) {}
