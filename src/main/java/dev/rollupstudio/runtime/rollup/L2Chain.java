package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.chain.Block;
import dev.rollupstudio.chain.BlockHeader;
import dev.rollupstudio.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * The sequenced chain as the node holds it in memory: the head, its L1 origin, running totals
 * and a window of recent blocks (older ones live in the store).
 */
public final class L2Chain {
    private static final int WINDOW = 4096;
    private final List<SealedBlock> recent = new ArrayList<>();
    private long firstRecent;
    private SealedBlock head;
    private ChainTotals totals;

    /**
     * A block with its L1 origin, the L1 data fee of each of its transactions, and what the EVM said
     * about those that ran code (by index; known where the block was executed, not reloaded).
     */
    public record SealedBlock(Block block, L1Origin origin, java.util.List<java.math.BigInteger> l1Fees,
                              java.util.Map<Integer, TxExecution> executions) {
        public SealedBlock(Block block, L1Origin origin, java.util.List<java.math.BigInteger> l1Fees) {
            this(block, origin, l1Fees, java.util.Map.of());
        }

        public long number() {
            return block.number();
        }

        public Hash hash() {
            return block.hash();
        }

        public BlockHeader header() {
            return block.header();
        }
    }

    private final java.util.function.LongFunction<SealedBlock> archive;

    /** {@code archive} finds blocks older than the in-memory window (the store), or returns null. */
    public L2Chain(SealedBlock genesisOrHead, ChainTotals totals, java.util.function.LongFunction<SealedBlock> archive) {
        this.archive = archive;
        this.head = genesisOrHead;
        this.totals = totals;
        recent.add(genesisOrHead);
        firstRecent = genesisOrHead.number();
    }

    void append(SealedBlock b, ChainTotals added) {
        if (b.number() != head.number() + 1 || !b.header().parentHash().equals(head.hash())) {
            throw new IllegalStateException("block " + b.number() + " does not extend head " + head.number());
        }
        head = b;
        totals = totals.plus(added);
        recent.add(b);
        if (recent.size() > 2 * WINDOW) {
            recent.subList(0, WINDOW).clear();
            firstRecent += WINDOW;
        }
    }

    public SealedBlock head() {
        return head;
    }

    public ChainTotals totals() {
        return totals;
    }

    /** A block from the window, or from the archive when older; null if not sealed. */
    public SealedBlock block(long number) {
        long i = number - firstRecent;
        if (i >= 0 && i < recent.size()) return recent.get((int) i);
        return i < 0 ? archive.apply(number) : null;
    }
}
