package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.runtime.config.RollupConfig;
import java.math.BigInteger;

/**
 * What a block's transactions execute against: its number, parent, time, base fee, L1 origin, and
 * the SQUAD operator building it ({@code leader}; null: the sequencer fee vault is the coinbase).
 */
public record BlockContext(long number, Hash parentHash, long timestampMillis, BigInteger baseFee, long gasLimit, L1Origin origin, Address leader) {

    /** The context of the block after {@code parent} at {@code timestampMillis}, its leader by the rollup's sequencer set. */
    static BlockContext after(RollupConfig config, L2Chain.SealedBlock parent, long timestampMillis, L1Origin origin) {
        var h = parent.header();
        return new BlockContext(parent.number() + 1, parent.hash(), timestampMillis, Sequencer.nextBaseFee(config, parent), config.gasLimit(), origin,
                config.sequencing().set().leader(parent.number() + 1, h.coinbase(), h.timestamp() * 1000, timestampMillis));
    }
}
