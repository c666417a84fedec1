package dev.rollupstudio.runtime.config;

/**
 * Blob target, maximum and base-fee update fraction per fork (reference.md, "blobs per block
 * (target / max) and update fraction F"; EIP-4844, EIP-7691, EIP-7892).
 */
public enum BlobSchedule {
    DENCUN(3, 6, 3_338_477, false),
    PECTRA(6, 9, 5_007_716, false),
    FUSAKA_BPO1(10, 15, 8_346_193, true),
    FUSAKA_BPO2(14, 21, 11_684_671, true);

    public static final long GAS_PER_BLOB = 1L << 17;
    public static final int BYTES_PER_BLOB = 4096 * 32;

    public final int target;
    public final int max;
    public final long updateFraction;
    /** EIP-7918's reserve price, from Fusaka on. */
    public final boolean reservePrice;

    BlobSchedule(int target, int max, long updateFraction, boolean reservePrice) {
        this.target = target;
        this.max = max;
        this.updateFraction = updateFraction;
        this.reservePrice = reservePrice;
    }
}
