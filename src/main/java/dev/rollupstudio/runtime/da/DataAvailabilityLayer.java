package dev.rollupstudio.runtime.da;

import dev.rollupstudio.types.TokenAmount;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.runtime.l1.BatcherTx;
import java.util.List;

/**
 * Where a batcher publishes a channel's frames. The batcher hands over frames; the layer
 * decides how they travel (blobs, calldata, or a DA network plus a commitment in the L1 inbox)
 * and reports once everything is on L1. The verifier asks it for the frames an inbox entry
 * carries or points at.
 */
public interface DataAvailabilityLayer {

    /** What one posted channel cost on L1 and on the DA network ({@code daFee}, in {@link #feeUnit()}; zero for Ethereum DA), and where it landed. */
    record Posted(long l1Block, Wei l1Fee, TokenAmount daFee, int blobs, int l1Txs, long waitMillis) {}

    interface Callback {
        void posted(Posted p);
    }

    String name();

    /** Unit of the layer's own fee ("utia", "USD"), or empty when it charges only L1 gas. */
    String feeUnit();

    void post(long chainId, long batchId, List<Frame> frames, Callback onPosted);

    /** The frame bytes (derivation version byte first) an inbox transaction carries, or null if unavailable. */
    byte[] framesOf(BatcherTx tx);

    /** A channel's frames as one inbox payload: version 0, then the frames. */
    static byte[] payload(List<Frame> frames) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.write(0);
        for (Frame f : frames) out.writeBytes(f.encode());
        return out.toByteArray();
    }
}
