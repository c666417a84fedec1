package dev.rollupstudio.spec;

/**
 * Market inputs of an estimate; never hard-coded market data (reference.md: "Celestia and
 * EigenDA prices in USD, and the ETH/ALT/TIA prices, are parameters of the estimator").
 */
public record Prices(double ethUsd, double altUsd, double tiaUsd, double l1BaseFeeGwei, double blobBaseFeeGwei, double l2BaseFeeGwei,
                     double l2TipGwei) {

    public static Prices defaults() {
        return new Prices(3_000, 0.03, 2.0, 1.0, 1e-9, 0.001, 0.001);
    }

    public Prices withL1(double baseFeeGwei, double blobFeeGwei) {
        return new Prices(ethUsd, altUsd, tiaUsd, baseFeeGwei, blobFeeGwei, l2BaseFeeGwei, l2TipGwei);
    }
}
