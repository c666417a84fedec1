package dev.rollupstudio.runtime.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.app.SpecRuntimes;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.event.ProofVerified;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.l1.OutputRoot;
import dev.rollupstudio.runtime.l1.ValidityProofs;
import dev.rollupstudio.spec.Choice;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.workload.Load;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A ZK rollup (based sequencing, blobs, 2-minute proving latency): every output is final only
 * once L1 verifies the prover's proof of it, in order, and a proof of a wrong root is rejected,
 * the output deleted and proposed and proved again.
 */
class ValidityProofTest {
    private static final long LATENCY = 120_000;
    private static final long SLOT = 12_000;

    private static RollupRuntime zk(List<ValidityProofs.Verification> verdicts) {
        var spec = Presets.get("based-zk").with(Layer.PROOFS, Choice.of("zk-validity").with("provingLatencySeconds", LATENCY / 1000));
        RollupRuntime rt = RollupRuntime.inMemory(SpecRuntimes.options(spec, Prices.defaults(), RuntimeOptions.defaults().withSeed(5)));
        rt.events().subscribe(e -> { if (e instanceof ProofVerified v) verdicts.add(v.verification()); });
        return rt;
    }

    @Test void outputsAreFinalOnlyOnceTheirProofsVerifyInOrder() {
        List<ValidityProofs.Verification> verdicts = new ArrayList<>();
        RollupRuntime rt = zk(verdicts);
        long chain = rt.options().rollup().chainId();
        // the invariant all run long: the finalized head never passes the last block a verified proof covers
        long[] proved = {0};
        List<String> broken = new ArrayList<>();
        rt.events().subscribe(e -> {
            if (e instanceof ProofVerified v && v.verification().accepted()) proved[0] = v.verification().proof().l2Block();
            if (e instanceof dev.rollupstudio.runtime.event.HeadsAdvanced h && h.finalized() > proved[0]) broken.add("finalized " + h.finalized() + " > proved " + proved[0]);
            if (e instanceof dev.rollupstudio.runtime.event.WithdrawalFinalized w && proved[0] == 0) broken.add("a withdrawal finalized before any proof verified");
            if (e instanceof dev.rollupstudio.runtime.event.OutputProposed o && ValidityProofs.verified(rt.l1().state(), chain, o.output().index())) {
                broken.add("output " + o.output().index() + " verified as it was proposed");
            }
        });
        Load.start(rt, 10, 0.01, true, Long.MAX_VALUE);
        rt.runFor(2_400_000);
        assertThat(broken).isEmpty();

        List<OutputProposal> outputs = rt.l1().outputs(chain);
        assertThat(verdicts).isNotEmpty().allMatch(ValidityProofs.Verification::accepted);
        for (int i = 0; i < verdicts.size(); i++) {
            var v = verdicts.get(i);
            OutputProposal o = outputs.get(i);
            assertThat(v.proof().outputIndex()).isEqualTo(i);
            assertThat(v.proof().outputRoot()).isEqualTo(o.outputRoot());
            // verified in the first L1 block after the proving latency
            assertThat(v.atMillis() - o.l1TimestampMillis()).isBetween(LATENCY, LATENCY + SLOT);
            assertThat(ValidityProofs.verified(rt.l1().state(), chain, i)).isTrue();
        }
        // the outputs still being proved are not verified, and the finalized head stops at the last proved block
        long now = rt.scheduler().now();
        long due = outputs.stream().filter(o -> o.l1TimestampMillis() + LATENCY + SLOT <= now).count();
        assertThat((long) verdicts.size()).isBetween(due, due + 1);
        assertThat(verdicts.size()).isGreaterThanOrEqualTo(3);
        assertThat(rt.node().relayer().finalizedCount()).isPositive();
        assertThat(ValidityProofs.verified(rt.l1().state(), chain, verdicts.size())).isFalse();
        long lastProved = verdicts.get(verdicts.size() - 1).proof().l2Block();
        assertThat(rt.node().heads().finalized()).isPositive().isLessThanOrEqualTo(lastProved);
        rt.close();
    }

    @Test void aProofOfAWrongRootIsRejectedAndTheOutputProvedAgain() {
        List<ValidityProofs.Verification> verdicts = new ArrayList<>();
        RollupRuntime rt = zk(verdicts);
        long chain = rt.options().rollup().chainId();
        Faults faults = new Faults(rt);
        faults.at(FaultKind.WRONG_OUTPUT, rt.scheduler().now() + 60_000);
        Load.start(rt, 10, 0.01, true, Long.MAX_VALUE);
        rt.runFor(900_000);

        Fault f = faults.list().get(0);
        assertThat(f.detectedBy()).startsWith("verifier: output 0 proposes"); // the node's own verifier sees it before the proof lands
        assertThat(f.outcome()).contains("the proof of output 0").contains("was rejected: it proves root").contains("and its proof verified");
        List<ValidityProofs.Verification> rejected = verdicts.stream().filter(v -> !v.accepted()).toList();
        assertThat(rejected).hasSize(1);
        long block = rejected.get(0).proof().l2Block();
        assertThat(verdicts.stream().filter(v -> v.accepted() && v.proof().l2Block() == block)).hasSize(1);

        // every output on L1 now is its block's real root, in order, and the verified ones are exactly the accepted proofs
        List<OutputProposal> outputs = rt.l1().outputs(chain);
        for (int i = 0; i < outputs.size(); i++) {
            OutputProposal o = outputs.get(i);
            assertThat(o.index()).isEqualTo(i);
            var b = rt.node().chain().block(o.l2BlockNumber());
            assertThat(o.outputRoot()).as("output %d", i).isEqualTo(OutputRoot.of(b.header(), b.hash()));
        }
        long accepted = verdicts.stream().filter(ValidityProofs.Verification::accepted).count();
        assertThat(ValidityProofs.verified(rt.l1().state(), chain, accepted - 1)).isTrue();
        assertThat(ValidityProofs.verified(rt.l1().state(), chain, accepted)).isFalse();
        rt.close();
    }

    /** In a database, stopped between the rejected proof and the new one's verdict: the resumed L1 holds the same verdicts, and proves on from there. */
    @Test void proofVerdictsKeptInADatabaseComeBackOnResume(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var spec = Presets.get("based-zk").with(Layer.PROOFS, Choice.of("zk-validity").with("provingLatencySeconds", LATENCY / 1000));
        RuntimeOptions options = SpecRuntimes.options(spec, Prices.defaults(), RuntimeOptions.defaults().withSeed(5)).withDatabase(dir.resolve("db"));
        long chain = options.rollup().chainId();
        long verifiedAtStop;
        try (RollupRuntime rt = dev.rollupstudio.app.Runtimes.open(options)) {
            new Faults(rt).at(FaultKind.WRONG_OUTPUT, rt.scheduler().now() + 60_000);
            Load.start(rt, 10, 0.01, true, Long.MAX_VALUE);
            rt.runFor(540_000); // a based rollup: a block per L1 slot, so output 0 (block 30) lands at 6 min and its proof's verdict 2 min later
            assertThat(rt.l1().validityProofs().verifications()).anyMatch(v -> !v.accepted());
            verifiedAtStop = ValidityProofs.verifiedCount(rt.l1().state(), chain);
        }
        try (RollupRuntime rt = dev.rollupstudio.app.Runtimes.open(options)) {
            assertThat(rt.l1().state().root()).isEqualTo(rt.l1().head().stateRoot());
            assertThat(rt.l1().validityProofs().verifications()).filteredOn(v -> !v.accepted()).hasSize(1);
            assertThat(ValidityProofs.verifiedCount(rt.l1().state(), chain)).isEqualTo(verifiedAtStop);
            rt.runFor(1_200_000);
            assertThat(ValidityProofs.verifiedCount(rt.l1().state(), chain)).isGreaterThan(verifiedAtStop + 1);
            List<OutputProposal> outputs = rt.l1().outputs(chain);
            for (int i = 0; i < outputs.size(); i++) {
                var b = rt.node().chain().block(outputs.get(i).l2BlockNumber());
                assertThat(outputs.get(i).index()).isEqualTo(i);
                assertThat(outputs.get(i).outputRoot()).as("output %d", i).isEqualTo(OutputRoot.of(b.header(), b.hash()));
            }
        }
    }
}
