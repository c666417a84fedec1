package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;

/**
 * A deposit a portal logged: ETH locked in the L1 bridge ({@code value}, minted on L2 and sent to
 * {@code to}), and, when {@code data} is not empty, a call on L2 with that much gas (the standard
 * bridge's mint of locked tokens). The rollup derives a deposit transaction from it in the L2
 * epoch of this L1 block.
 */
public record Deposit(long chainId, Address from, Address to, Wei value, long gasLimit, byte[] data, long l1Block, Hash l1BlockHash, int logIndex) {

    public Deposit {
        data = data.clone();
    }

    @Override public byte[] data() {
        return data.clone();
    }
}
