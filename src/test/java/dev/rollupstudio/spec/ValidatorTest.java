package dev.rollupstudio.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.spec.component.Ephemeral;
import dev.rollupstudio.spec.component.Erc20Gas;
import dev.rollupstudio.spec.component.EthereumCalldata;
import dev.rollupstudio.spec.component.Mach;
import dev.rollupstudio.spec.component.NoRestaking;
import dev.rollupstudio.spec.component.OptimisticProofs;
import dev.rollupstudio.spec.component.Vital;
import dev.rollupstudio.spec.component.ZkValidityProofs;
import dev.rollupstudio.spec.Problem.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule: a stack that breaks it gets its message at its path; the presets do not trigger errors. */
class ValidatorTest {
    private static final StackSpec OP = Presets.get("op-stack-blobs");

    private static Problem only(StackSpec spec, String rule) {
        return only(Validator.validate(spec), rule);
    }

    private static Problem only(List<Problem> problems, String rule) {
        List<Problem> hits = problems.stream().filter(p -> p.rule().equals(rule)).toList();
        assertThat(hits).as("problems: %s", problems).hasSize(1);
        return hits.get(0);
    }

    @Test
    void layerMissing() {
        Problem p = only(OP.with(Layer.PROOFS, null), "layer-missing");
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.path()).isEqualTo("$.layers.proofs");
        assertThat(p.message()).isEqualTo("no component on the Proofs layer; choose one from the palette");
    }

    @Test
    void paramRange() {
        Problem p = only(OP.withParam(Layer.PROOFS, "challengeWindowSeconds", 10L), "param-range");
        assertThat(p.path()).isEqualTo("$.layers.proofs.params.challengeWindowSeconds");
        assertThat(p.message()).isEqualTo("Challenge window must be at least 60 s, not 10 (Optimistic proofs)");
    }

    @Test
    void blockTimeBelowWhatTheStackSupports() {
        Problem p = only(OP.withParam(Layer.EXECUTION, "blockTimeMs", 250L), "block-time-supported");
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.message()).isEqualTo("OP Stack supports blocks of 1000 ms or more, not 250 ms; raise the block time");
    }

    @Test
    void validityProofsNeedAZkStack() {
        Problem p = only(OP.with(Layer.PROOFS, Choice.of(ZkValidityProofs.ID)), "validity-needs-zk-stack");
        assertThat(p.severity()).isEqualTo(Severity.ERROR);
        assertThat(p.path()).isEqualTo("$.layers.proofs.component");
        assertThat(p.message()).startsWith("validity proofs need a ZK-capable stack");
    }

    @Test
    void zkStacksHaveNoFaultProofs() {
        Problem p = only(Presets.get("zk-eigenda-mach").with(Layer.PROOFS, Choice.of(OptimisticProofs.ID)), "zk-stack-needs-validity");
        assertThat(p.message()).isEqualTo("ZK Stack proves its batches and has no fault proofs: choose ZK validity proofs");
    }

    @Test
    void ephemeralOptimisticRollupMustSettleOnTime() {
        // MACH finalizes blocks fast but withdrawals still wait the window, so MACH does not make a 7-day window fit 6 hours
        StackSpec mint = Presets.get("ephemeral-nft-mint").withParam(Layer.PROOFS, "challengeWindowSeconds", 604_800L);
        assertThat(mint.is(Layer.SECURITY, Mach.ID)).isTrue();
        Problem p = only(mint, "ephemeral-settles-on-time");
        assertThat(p.path()).isEqualTo("$.layers.lifecycle.params.lifetimeSeconds");
        assertThat(p.message()).isEqualTo("an ephemeral rollup living 6 h cannot settle on time with a 7 d challenge window, since its last withdrawals "
                + "wait the whole window (MACH does not shorten it): switch to ZK proofs, or shorten the window below the lifetime");
        assertThat(only(mint.with(Layer.SECURITY, Choice.of(NoRestaking.ID)), "ephemeral-settles-on-time").message()).isEqualTo(p.message());
        assertThat(Validator.validate(Presets.get("ephemeral-nft-mint"))).noneMatch(x -> x.rule().equals("ephemeral-settles-on-time"));
    }

    @Test
    void ephemeralZkRollupMustProveOnTime() {
        StackSpec s = Presets.get("based-zk").with(Layer.LIFECYCLE, Choice.of(Ephemeral.ID).with("lifetimeSeconds", 1_800L));
        assertThat(only(s, "ephemeral-proves-on-time").message()).startsWith("the last batch's proof takes 1 h, longer than the rollup lives (30 min)");
    }

    @Test
    void celestiaWithoutABridgeIsBadDa() {
        Problem p = only(Presets.get("orbit-celestia").withParam(Layer.DATA_AVAILABILITY, "bridgedToL1", false), "celestia-unbridged");
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.message()).contains("the DA risk is bad; enable Blobstream");
    }

    @Test
    void customGasTokenNeedsItsL1Token() {
        Problem p = only(OP.with(Layer.GAS_TOKEN, Choice.of(Erc20Gas.ID).with("symbol", "GAME")), "erc20-needs-l1-token");
        assertThat(p.path()).isEqualTo("$.layers.gasToken.params.l1Address");
        assertThat(p.message()).startsWith("a custom gas token needs its L1 token");
    }

    @Test
    void noProofsMeansTrustingTheOperator() {
        assertThat(only(Presets.get("sovereign-devnet"), "no-proofs").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void basedSequencingMakesTwelveSecondBlocks() {
        StackSpec s = Presets.get("based-zk").withParam(Layer.EXECUTION, "blockTimeMs", 2_000L);
        assertThat(only(s, "based-block-time").message()).isEqualTo("based sequencing makes one block per L1 slot, so blocks come every 12 s, not every 2000 ms");
        assertThat(s.blockTimeMillis()).isEqualTo(12_000);
    }

    @Test
    void quorumBelowTwoThirds() {
        StackSpec s = Presets.get("ephemeral-nft-mint").withParam(Layer.SECURITY, "quorumPct", 51L);
        assertThat(only(s, "quorum-two-thirds").path()).isEqualTo("$.layers.security.params.quorumPct");
    }

    @Test
    void tinySequencerSet() {
        StackSpec s = Presets.get("zk-eigenda-mach").withParam(Layer.SEQUENCING, "operators", 2L);
        assertThat(only(s, "squad-size").message()).startsWith("a sequencer set of 2 is hardly decentralised");
    }

    @Test
    void localDaIsForDevnets() {
        assertThat(only(Presets.get("sovereign-devnet"), "local-da").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void chainIdOfAKnownNetwork() {
        Problem p = only(OP.withChainId(10), "chain-id-taken");
        assertThat(p.path()).isEqualTo("$.chainId");
        assertThat(p.message()).startsWith("chain id 10 belongs to OP Mainnet");
    }

    @Test
    void shortChallengeWindow() {
        assertThat(only(OP.withParam(Layer.PROOFS, "challengeWindowSeconds", 3_600L), "short-challenge-window").message())
                .contains("OP Mainnet uses 7 days");
    }

    @Test
    void vitalNeedsAProofSystemToActOnAlerts() {
        assertThat(only(Presets.get("sovereign-devnet").with(Layer.SECURITY, Choice.of(Vital.ID)), "vital-needs-proofs").severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void workloadTheDaLayerCannotCarry() {
        StackSpec s = OP.with(Layer.DATA_AVAILABILITY, Choice.of(EthereumCalldata.ID)).withParam(Layer.EXECUTION, "gasLimit", 200_000_000L);
        Problem p = only(Validator.validate(s, Workload.defaults().withTps(1_000)), "da-capacity");
        assertThat(p.severity()).isEqualTo(Severity.WARNING);
        assertThat(p.message()).startsWith("at 1,000 tx/s the batches need 67,200 B/s but Ethereum calldata carries about 558 tx/s (L1 calldata gas)");
        assertThat(Validator.validate(s, Workload.defaults().withTps(100))).noneMatch(x -> x.rule().equals("da-capacity"));
    }

    @Test
    void workloadExecutionCannotCarry() {
        Problem p = only(Validator.validate(OP, Workload.defaults().withTps(1_000)), "execution-capacity");
        assertThat(p.message()).isEqualTo("at 1,000 tx/s execution needs 21,000,000 gas/s but the chain gives 15,000,000; raise the gas limit or shorten the block time");
    }
}
