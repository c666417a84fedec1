package dev.rollupstudio.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.app.Runtimes;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.event.VerifierFinding;
import dev.rollupstudio.runtime.rollup.Derivation;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.workload.Load;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart resumes the verifier at its stored checkpoint: it reads only the L1 blocks past it,
 * finds nothing wrong, and stays in step with the chain. A checkpoint that does not check out
 * costs a replay from genesis, never a wrong verifier.
 */
class VerifierCheckpointTest {
    @TempDir Path dir;

    private RuntimeOptions options() {
        return RuntimeOptions.defaults().withDatabase(dir.resolve("db")).withSeed(4);
    }

    private void fill(long simMillis) {
        try (RollupRuntime rt = Runtimes.open(options())) {
            Load.start(rt, 40, 0.02, true, Long.MAX_VALUE);
            rt.runFor(simMillis);
        }
    }

    private static void assertInStep(RollupRuntime rt, List<VerifierFinding> findings) {
        Derivation v = rt.node().derivation();
        assertThat(findings).isEmpty();
        assertThat(v.safeHash()).isEqualTo(rt.node().chain().block(v.safeHead()).hash());
        assertThat(v.stateRoot()).isEqualTo(rt.node().chain().block(v.safeHead()).header().stateRoot());
    }

    @Test
    void aRestartReadsOnlyTheL1BlocksPastTheCheckpoint() {
        fill(10 * 60_000); // 300 L2 blocks, 50 L1 blocks
        long safeBefore;
        try (RollupRuntime rt = Runtimes.open(options())) {
            Derivation v = rt.node().derivation();
            assertThat(rt.l1().head().number()).isGreaterThanOrEqualTo(50);
            assertThat(v.l1BlocksRead()).as("L1 blocks replayed on resume").isLessThanOrEqualTo(1);
            safeBefore = v.safeHead();
            assertThat(safeBefore).isGreaterThan(200);
            List<VerifierFinding> findings = new ArrayList<>();
            rt.events().subscribe(e -> {
                if (e instanceof VerifierFinding f) findings.add(f);
            });
            Load.start(rt, 40, 0.02, true, Long.MAX_VALUE);
            rt.runFor(3 * 60_000);
            assertThat(v.safeHead()).isGreaterThan(safeBefore + 60);
            assertThat(v.checkedOutputs()).isEqualTo(rt.l1().outputs(rt.node().config().chainId()).stream().filter(o -> o.l2BlockNumber() <= rt.node().derivation().safeHead()).count()).isGreaterThan(10);
            assertInStep(rt, findings);
        }
    }

    @Test
    void aCheckpointThatDoesNotCheckOutIsReplacedByAFullReplay() throws Exception {
        fill(5 * 60_000);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db").resolve("runtime").toAbsolutePath(), "sa", "")) {
            // one balance off: the stored verifier state no longer gives the checkpoint's root
            c.createStatement().executeUpdate("UPDATE verifier_account SET balance = balance + 1 WHERE address = (SELECT MIN(address) FROM verifier_account)");
        }
        try (RollupRuntime rt = Runtimes.open(options())) {
            Derivation v = rt.node().derivation();
            assertThat(v.l1BlocksRead()).as("replayed from genesis").isEqualTo(rt.l1().head().number());
            List<VerifierFinding> findings = new ArrayList<>();
            rt.events().subscribe(e -> {
                if (e instanceof VerifierFinding f) findings.add(f);
            });
            rt.runFor(60_000);
            assertInStep(rt, findings);
            assertThat(v.stateRoot()).isNotEqualTo(Hash.ZERO);
        }
    }
}
