package dev.rollupstudio.spec;

/**
 * The load an estimate is for: transactions per second, their average signed size, the batch
 * compression ratio (compressed / raw; op-batcher's default approximation is 0.6, reference.md
 * "batch compression") and gas per transaction (21,000 for a transfer).
 */
public record Workload(double tps, double avgTxBytes, double compressionRatio, double gasPerTx) {

    public static Workload defaults() {
        return new Workload(100, 112, 0.6, 21_000);
    }

    public Workload withTps(double t) {
        return new Workload(t, avgTxBytes, compressionRatio, gasPerTx);
    }

    public double compressedBytesPerTx() {
        return avgTxBytes * compressionRatio;
    }
}
