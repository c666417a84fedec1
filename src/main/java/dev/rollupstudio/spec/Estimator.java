package dev.rollupstudio.spec;

import static dev.rollupstudio.spec.Catalog.*;

/**
 * Throughput, cost and time to finality of a stack under a workload. Each formula names the
 * reference.md row it implements; the batching constants are the runtime's own (one channel per
 * {@link #CHANNEL_SECONDS} at most, six frames of a blob's usable bytes when full).
 */
public final class Estimator {
    /** reference.md "blob": 4096 x 32 B per blob, 2^17 blob gas; OP's blob encoding makes 130,044 B usable. */
    public static final double BLOB_GAS = 131_072;
    public static final double USABLE_BLOB_BYTES = 130_044;
    /** reference.md "slot time": 12 s; "a block is final after 2 epochs (64 slots, ~12.8 min)". */
    public static final double SLOT_SECONDS = 12;
    public static final double L1_FINALITY_SECONDS = 64 * 12;
    /** reference.md "calldata": EIP-7623 floor of 10 gas per token, 4 tokens per non-zero byte (compressed data is nearly all non-zero). */
    public static final double CALLDATA_GAS_PER_BYTE = 40;
    /** reference.md "Celestia": 8 gas per blob byte, PayForBlobs ~ 8 * 512 * shares + ~65,000. */
    public static final double CELESTIA_SHARE_BYTES = 512;
    public static final double CELESTIA_PFB_GAS = 65_000;
    /** L1 gas of a batcher transaction without data, and of an output proposal (the embedded L1's figures). */
    public static final double L1_TX_GAS = 21_000;
    public static final double OUTPUT_GAS = 80_000;
    /** An alt-DA commitment on L1: version byte + 32-byte hash, under the EIP-7623 floor. */
    public static final double COMMITMENT_GAS = 21_000 + 10 * 4 * 33;
    /** A channel opens mid-slot on average and closes at the fifth L1 block after: 4.5 slots. */
    public static final double CHANNEL_SECONDS = 4.5 * 12;
    public static final int FRAMES_PER_CHANNEL = 6;
    public static final int OUTPUT_INTERVAL_BLOCKS = 30;

    private Estimator() {}

    public static Estimate estimate(StackSpec spec, Workload w, Prices p) {
        double blockSeconds = spec.blockTimeMillis() / 1000.0;
        double gasPerSecond = spec.gasLimit() / blockSeconds;
        if (spec.is(Layer.EXECUTION, ARBITRUM_ORBIT)) gasPerSecond = Math.min(gasPerSecond, spec.number(Layer.EXECUTION, "speedLimitGasPerSecond"));
        double execTps = gasPerSecond / w.gasPerTx();
        double daBytesPerSecond = daBytesPerSecond(spec);
        double daTps = daBytesPerSecond / w.compressedBytesPerTx();
        String binding = execTps <= daTps ? "execution gas/s" : daBindingName(spec);
        double ceiling = Math.min(execTps, daTps);

        double effectiveTps = Math.min(w.tps(), ceiling);
        double execution = w.gasPerTx() * (p.l2BaseFeeGwei() + p.l2TipGwei()) * 1e-9 * p.ethUsd();
        double da = daCostPerTx(spec, w, p, effectiveTps);
        double settlement = settlementCostPerTx(spec, p, effectiveTps, blockSeconds);
        return new Estimate(ceiling, binding, execTps, daTps, new Estimate.Cost(execution, da, settlement), finality(spec, w, effectiveTps));
    }

    /** Bytes per second the DA layer can take for this rollup. */
    public static double daBytesPerSecond(StackSpec spec) {
        String da = spec.choice(Layer.DATA_AVAILABILITY).component();
        return switch (da) {
            // reference.md "blobs per block (target / max)": sustained use stays at the target
            case ETHEREUM_BLOBS -> blobSchedule(spec).target * USABLE_BLOB_BYTES / SLOT_SECONDS;
            // reference.md "execution base fee": the gas target is half the 36M limit
            case ETHEREUM_CALLDATA -> 18_000_000 / CALLDATA_GAS_PER_BYTE / SLOT_SECONDS;
            // reference.md "Celestia": 8 MiB per ~6 s block
            case CELESTIA -> spec.number(Layer.DATA_AVAILABILITY, "blockMiB") * 1024 * 1024 / spec.number(Layer.DATA_AVAILABILITY, "blockSeconds");
            // reference.md "EigenDA": 10 MB/s at launch
            case EIGENDA -> spec.number(Layer.DATA_AVAILABILITY, "throughputMBps") * 1e6;
            // reference.md "Avail": 4 MB per ~20 s block
            case AVAIL -> spec.number(Layer.DATA_AVAILABILITY, "blockMB") * 1e6 / spec.number(Layer.DATA_AVAILABILITY, "blockSeconds");
            default -> Double.POSITIVE_INFINITY;
        };
    }

    static String daBindingName(StackSpec spec) {
        return switch (spec.choice(Layer.DATA_AVAILABILITY).component()) {
            case ETHEREUM_BLOBS -> "L1 blob space";
            case ETHEREUM_CALLDATA -> "L1 calldata gas";
            default -> "DA bandwidth";
        };
    }

    public static dev.rollupstudio.runtime.l1.BlobSchedule blobSchedule(StackSpec spec) {
        if (!spec.is(Layer.DATA_AVAILABILITY, ETHEREUM_BLOBS)) return dev.rollupstudio.runtime.l1.BlobSchedule.PECTRA;
        return switch (spec.text(Layer.DATA_AVAILABILITY, "blobSchedule")) {
            case "dencun" -> dev.rollupstudio.runtime.l1.BlobSchedule.DENCUN;
            case "fusaka-bpo1" -> dev.rollupstudio.runtime.l1.BlobSchedule.FUSAKA_BPO1;
            case "fusaka-bpo2" -> dev.rollupstudio.runtime.l1.BlobSchedule.FUSAKA_BPO2;
            default -> dev.rollupstudio.runtime.l1.BlobSchedule.PECTRA;
        };
    }

    /** Bytes in one channel: full, or what the load fills before the channel times out. */
    static double channelBytes(StackSpec spec, Workload w, double tps) {
        double full = framesPerChannel(spec) * frameBytes(spec);
        return Math.max(w.compressedBytesPerTx(), Math.min(full, tps * CHANNEL_SECONDS * w.compressedBytesPerTx()));
    }

    /** The runtime's batcher closes a blob channel at six frames and a calldata channel at one. */
    static int framesPerChannel(StackSpec spec) {
        return spec.is(Layer.DATA_AVAILABILITY, ETHEREUM_CALLDATA) ? 1 : FRAMES_PER_CHANNEL;
    }

    static double frameBytes(StackSpec spec) {
        return spec.is(Layer.DATA_AVAILABILITY, ETHEREUM_CALLDATA) ? 120_000 : USABLE_BLOB_BYTES;
    }

    static double daCostPerTx(StackSpec spec, Workload w, Prices p, double tps) {
        double bytes = channelBytes(spec, w, tps);
        double txs = bytes / w.compressedBytesPerTx();
        double l1Gwei = p.l1BaseFeeGwei();
        double ethPerGwei = 1e-9;
        double usd = switch (spec.choice(Layer.DATA_AVAILABILITY).component()) {
            case ETHEREUM_BLOBS -> {
                double blobs = Math.ceil(bytes / USABLE_BLOB_BYTES);
                double l1Txs = Math.ceil(blobs / spec.integer(Layer.DATA_AVAILABILITY, "maxBlobsPerTx"));
                // reference.md "blob base fee" x "blob" gas, plus each transaction's 21,000 execution gas
                yield (blobs * BLOB_GAS * p.blobBaseFeeGwei() + l1Txs * L1_TX_GAS * l1Gwei) * ethPerGwei * p.ethUsd();
            }
            case ETHEREUM_CALLDATA -> {
                double l1Txs = Math.ceil(bytes / 120_000);
                yield (bytes * CALLDATA_GAS_PER_BYTE + l1Txs * L1_TX_GAS) * l1Gwei * ethPerGwei * p.ethUsd();
            }
            case CELESTIA -> {
                double shares = Math.ceil(bytes / CELESTIA_SHARE_BYTES);
                double gas = 8 * CELESTIA_SHARE_BYTES * shares + CELESTIA_PFB_GAS;
                double tia = gas * spec.number(Layer.DATA_AVAILABILITY, "gasPriceUtia") * 1e-6;
                yield tia * p.tiaUsd() + commitmentUsd(p);
            }
            case EIGENDA, AVAIL -> bytes / 1e6 * spec.number(Layer.DATA_AVAILABILITY, "usdPerMB") + commitmentUsd(p);
            default -> commitmentUsd(p);
        };
        return usd / txs;
    }

    static double commitmentUsd(Prices p) {
        return COMMITMENT_GAS * p.l1BaseFeeGwei() * 1e-9 * p.ethUsd();
    }

    static double settlementCostPerTx(StackSpec spec, Prices p, double tps, double blockSeconds) {
        double txsPerOutput = Math.max(1, tps * OUTPUT_INTERVAL_BLOCKS * blockSeconds);
        double gas = OUTPUT_GAS;
        if (spec.is(Layer.PROOFS, ZK_VALIDITY)) gas += spec.number(Layer.PROOFS, "verifyGas");
        if (spec.is(Layer.PROOFS, NO_PROOFS) && spec.is(Layer.DATA_AVAILABILITY, LOCAL_DA)) gas = 0;
        return gas * p.l1BaseFeeGwei() * 1e-9 * p.ethUsd() / txsPerOutput;
    }

    static Estimate.Finality finality(StackSpec spec, Workload w, double tps) {
        double soft = spec.blockTimeMillis() / 1000.0;
        double fill = Math.min(CHANNEL_SECONDS, framesPerChannel(spec) * frameBytes(spec) / Math.max(1e-9, tps * w.compressedBytesPerTx()));
        double safe = soft + fill + daLatencySeconds(spec);
        double fin;
        String by;
        if (spec.is(Layer.SECURITY, MACH)) {
            // reference.md "MACH": a block is fast-final when a quorum of stake attests
            fin = soft + spec.number(Layer.SECURITY, "checkIntervalMs") / 1000.0;
            by = "MACH quorum";
        } else if (spec.is(Layer.PROOFS, OPTIMISTIC)) {
            fin = safe + L1_FINALITY_SECONDS + spec.number(Layer.PROOFS, "challengeWindowSeconds");
            by = "L1 finality + challenge window";
        } else if (spec.is(Layer.PROOFS, ZK_VALIDITY)) {
            fin = safe + spec.number(Layer.PROOFS, "provingLatencySeconds") + L1_FINALITY_SECONDS;
            by = "proof verified on L1 + L1 finality";
        } else {
            fin = safe + L1_FINALITY_SECONDS;
            by = "L1 finality (no proofs)";
        }
        return new Estimate.Finality(soft, safe, fin, by);
    }

    /** Time from a batch leaving the batcher to its data being available to L1 readers. */
    static double daLatencySeconds(StackSpec spec) {
        return switch (spec.choice(Layer.DATA_AVAILABILITY).component()) {
            case CELESTIA -> spec.number(Layer.DATA_AVAILABILITY, "blockSeconds") + SLOT_SECONDS;
            case EIGENDA -> spec.number(Layer.DATA_AVAILABILITY, "attestationSeconds") + SLOT_SECONDS;
            case AVAIL -> spec.number(Layer.DATA_AVAILABILITY, "finalitySeconds") + SLOT_SECONDS;
            default -> SLOT_SECONDS;
        };
    }
}
