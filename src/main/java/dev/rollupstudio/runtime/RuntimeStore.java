package dev.rollupstudio.runtime;

import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.rollup.ChainTotals;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.runtime.rollup.PostedBatch;
import dev.rollupstudio.runtime.rollup.VerifierCheckpoint;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;

/**
 * Where a runtime writes what a user would miss after a crash. Each call is one atomic write,
 * made on the loop thread in causal order, so a killed runtime resumes from a consistent point.
 */
public interface RuntimeStore extends AutoCloseable {

    void l2Block(SealedBlock block, StateChanges changes, ChainTotals totals);

    void l1Block(L1Block block, long excessBlobGasAfter, BigInteger nextBaseFee, long finalized);

    /** A batch that landed on L1; one an L1 reorg dropped is written again where it landed anew. */
    void batch(PostedBatch batch);

    /**
     * An L1 reorg replaced the stored blocks from {@code fromNumber} on with {@code replacements}
     * (one atomic write, after the rollups' verifiers took back what they read from the old ones).
     */
    default void l1Reorg(long fromNumber, java.util.List<L1Block> replacements, long excessBlobGasAfter, BigInteger nextBaseFee, long finalized) {}

    void output(OutputProposal output);

    /** Data an external DA network stored under a commitment. */
    void daBlob(Hash commitment, byte[] data);

    /** A withdrawal was proven on L1 against output {@code outputIndex} (withdrawals are stored with the block that starts them). */
    void withdrawalProven(Hash withdrawal, long outputIndex, long atMillis);

    void withdrawalFinalized(Hash withdrawal, long atMillis);

    /** The verifier's checkpoint after an L1 block and the accounts and slots its state changed since the last one. */
    void verifier(VerifierCheckpoint checkpoint, StateChanges changes);

    @Override void close();

    RuntimeStore NONE = new RuntimeStore() {
        @Override public void l2Block(SealedBlock b, StateChanges c, ChainTotals t) {}
        @Override public void l1Block(L1Block b, long e, BigInteger f, long fin) {}
        @Override public void batch(PostedBatch b) {}
        @Override public void output(OutputProposal o) {}
        @Override public void daBlob(Hash c, byte[] d) {}
        @Override public void withdrawalProven(Hash w, long o, long at) {}
        @Override public void withdrawalFinalized(Hash w, long at) {}
        @Override public void verifier(VerifierCheckpoint c, StateChanges s) {}
        @Override public void close() {}
    };
}
