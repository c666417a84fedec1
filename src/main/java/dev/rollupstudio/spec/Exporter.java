package dev.rollupstudio.spec;

import static dev.rollupstudio.spec.Catalog.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes a stack as an OP Stack deploy config or an Arbitrum Orbit chain config, when its execution layer matches. */
public final class Exporter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** The embedded L1's chain id. */
    public static final long L1_CHAIN_ID = 900;

    private Exporter() {}

    public static String export(StackSpec spec, String target) {
        if (Validator.hasErrors(Validator.validate(spec))) {
            throw new ExportException("the stack has errors; fix them first (spec validate shows them)");
        }
        ObjectNode n = switch (target) {
            case "op-stack" -> opStack(spec);
            case "orbit" -> orbit(spec);
            default -> throw new ExportException("unknown target '" + target + "'; choose op-stack or orbit");
        };
        try {
            return JSON.writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deploy-config fields of ethereum-optimism/optimism (reference.md, "OP Stack"). */
    static ObjectNode opStack(StackSpec s) {
        if (!s.is(Layer.EXECUTION, OP_STACK)) {
            throw new ExportException("an OP Stack deploy config needs the OP Stack on the execution layer; this stack uses " + s.component(Layer.EXECUTION).name());
        }
        if (s.is(Layer.SEQUENCING, BASED)) throw new ExportException("the OP Stack has no based sequencing mode; choose a single sequencer");
        if (s.is(Layer.PROOFS, ZK_VALIDITY)) throw new ExportException("the OP Stack deploy config has no ZK validity proofs; choose optimistic proofs");
        long blockMs = s.integer(Layer.EXECUTION, "blockTimeMs");
        if (blockMs % 1000 != 0) throw new ExportException("l2BlockTime is whole seconds in the OP Stack; " + blockMs + " ms is not");
        ObjectNode n = JSON.createObjectNode();
        n.put("l1ChainID", L1_CHAIN_ID);
        n.put("l2ChainID", s.chainId());
        n.put("l2BlockTime", blockMs / 1000);
        n.put("maxSequencerDrift", 600);
        n.put("sequencerWindowSize", 3600);
        n.put("channelTimeout", 300);
        boolean optimistic = s.is(Layer.PROOFS, OPTIMISTIC);
        long window = optimistic ? s.integer(Layer.PROOFS, "challengeWindowSeconds") : 0;
        n.put("finalizationPeriodSeconds", window);
        n.put("l2GenesisBlockGasLimit", "0x" + Long.toHexString(s.gasLimit()));
        n.put("eip1559Denominator", s.integer(Layer.EXECUTION, "eip1559Denominator"));
        n.put("eip1559Elasticity", s.integer(Layer.EXECUTION, "eip1559Elasticity"));
        n.put("gasPriceOracleBaseFeeScalar", s.integer(Layer.EXECUTION, "baseFeeScalar"));
        n.put("gasPriceOracleBlobBaseFeeScalar", s.integer(Layer.EXECUTION, "blobBaseFeeScalar"));
        n.put("useFaultProofs", optimistic);
        if (optimistic) {
            n.put("faultGameMaxClockDuration", Math.max(1, window / 2));
            n.put("proofMaturityDelaySeconds", window);
        }
        boolean onL1 = s.is(Layer.DATA_AVAILABILITY, ETHEREUM_BLOBS) || s.is(Layer.DATA_AVAILABILITY, ETHEREUM_CALLDATA);
        n.put("useAltDA", !onL1);
        if (!onL1) n.put("daCommitmentType", "GenericCommitment");
        if (s.is(Layer.GAS_TOKEN, ERC20)) {
            n.put("useCustomGasToken", true);
            n.put("customGasTokenAddress", s.text(Layer.GAS_TOKEN, "l1Address"));
        } else if (s.is(Layer.GAS_TOKEN, ALT)) {
            throw new ExportException("an ALT gas token needs ALT's L1 address: choose Custom ERC-20 and set it");
        }
        return n;
    }

    /** Orbit rollup parameters as arbitrum-orbit-sdk prepares them (reference.md, "Arbitrum Orbit"). */
    static ObjectNode orbit(StackSpec s) {
        if (!s.is(Layer.EXECUTION, ARBITRUM_ORBIT)) {
            throw new ExportException("an Orbit chain config needs Arbitrum Orbit on the execution layer; this stack uses " + s.component(Layer.EXECUTION).name());
        }
        if (!s.is(Layer.PROOFS, OPTIMISTIC)) throw new ExportException("Orbit chains are secured by fraud proofs; choose optimistic proofs");
        if (!s.is(Layer.SEQUENCING, SINGLE_SEQUENCER)) throw new ExportException("Orbit exports a single sequencer; choose Single sequencer");
        boolean onL1 = s.is(Layer.DATA_AVAILABILITY, ETHEREUM_BLOBS) || s.is(Layer.DATA_AVAILABILITY, ETHEREUM_CALLDATA);
        ObjectNode n = JSON.createObjectNode();
        n.put("chainId", s.chainId());
        ObjectNode cc = n.putObject("chainConfig");
        cc.put("chainId", s.chainId());
        for (String f : new String[] {"homesteadBlock", "eip150Block", "eip155Block", "eip158Block", "byzantiumBlock", "constantinopleBlock",
                "petersburgBlock", "istanbulBlock", "muirGlacierBlock", "berlinBlock", "londonBlock"}) cc.put(f, 0);
        cc.putObject("clique").put("period", 0).put("epoch", 0);
        ObjectNode arb = cc.putObject("arbitrum");
        arb.put("EnableArbOS", true);
        arb.put("AllowDebugPrecompiles", false);
        arb.put("DataAvailabilityCommittee", !onL1);
        arb.put("InitialArbOSVersion", 32);
        arb.put("GenesisBlockNum", 0);
        arb.put("MaxCodeSize", 24_576);
        arb.put("MaxInitCodeSize", 49_152);
        n.put("confirmPeriodBlocks", Math.max(1, s.integer(Layer.PROOFS, "challengeWindowSeconds") / 12));
        n.put("extraChallengeTimeBlocks", 0);
        n.put("baseStake", "100000000000000000");
        n.put("minL2BaseFee", Math.round(s.number(Layer.EXECUTION, "minBaseFeeGwei") * 1e9));
        n.put("speedLimitPerSecond", s.integer(Layer.EXECUTION, "speedLimitGasPerSecond"));
        n.put("blockTimeMs", s.integer(Layer.EXECUTION, "blockTimeMs"));
        ObjectNode tv = n.putObject("sequencerInboxMaxTimeVariation");
        tv.put("delayBlocks", 5_760);
        tv.put("futureBlocks", 12);
        tv.put("delaySeconds", 86_400);
        tv.put("futureSeconds", 3_600);
        if (s.is(Layer.GAS_TOKEN, ERC20)) n.put("nativeToken", s.text(Layer.GAS_TOKEN, "l1Address"));
        else if (s.is(Layer.GAS_TOKEN, ALT)) throw new ExportException("an ALT gas token needs ALT's L1 address: choose Custom ERC-20 and set it");
        else n.put("nativeToken", "0x0000000000000000000000000000000000000000");
        return n;
    }
}
