package dev.rollupstudio.runtime.config;

/**
 * A DA network as a queue: a block every {@code blockMillis} carrying at most
 * {@code capacityBytes}, data final {@code finalityMillis} after its block, and a price for a
 * submission: {@code perChunk} for every started chunk of {@code chunkBytes}, plus
 * {@code perSubmission}, in the network's own unit. The model simplifies the physics (no
 * sampling, no validators) and says so in the catalog; its figures are reference.md's.
 */
public record DaModel(String name, long blockMillis, long capacityBytes, long finalityMillis, String feeUnit,
                      long chunkBytes, double perChunk, double perSubmission, double ethPerFeeUnit) {

    public DaModel(String name, long blockMillis, long capacityBytes, long finalityMillis, String feeUnit, long chunkBytes, double perChunk,
                   double perSubmission) {
        this(name, blockMillis, capacityBytes, finalityMillis, feeUnit, chunkBytes, perChunk, perSubmission, 0);
    }

    /** The same network with a price for its fee unit in ETH (from the composer's prices), so its fees add to L1's. */
    public DaModel withEthPerFeeUnit(double eth) {
        return new DaModel(name, blockMillis, capacityBytes, finalityMillis, feeUnit, chunkBytes, perChunk, perSubmission, eth);
    }

    /** A fee in the network's unit, in wei at {@link #ethPerFeeUnit()}; zero when no price was given. */
    public double inWei(double fee) {
        return fee * ethPerFeeUnit * 1e18;
    }

    /** reference.md "Celestia": 6 s blocks, 8 MiB; PayForBlobs gas ~ 8 * 512 * shares + 65,000, at the gas price (utia). */
    public static DaModel celestia(long blockSeconds, double blockMiB, double gasPriceUtia) {
        return new DaModel("Celestia", blockSeconds * 1000, (long) (blockMiB * 1024 * 1024), 0, "utia", 512, 8 * 512 * gasPriceUtia, 65_000 * gasPriceUtia);
    }

    /** reference.md "EigenDA": 10 MB/s, priced by bandwidth (USD per MB, a parameter); data is available once the committee attests. */
    public static DaModel eigenDa(double throughputMBps, double usdPerMB, long attestationSeconds) {
        return new DaModel("EigenDA", 1_000, (long) (throughputMBps * 1e6), attestationSeconds * 1000, "USD", 1, usdPerMB / 1e6, 0);
    }

    /** reference.md "Avail": 4 MB per ~20 s block, DA finality ~40 s. */
    public static DaModel avail(long blockSeconds, double blockMB, long finalitySeconds, double usdPerMB) {
        return new DaModel("Avail", blockSeconds * 1000, (long) (blockMB * 1e6), finalitySeconds * 1000, "USD", 1, usdPerMB / 1e6, 0);
    }

    /** A devnet: data stays on this machine, free, one "block" a second. */
    public static DaModel local() {
        return new DaModel("Local", 1_000, Long.MAX_VALUE, 0, "", 1, 0, 0);
    }

    /** The price of publishing {@code bytes} in one submission. */
    public double fee(long bytes) {
        return Math.ceil((double) bytes / chunkBytes) * perChunk + perSubmission;
    }
}
