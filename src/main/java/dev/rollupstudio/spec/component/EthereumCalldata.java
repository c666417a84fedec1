package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.DaConfig;
import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.L1Costs;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;

/** Batches as L1 transaction data, one frame per transaction (op-batcher's 120,000-byte maximum). */
public final class EthereumCalldata extends OnEthereum {
    public static final String ID = "ethereum-calldata";
    private static final double FRAME_BYTES = DaConfig.MAX_CALLDATA_FRAME + 1;

    public EthereumCalldata() {
        super(ID, "Ethereum calldata", "fth-file-text",
                "Batches go to Ethereum as transaction data: stored forever, priced with ordinary gas (16 per byte, at least 10 per token since EIP-7623).");
    }

    @Override public double bytesPerSecond(StackSpec s) {
        return L1Costs.GAS_TARGET / L1Costs.CALLDATA_GAS_PER_BYTE / L1Costs.SLOT_SECONDS;
    }

    @Override public String bindingName() {
        return "L1 calldata gas";
    }

    @Override public int framesPerChannel() {
        return 1;
    }

    @Override public double frameBytes() {
        return FRAME_BYTES;
    }

    @Override public double channelCostUsd(StackSpec s, double bytes, Prices p) {
        double l1Txs = Math.ceil(bytes / FRAME_BYTES);
        return L1Costs.gasUsd(bytes * L1Costs.CALLDATA_GAS_PER_BYTE + l1Txs * L1Costs.TX_GAS, p);
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        setup.rollup(r -> r.withDa(DaConfig.calldata()));
    }
}
