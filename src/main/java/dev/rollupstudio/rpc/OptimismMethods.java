package dev.rollupstudio.rpc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollupstudio.host.ChainBlock;
import dev.rollupstudio.host.ChainView;
import dev.rollupstudio.host.Heads;
import dev.rollupstudio.host.RollupChainView;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.OutputRoot;
import dev.rollupstudio.runtime.l1.SystemContracts;
import java.util.Map;

/** op-node's optimism_ methods on a rollup's endpoint: its heads with their L1 origins, outputs, and config. */
final class OptimismMethods {
    private OptimismMethods() {}

    static void register(Map<String, Method> m, RollupChainView rollup, ChainView l1) {
        m.put("optimism_syncStatus", p -> syncStatus(rollup, l1));
        m.put("optimism_outputAtBlock", p -> {
            long n = p.atMost(1).longQuantity(0, "block number");
            ChainBlock b = rollup.block(n);
            if (b == null) throw RpcException.server("block " + n + " is not sealed yet (the head is " + rollup.heads().latest() + ")");
            var h = b.block().header();
            ObjectNode o = Shapes.JSON.objectNode();
            o.put("version", "0x" + "00".repeat(32));
            o.put("outputRoot", OutputRoot.of(h, b.hash()).toHex());
            o.set("blockRef", l2Ref(b));
            o.put("withdrawalStorageRoot", h.withdrawalsRoot().toHex());
            o.put("stateRoot", h.stateRoot().toHex());
            o.set("syncStatus", syncStatus(rollup, l1));
            return o;
        });
        m.put("optimism_rollupConfig", p -> rollupConfig(rollup, l1));
    }

    private static ObjectNode syncStatus(RollupChainView rollup, ChainView l1) {
        Heads h = rollup.heads();
        Heads l1h = l1.heads();
        ChainBlock unsafe = rollup.block(h.latest());
        ObjectNode o = Shapes.JSON.objectNode();
        o.set("current_l1", l1Ref(l1.block(l1h.latest())));
        o.set("current_l1_finalized", l1Ref(l1.block(l1h.finalized())));
        o.set("head_l1", l1Ref(l1.block(l1h.latest())));
        o.set("safe_l1", l1Ref(l1.block(l1h.safe())));
        o.set("finalized_l1", l1Ref(l1.block(l1h.finalized())));
        o.set("unsafe_l2", l2Ref(unsafe));
        o.set("safe_l2", l2Ref(rollup.block(h.safe())));
        o.set("finalized_l2", l2Ref(rollup.block(h.finalized())));
        o.set("pending_safe_l2", l2Ref(rollup.block(h.safe())));
        return o;
    }

    private static ObjectNode l1Ref(ChainBlock b) {
        ObjectNode o = Shapes.JSON.objectNode();
        o.put("hash", b.hash().toHex());
        o.put("number", b.number());
        o.put("parentHash", b.block().header().parentHash().toHex());
        o.put("timestamp", b.block().header().timestamp());
        return o;
    }

    /** op-node's L2BlockRef; the sequence number counts blocks since the origin changed. */
    private static ObjectNode l2Ref(ChainBlock b) {
        ObjectNode o = Shapes.JSON.objectNode();
        o.put("hash", b.hash().toHex());
        o.put("number", b.number());
        o.put("parentHash", b.block().header().parentHash().toHex());
        o.put("timestamp", b.block().header().timestamp());
        ObjectNode origin = o.putObject("l1origin");
        origin.put("hash", b.origin().hash().toHex());
        origin.put("number", b.origin().number());
        return o;
    }

    private static ObjectNode rollupConfig(RollupChainView rollup, ChainView l1) {
        RollupConfig c = rollup.config();
        ChainBlock genesis = rollup.block(0);
        if (genesis == null) throw new IllegalStateException("the rollup's genesis block is not available");
        ObjectNode o = Shapes.JSON.objectNode();
        ObjectNode g = o.putObject("genesis");
        ObjectNode gl1 = g.putObject("l1");
        gl1.put("hash", l1.block(genesis.origin().number()).hash().toHex());
        gl1.put("number", genesis.origin().number());
        ObjectNode gl2 = g.putObject("l2");
        gl2.put("hash", genesis.hash().toHex());
        gl2.put("number", 0);
        g.put("l2_time", genesis.block().header().timestamp());
        ObjectNode sys = g.putObject("system_config");
        sys.put("gasLimit", c.gasLimit());
        sys.put("baseFeeScalar", c.fees().baseFeeScalar());
        sys.put("blobBaseFeeScalar", c.fees().blobBaseFeeScalar());
        o.put("block_time", Math.max(1, c.blockTimeMillis() / 1000));
        o.put("block_time_ms", c.blockTimeMillis());
        o.put("max_channel_duration_l1_blocks", c.batching().maxChannelDurationL1Blocks());
        o.put("output_interval_blocks", c.batching().outputIntervalBlocks());
        o.put("l1_chain_id", EmbeddedL1.CHAIN_ID);
        o.put("l2_chain_id", c.chainId());
        o.put("deposit_contract_address", SystemContracts.portal(c.chainId()).toHex());
        o.put("l2_output_oracle_address", SystemContracts.outputOracle(c.chainId()).toHex());
        o.put("proposer_address", SystemContracts.proposer(c.chainId()).toHex());
        var token = c.fees().feeToken();
        if (token.l1Token() != null) { // OP's custom gas token, as its SystemConfig tells it; the price converts the L1 data fee
            ObjectNode g2 = o.putObject("custom_gas_token");
            g2.put("symbol", token.symbol());
            g2.put("l1_address", token.l1Token().toHex());
            g2.put("per_eth_numerator", token.perEthNumerator());
            g2.put("per_eth_denominator", token.perEthDenominator());
        }
        o.put("proof_system", c.proof().kind().name().toLowerCase(java.util.Locale.ROOT));
        o.put("finalization_period_seconds", c.proof().delaySeconds());
        o.put("data_availability", c.da().external() != null ? "external" : c.da().useBlobs() ? "blobs" : "calldata");
        return o;
    }
}
