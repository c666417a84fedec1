package dev.rollupstudio.runtime.config;

import java.math.BigInteger;

/**
 * The embedded L1 (reference.md, "Ethereum L1"): 12 s slots, 32-slot epochs, a block final two
 * epochs after it; EIP-1559 with elasticity 2 and denominator 8; the blob schedule of a fork.
 * Background demand from other users keeps the fee markets moving; seeded, so runs repeat. ALT
 * governance lives on it ({@link GovernanceConfig}).
 */
public record L1Config(long slotMillis, long gasLimit, BigInteger initialBaseFee, BlobSchedule blobs,
                       double backgroundGasShare, double backgroundBlobs, int slotsPerEpoch, int finalityEpochs, GovernanceConfig governance) {

    public static L1Config pectra() {
        return new L1Config(12_000, 36_000_000, BigInteger.valueOf(1_000_000_000L), BlobSchedule.PECTRA, 0.5, 2.0, 32, 2, GovernanceConfig.defaults());
    }

    public L1Config withBlobs(BlobSchedule schedule) {
        return new L1Config(slotMillis, gasLimit, initialBaseFee, schedule, backgroundGasShare, backgroundBlobs, slotsPerEpoch, finalityEpochs, governance);
    }

    public L1Config withBackgroundBlobs(double perBlock) {
        return new L1Config(slotMillis, gasLimit, initialBaseFee, blobs, backgroundGasShare, perBlock, slotsPerEpoch, finalityEpochs, governance);
    }

    public L1Config withGovernance(GovernanceConfig g) {
        return new L1Config(slotMillis, gasLimit, initialBaseFee, blobs, backgroundGasShare, backgroundBlobs, slotsPerEpoch, finalityEpochs, g);
    }
}
