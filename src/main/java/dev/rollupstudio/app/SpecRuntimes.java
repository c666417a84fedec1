package dev.rollupstudio.app;

import static dev.rollupstudio.spec.Catalog.*;

import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.da.DaModel;
import dev.rollupstudio.runtime.proof.ProofSystem;
import dev.rollupstudio.runtime.rollup.RollupConfig;
import dev.rollupstudio.runtime.security.MachConfig;
import dev.rollupstudio.runtime.security.SequencerSet;
import dev.rollupstudio.spec.Estimator;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Problem;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.spec.Validator;
import java.util.List;

/** The one place a composed stack becomes a runtime: every layer choice selects behaviour, not a label. */
public final class SpecRuntimes {
    private SpecRuntimes() {}

    /** Options for running {@code spec}; refuses a stack with errors, naming the first one. */
    public static RuntimeOptions options(StackSpec spec, Prices prices, RuntimeOptions base) {
        List<Problem> problems = Validator.validate(spec);
        if (Validator.hasErrors(problems)) {
            Problem first = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).findFirst().orElseThrow();
            throw new IllegalArgumentException("the stack cannot launch: " + first.path() + ": " + first.message());
        }
        RollupConfig.Builder b = RollupConfig.opStack(spec.chainId()).toBuilder()
                .blockTimeMillis(spec.blockTimeMillis())
                .gasLimit(spec.gasLimit());
        execution(spec, b);
        dataAvailability(spec, b);
        b.proof(switch (spec.choice(Layer.PROOFS).component()) {
            case OPTIMISTIC -> ProofSystem.optimistic(spec.integer(Layer.PROOFS, "challengeWindowSeconds"));
            case ZK_VALIDITY -> ProofSystem.validity(spec.integer(Layer.PROOFS, "provingLatencySeconds"));
            default -> ProofSystem.none();
        });
        b.sequencing(switch (spec.choice(Layer.SEQUENCING).component()) {
            case SQUAD -> SequencerSet.squad((int) spec.integer(Layer.SEQUENCING, "operators"), (int) spec.integer(Layer.SEQUENCING, "rotationBlocks"));
            case BASED -> SequencerSet.based();
            default -> SequencerSet.single();
        });
        b.mach(spec.is(Layer.SECURITY, MACH) ? new MachConfig((int) spec.integer(Layer.SECURITY, "operators"),
                (int) spec.integer(Layer.SECURITY, "quorumPct"), spec.integer(Layer.SECURITY, "checkIntervalMs")) : null);
        gasToken(spec, prices, b);
        return base.withRollup(b.build()).withL1(base.l1().withBlobs(Estimator.blobSchedule(spec)));
    }

    private static void execution(StackSpec spec, RollupConfig.Builder b) {
        switch (spec.choice(Layer.EXECUTION).component()) {
            case OP_STACK -> b.eip1559(spec.integer(Layer.EXECUTION, "eip1559Denominator"), spec.integer(Layer.EXECUTION, "eip1559Elasticity"))
                    .feeScalars(spec.integer(Layer.EXECUTION, "baseFeeScalar"), spec.integer(Layer.EXECUTION, "blobBaseFeeScalar"));
            case CUSTOM_EVM -> b.eip1559(spec.integer(Layer.EXECUTION, "eip1559Denominator"), spec.integer(Layer.EXECUTION, "eip1559Elasticity"));
            case ARBITRUM_ORBIT -> {
                // Arbitrum prices against a gas speed limit: the per-block target is what the limit allows in one block.
                double perBlock = spec.number(Layer.EXECUTION, "speedLimitGasPerSecond") * spec.blockTimeMillis() / 1000.0;
                b.eip1559(50, Math.max(1, Math.round(spec.gasLimit() / perBlock)));
            }
            default -> b.eip1559(8, 2); // ZK Stack, Polygon CDK: Ethereum's EIP-1559 parameters
        }
    }

    private static void dataAvailability(StackSpec spec, RollupConfig.Builder b) {
        Layer da = Layer.DATA_AVAILABILITY;
        switch (spec.choice(da).component()) {
            case ETHEREUM_BLOBS -> b.useBlobs(true).maxBlobsPerTx((int) spec.integer(da, "maxBlobsPerTx"));
            case ETHEREUM_CALLDATA -> b.useBlobs(false).targetFramesPerChannel(1);
            case CELESTIA -> b.externalDa(DaModel.celestia(spec.integer(da, "blockSeconds"), spec.number(da, "blockMiB"), spec.number(da, "gasPriceUtia")));
            case EIGENDA -> b.externalDa(DaModel.eigenDa(spec.number(da, "throughputMBps"), spec.number(da, "usdPerMB"), spec.integer(da, "attestationSeconds")));
            case AVAIL -> b.externalDa(DaModel.avail(spec.integer(da, "blockSeconds"), spec.number(da, "blockMB"), spec.integer(da, "finalitySeconds"),
                    spec.number(da, "usdPerMB")));
            default -> b.externalDa(DaModel.local());
        }
    }

    /** The L1 data fee is charged in the gas token at the prices given (ALT/ETH, or the custom token's USD price). */
    private static void gasToken(StackSpec spec, Prices prices, RollupConfig.Builder b) {
        double tokenUsd = switch (spec.choice(Layer.GAS_TOKEN).component()) {
            case ALT -> prices.altUsd();
            case ERC20 -> spec.number(Layer.GAS_TOKEN, "usdPrice");
            default -> prices.ethUsd();
        };
        b.gasTokenPerEth(Math.round(prices.ethUsd() * 1_000_000), Math.max(1, Math.round(tokenUsd * 1_000_000)));
    }
}
