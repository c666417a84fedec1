package dev.rollupstudio.spec;

import java.util.OptionalDouble;

/**
 * Throughput, cost and time to finality of a stack under a workload. The layers give their own
 * terms (each names the reference.md row it implements); this class combines them. The
 * batching constants are the runtime's own: one channel per {@link #CHANNEL_SECONDS} at most,
 * closed when its frames are full.
 */
public final class Estimator {
    /** A channel opens mid-slot on average and closes at the fifth L1 block after: 4.5 slots. */
    public static final double CHANNEL_SECONDS = 4.5 * L1Costs.SLOT_SECONDS;
    public static final int OUTPUT_INTERVAL_BLOCKS = 30;

    private Estimator() {}

    public static Estimate estimate(StackSpec spec, Workload w, Prices p) {
        Validator.requireComplete(spec);
        double blockSeconds = spec.blockTimeMillis() / 1000.0;
        double execTps = spec.execution().gasPerSecond(spec) / w.gasPerTx();
        DataAvailability da = spec.dataAvailability();
        double daTps = da.bytesPerSecond(spec) / w.compressedBytesPerTx();
        String binding = execTps <= daTps ? "execution gas/s" : da.bindingName();
        double ceiling = Math.min(execTps, daTps);

        double effectiveTps = Math.min(w.tps(), ceiling);
        double execution = w.gasPerTx() * (p.l2BaseFeeGwei() + p.l2TipGwei()) * 1e-9 * p.ethUsd();
        double daCost = daCostPerTx(spec, w, p, effectiveTps);
        double settlement = settlementCostPerTx(spec, p, effectiveTps, blockSeconds);
        return new Estimate(ceiling, binding, execTps, daTps, new Estimate.Cost(execution, daCost, settlement), finality(spec, w, effectiveTps));
    }

    /** Bytes in one channel: full, or what the load fills before the channel times out. */
    static double channelBytes(DataAvailability da, Workload w, double tps) {
        double full = da.framesPerChannel() * da.frameBytes();
        return Math.max(w.compressedBytesPerTx(), Math.min(full, tps * CHANNEL_SECONDS * w.compressedBytesPerTx()));
    }

    static double daCostPerTx(StackSpec spec, Workload w, Prices p, double tps) {
        DataAvailability da = spec.dataAvailability();
        double bytes = channelBytes(da, w, tps);
        return da.channelCostUsd(spec, bytes, p) / (bytes / w.compressedBytesPerTx());
    }

    /** One output proposal (and its proof's verification) per output interval, shared by the transactions in it. */
    static double settlementCostPerTx(StackSpec spec, Prices p, double tps, double blockSeconds) {
        double txsPerOutput = Math.max(1, tps * OUTPUT_INTERVAL_BLOCKS * blockSeconds);
        return L1Costs.gasUsd(L1Costs.OUTPUT_GAS + spec.proofs().verifyGas(spec), p) / txsPerOutput;
    }

    static Estimate.Finality finality(StackSpec spec, Workload w, double tps) {
        DataAvailability da = spec.dataAvailability();
        double soft = spec.blockTimeMillis() / 1000.0;
        double fill = Math.min(CHANNEL_SECONDS, da.framesPerChannel() * da.frameBytes() / Math.max(1e-9, tps * w.compressedBytesPerTx()));
        double safe = soft + fill + da.latencySeconds(spec);
        OptionalDouble fast = spec.security().fastFinalitySeconds(spec, soft);
        if (fast.isPresent()) return new Estimate.Finality(soft, safe, fast.getAsDouble(), spec.security().fastFinalityBy());
        Proofs proofs = spec.proofs();
        return new Estimate.Finality(soft, safe, proofs.finalSeconds(spec, safe), proofs.finalBy());
    }
}
