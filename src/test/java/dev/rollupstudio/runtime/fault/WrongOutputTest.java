package dev.rollupstudio.runtime.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.app.SpecRuntimes;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.event.DisputeGame;
import dev.rollupstudio.runtime.l1.Disputes;
import dev.rollupstudio.runtime.l1.OutputRoot;
import dev.rollupstudio.runtime.l1.SystemContracts;
import dev.rollupstudio.spec.Choice;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.state.DevGenesis;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.workload.Load;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A wrong output on an optimistic rollup with a 10-minute window: the verifier finds it, the
 * honest challenger disputes it with a bond, the game's 5-minute clock runs out, the referee's
 * re-execution deletes it (and the outputs built after it), the bonds move to the winner and
 * back to the proposer to the wei, and every block's output ends up proposed with its real root.
 */
class WrongOutputTest {

    @Test void aWrongOutputIsDisputedDeletedAndProposedAgain() {
        var spec = Presets.get("op-stack-blobs").with(Layer.PROOFS, Choice.of("optimistic").with("challengeWindowSeconds", 600L));
        RollupRuntime rt = RollupRuntime.inMemory(SpecRuntimes.options(spec, Prices.defaults(), RuntimeOptions.defaults().withSeed(11)));
        long chain = rt.options().rollup().chainId();
        List<Disputes.Game> games = new ArrayList<>();
        rt.events().subscribe(e -> { if (e instanceof DisputeGame d) games.add(d.game()); });
        Faults faults = new Faults(rt);
        faults.at(FaultKind.WRONG_OUTPUT, rt.scheduler().now() + 60_000);
        Load.start(rt, 20, 0.01, true, Long.MAX_VALUE);
        rt.runFor(1_500_000);

        Fault f = faults.list().get(0);
        assertThat(f.detectedBy()).startsWith("verifier: output 0 proposes");
        assertThat(f.outcome()).contains("the output is wrong: re-execution from L1 data gives").contains("proposed again with root");
        assertThat(games).hasSize(2); // started, resolved
        Disputes.Game done = games.get(1);
        assertThat(done.outputDeleted()).isTrue();
        assertThat(done.deadlineMillis() - done.startedAtMillis()).isEqualTo(300_000); // half the window
        assertThat(done.challenger()).isEqualTo(dev.rollupstudio.wallet.DevAccounts.relayer().address());

        assertSettled(rt, chain);
        // and the rollup lost nothing
        assertThat(rt.node().derivation().findings(dev.rollupstudio.runtime.event.VerifierFinding.Kind.BLOCK_DIFFERS)).isZero();
        rt.close();
    }

    /**
     * The same in a database, stopped while the game runs and again after it: each resumed L1 runs
     * its stored blocks' settlement again, so its state root is the stored head's, the game
     * resolves once, and the bonds and outputs end as they would have live.
     */
    @Test void aDisputeKeptInADatabaseResumesAndSettlesOnce(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var spec = Presets.get("op-stack-blobs").with(Layer.PROOFS, Choice.of("optimistic").with("challengeWindowSeconds", 600L));
        RuntimeOptions options = SpecRuntimes.options(spec, Prices.defaults(), RuntimeOptions.defaults().withSeed(11)).withDatabase(dir.resolve("db"));
        long chain = options.rollup().chainId();
        try (RollupRuntime rt = dev.rollupstudio.app.Runtimes.open(options)) {
            new Faults(rt).at(FaultKind.WRONG_OUTPUT, rt.scheduler().now() + 60_000);
            Load.start(rt, 20, 0.01, true, Long.MAX_VALUE);
            rt.runFor(400_000);
            assertThat(rt.l1().disputes().games()).singleElement().satisfies(g -> assertThat(g.outcome()).isNull()); // under way
        }
        try (RollupRuntime rt = dev.rollupstudio.app.Runtimes.open(options)) {
            assertThat(rt.l1().state().root()).isEqualTo(rt.l1().head().stateRoot());
            assertThat(rt.l1().disputes().games()).singleElement().satisfies(g -> assertThat(g.outcome()).isNull());
            rt.runFor(400_000);
            assertThat(rt.l1().disputes().games()).singleElement().satisfies(g -> assertThat(g.outputDeleted()).isTrue());
        }
        try (RollupRuntime rt = dev.rollupstudio.app.Runtimes.open(options)) {
            assertThat(rt.l1().state().root()).isEqualTo(rt.l1().head().stateRoot());
            assertThat(rt.l1().disputes().games()).singleElement().satisfies(g -> assertThat(g.outputDeleted()).isTrue());
            rt.runFor(300_000);
            assertThat(rt.l1().disputes().games()).hasSize(1);
            assertSettled(rt, chain);
            assertThat(rt.node().derivation().findings(dev.rollupstudio.runtime.event.VerifierFinding.Kind.BLOCK_DIFFERS)).isZero();
        }
    }

    /**
     * Every output on L1 is its block's real output root, in order from index 0; the oracle holds a
     * bond per output still in its window; the proposer lost the wrong one's and has the rest back.
     */
    private static void assertSettled(RollupRuntime rt, long chain) {
        var outputs = rt.l1().outputs(chain);
        assertThat(outputs).isNotEmpty();
        for (int i = 0; i < outputs.size(); i++) {
            var o = outputs.get(i);
            assertThat(o.index()).isEqualTo(i);
            var b = rt.node().chain().block(o.l2BlockNumber());
            assertThat(o.outputRoot()).as("output %d", i).isEqualTo(OutputRoot.of(b.header(), b.hash()));
        }
        long now = rt.scheduler().now();
        long held = outputs.stream().filter(o -> o.l1TimestampMillis() + 600_000 > now).count();
        Wei bond = Disputes.BOND;
        assertThat(rt.l1().ledger().balance(SystemContracts.outputOracle(chain))).isEqualTo(Wei.of(bond.value().multiply(java.math.BigInteger.valueOf(held))));
        assertThat(rt.l1().ledger().balance(SystemContracts.proposer(chain)))
                .isEqualTo(DevGenesis.BALANCE.subtract(Wei.of(bond.value().multiply(java.math.BigInteger.valueOf(held + 1)))));
    }
}
