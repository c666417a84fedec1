package dev.rollupstudio.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollupstudio.runtime.config.ProofSystem;
import dev.rollupstudio.spec.component.AltGas;
import dev.rollupstudio.spec.component.ArbitrumOrbit;
import dev.rollupstudio.spec.component.Based;
import dev.rollupstudio.spec.component.Erc20Gas;
import dev.rollupstudio.spec.component.OpStack;
import dev.rollupstudio.spec.component.OptimisticProofs;
import dev.rollupstudio.spec.component.SingleSequencer;

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
        if (!(s.execution() instanceof OpStack)) {
            throw new ExportException("an OP Stack deploy config needs the OP Stack on the execution layer; this stack uses " + s.component(Layer.EXECUTION).name());
        }
        if (s.sequencing() instanceof Based) throw new ExportException("the OP Stack has no based sequencing mode; choose a single sequencer");
        if (s.proofs().kind() == ProofSystem.Kind.VALIDITY) throw new ExportException("the OP Stack deploy config has no ZK validity proofs; choose optimistic proofs");
        long blockMs = s.get(Layer.EXECUTION, s.execution().blockTime());
        if (blockMs % 1000 != 0) throw new ExportException("l2BlockTime is whole seconds in the OP Stack; " + blockMs + " ms is not");
        ObjectNode n = JSON.createObjectNode();
        n.put("l1ChainID", L1_CHAIN_ID);
        n.put("l2ChainID", s.chainId());
        n.put("l2BlockTime", blockMs / 1000);
        n.put("maxSequencerDrift", 600);
        n.put("sequencerWindowSize", 3600);
        n.put("channelTimeout", 300);
        boolean optimistic = s.proofs().kind() == ProofSystem.Kind.OPTIMISTIC;
        long window = s.proofs().exitDelaySeconds(s);
        n.put("finalizationPeriodSeconds", window);
        n.put("l2GenesisBlockGasLimit", "0x" + Long.toHexString(s.gasLimit()));
        n.put("eip1559Denominator", s.get(Layer.EXECUTION, OpStack.EIP1559_DENOMINATOR));
        n.put("eip1559Elasticity", s.get(Layer.EXECUTION, OpStack.EIP1559_ELASTICITY));
        n.put("gasPriceOracleBaseFeeScalar", s.get(Layer.EXECUTION, OpStack.BASE_FEE_SCALAR));
        n.put("gasPriceOracleBlobBaseFeeScalar", s.get(Layer.EXECUTION, OpStack.BLOB_BASE_FEE_SCALAR));
        n.put("useFaultProofs", optimistic);
        if (optimistic) {
            n.put("faultGameMaxClockDuration", Math.max(1, window / 2));
            n.put("proofMaturityDelaySeconds", window);
        }
        boolean onL1 = s.dataAvailability().onEthereum();
        n.put("useAltDA", !onL1);
        if (!onL1) n.put("daCommitmentType", "GenericCommitment");
        if (s.gasToken() instanceof Erc20Gas) {
            n.put("useCustomGasToken", true);
            n.put("customGasTokenAddress", s.get(Layer.GAS_TOKEN, Erc20Gas.L1_ADDRESS));
        } else if (s.gasToken() instanceof AltGas) {
            throw new ExportException("an ALT gas token needs ALT's L1 address: choose Custom ERC-20 and set it");
        }
        return n;
    }

    /** Orbit rollup parameters as arbitrum-orbit-sdk prepares them (reference.md, "Arbitrum Orbit"). */
    static ObjectNode orbit(StackSpec s) {
        if (!(s.execution() instanceof ArbitrumOrbit)) {
            throw new ExportException("an Orbit chain config needs Arbitrum Orbit on the execution layer; this stack uses " + s.component(Layer.EXECUTION).name());
        }
        if (!(s.proofs() instanceof OptimisticProofs)) throw new ExportException("Orbit chains are secured by fraud proofs; choose optimistic proofs");
        if (!(s.sequencing() instanceof SingleSequencer)) throw new ExportException("Orbit exports a single sequencer; choose Single sequencer");
        boolean onL1 = s.dataAvailability().onEthereum();
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
        n.put("confirmPeriodBlocks", Math.max(1, s.get(Layer.PROOFS, OptimisticProofs.CHALLENGE_WINDOW) / 12));
        n.put("extraChallengeTimeBlocks", 0);
        n.put("baseStake", "100000000000000000");
        n.put("minL2BaseFee", Math.round(s.get(Layer.EXECUTION, ArbitrumOrbit.MIN_BASE_FEE) * 1e9));
        n.put("speedLimitPerSecond", s.get(Layer.EXECUTION, ArbitrumOrbit.SPEED_LIMIT));
        n.put("blockTimeMs", s.get(Layer.EXECUTION, s.execution().blockTime()));
        ObjectNode tv = n.putObject("sequencerInboxMaxTimeVariation");
        tv.put("delayBlocks", 5_760);
        tv.put("futureBlocks", 12);
        tv.put("delaySeconds", 86_400);
        tv.put("futureSeconds", 3_600);
        if (s.gasToken() instanceof Erc20Gas) n.put("nativeToken", s.get(Layer.GAS_TOKEN, Erc20Gas.L1_ADDRESS));
        else if (s.gasToken() instanceof AltGas) throw new ExportException("an ALT gas token needs ALT's L1 address: choose Custom ERC-20 and set it");
        else n.put("nativeToken", "0x0000000000000000000000000000000000000000");
        return n;
    }
}
