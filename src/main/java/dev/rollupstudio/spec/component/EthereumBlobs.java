package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.BlobSchedule;
import dev.rollupstudio.runtime.config.DaConfig;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.L1Costs;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;
import java.util.List;

/** EIP-4844 blobs on the embedded L1, under the chosen fork's blob schedule. */
public final class EthereumBlobs extends OnEthereum {
    public static final String ID = "ethereum-blobs";
    public static final Param<String> SCHEDULE = Param.choice("blobSchedule", "Blob schedule", "pectra",
            List.of("dencun", "pectra", "fusaka-bpo1", "fusaka-bpo2"), "the fork's blob target, maximum and fee update fraction");
    public static final Param<Long> MAX_BLOBS_PER_TX = Param.integer("maxBlobsPerTx", "Blobs per transaction", "", 6, 1, 21,
            "blobs the batcher puts in one L1 transaction", null);

    public EthereumBlobs() {
        super(ID, "Ethereum blobs", "fth-package",
                "Batches go to Ethereum as EIP-4844 blobs: 128 KiB each, priced by their own fee market, kept by the network long enough for anyone to rebuild the chain.",
                SCHEDULE, MAX_BLOBS_PER_TX);
    }

    public BlobSchedule schedule(StackSpec s) {
        return BlobSchedule.valueOf(get(s, SCHEDULE).toUpperCase().replace('-', '_'));
    }

    /** reference.md "blobs per block (target / max)": sustained use stays at the target. */
    @Override public double bytesPerSecond(StackSpec s) {
        return schedule(s).target * USABLE_BLOB_BYTES / L1Costs.SLOT_SECONDS;
    }

    @Override public String bindingName() {
        return "L1 blob space";
    }

    /** reference.md "blob base fee" x "blob" gas, plus each batcher transaction's 21,000 execution gas. */
    @Override public double channelCostUsd(StackSpec s, double bytes, Prices p) {
        double blobs = Math.ceil(bytes / USABLE_BLOB_BYTES);
        double l1Txs = Math.ceil(blobs / get(s, MAX_BLOBS_PER_TX));
        return blobs * L1Costs.BLOB_GAS * p.blobBaseFeeGwei() * 1e-9 * p.ethUsd() + L1Costs.gasUsd(l1Txs * L1Costs.TX_GAS, p);
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.rollup(r -> r.withDa(DaConfig.blobs(get(spec, MAX_BLOBS_PER_TX).intValue()))).l1(l1 -> l1.withBlobs(schedule(spec)));
    }
}
