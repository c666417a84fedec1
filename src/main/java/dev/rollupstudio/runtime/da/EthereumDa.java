package dev.rollupstudio.runtime.da;

import dev.rollupstudio.types.TokenAmount;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.runtime.l1.BatcherTx;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.sim.Scheduler;
import java.math.BigInteger;
import java.util.List;

/**
 * Ethereum as the DA layer: frames go to the L1 inbox as blobs (one frame per blob, up to
 * {@code maxBlobsPerTx} per transaction) or as calldata (one frame per transaction).
 */
public final class EthereumDa implements DataAvailabilityLayer {
    private final EmbeddedL1 l1;
    private final Scheduler scheduler;
    private final boolean blobs;
    private final int maxBlobsPerTx;

    public EthereumDa(EmbeddedL1 l1, Scheduler scheduler, boolean blobs, int maxBlobsPerTx) {
        this.l1 = l1;
        this.scheduler = scheduler;
        this.blobs = blobs;
        this.maxBlobsPerTx = maxBlobsPerTx;
    }

    @Override public String name() {
        return blobs ? "Ethereum blobs" : "Ethereum calldata";
    }

    @Override public String feeUnit() {
        return "";
    }

    @Override public void post(long chainId, long batchId, List<Frame> frames, Callback onPosted) {
        int perTx = blobs ? maxBlobsPerTx : 1;
        int txs = (frames.size() + perTx - 1) / perTx;
        Tally tally = new Tally(txs, onPosted);
        for (int i = 0; i < frames.size(); i += perTx) {
            List<Frame> group = frames.subList(i, Math.min(frames.size(), i + perTx));
            int slot = i / perTx;
            l1.submitBatch(new BatcherTx(chainId, batchId, DataAvailabilityLayer.payload(group), blobs ? group.size() : 0, scheduler.now(),
                    l1.head().number(), -1, null, -1), tx -> tally.included(slot, tx));
        }
    }

    @Override public byte[] framesOf(BatcherTx tx) {
        return tx.data();
    }

    /**
     * Adds up a channel's transactions and reports when the last one lands; again when one that
     * an L1 reorg sent back lands anew (the fee and block are then those of the canonical chain).
     */
    static final class Tally {
        private final Callback onPosted;
        private final java.util.Map<Integer, BatcherTx> landed = new java.util.HashMap<>();
        private final int txs;

        Tally(int txs, Callback onPosted) {
            this.txs = txs;
            this.onPosted = onPosted;
        }

        /** The {@code slot}th of the channel's transactions landed (again, after a reorg). */
        void included(int slot, BatcherTx tx) {
            landed.put(slot, tx);
            if (landed.size() < txs) return;
            BigInteger fee = BigInteger.ZERO;
            int blobCount = 0;
            long wait = 0, block = 0;
            for (BatcherTx t : landed.values()) {
                fee = fee.add(t.feePaid());
                blobCount += t.blobs();
                wait = Math.max(wait, t.includedAtMillis() - t.submittedAtMillis());
                block = Math.max(block, t.l1Block());
            }
            onPosted.posted(new Posted(block, Wei.of(fee), TokenAmount.zero(""), blobCount, txs, wait));
        }
    }
}
