package dev.rollupstudio.runtime.config;

/**
 * Where batches go: Ethereum blobs (up to {@code maxBlobsPerTx} per batcher transaction),
 * Ethereum calldata (one frame per transaction), or an external network modelled as a queue
 * ({@code external}, with a commitment on L1).
 */
public record DaConfig(boolean useBlobs, int maxBlobsPerTx, int targetFramesPerChannel, DaModel external) {
    /** Usable bytes in one blob with the OP Stack blob encoding, minus one byte of version. */
    public static final int MAX_BLOB_FRAME = 130_044 - 1;
    /** Largest frame the batcher puts in calldata (op-batcher's default max L1 tx size). */
    public static final int MAX_CALLDATA_FRAME = 120_000 - 1;

    public static DaConfig blobs(int maxBlobsPerTx) {
        return new DaConfig(true, maxBlobsPerTx, 6, null);
    }

    public static DaConfig calldata() {
        return new DaConfig(false, 0, 1, null);
    }

    public static DaConfig external(DaModel model) {
        return new DaConfig(true, 6, 6, model); // frames sized as for blobs
    }

    public int maxFrameSize() {
        return useBlobs ? MAX_BLOB_FRAME : MAX_CALLDATA_FRAME;
    }
}
