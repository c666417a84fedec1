package dev.rollupstudio.runtime;

import dev.rollupstudio.workload.Load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.Launcher;
import dev.rollupstudio.app.Runtimes;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.trie.MerklePatriciaTrie;
import dev.rollupstudio.runtime.event.DerivationMismatch;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.types.Hash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a runtime process with SIGKILL mid-run (no shutdown hook, no close), then resumes from
 * its database: the head and its state root come back, every stored block still holds exactly
 * the transactions its header commits to, and the chain goes on with the verifier agreeing.
 */
class CrashResumeTest {

    @Test
    void resumesFromTheLastStoredBlockAfterAKill(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "run", "--db", db.toString(), "--duration", "100000", "--tps", "300", "--speed", "max")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && dbSize(db) < 3_000_000) Thread.sleep(200);
        assertThat(child.isAlive()).as("child still running; log: %s", Files.exists(dir.resolve("child.log")) ? Files.readString(dir.resolve("child.log")) : "").isTrue();
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        RuntimeOptions options = RuntimeOptions.defaults().withDatabase(db);
        try (RollupRuntime rt = Runtimes.open(options)) {
            SealedBlock head = rt.node().chain().head();
            assertThat(head.number()).isGreaterThan(5);
            assertThat(rt.node().state().root()).isEqualTo(head.header().stateRoot());
            long txs = 0;
            for (long n = 1; n <= head.number(); n++) {
                SealedBlock b = rt.node().chain().block(n);
                List<byte[]> enc = new ArrayList<>();
                for (Transaction t : b.block().transactions()) enc.add(t.encoded());
                assertThat(MerklePatriciaTrie.orderedRoot(enc)).as("transactions of block %d", n).isEqualTo(b.header().transactionsRoot());
                txs += enc.size();
            }
            assertThat(txs).isEqualTo(rt.node().chain().totals().txCount()).isPositive();

            List<DerivationMismatch> mismatches = new ArrayList<>();
            rt.events().subscribe(e -> {
                if (e instanceof DerivationMismatch m) mismatches.add(m);
            });
            long safeBefore = rt.node().heads().safe();
            Load.start(rt, 100, 0.01, true, 5_000);
            rt.runFor(30 * 60_000);
            assertThat(mismatches).isEmpty();
            assertThat(rt.node().heads().safe()).isGreaterThan(head.number()).isGreaterThan(safeBefore);
            assertThat(rt.node().heads().finalized()).isGreaterThan(head.number());
            assertThat(rt.node().derivation().checkedOutputs()).isPositive();
        }
    }

    @Test
    void aChainStoppedBeforeItsFirstL1SlotResumes(@TempDir Path dir) {
        RuntimeOptions options = RuntimeOptions.defaults().withDatabase(dir.resolve("db"));
        Hash head;
        try (RollupRuntime rt = Runtimes.open(options)) {
            Load.start(rt, 50, 0, false, 200);
            rt.runFor(6_000); // three L2 blocks, no L1 block yet
            head = rt.node().chain().head().hash();
            assertThat(rt.l1().head().number()).isZero();
        }
        try (RollupRuntime rt = Runtimes.open(options)) {
            assertThat(rt.node().chain().head().hash()).isEqualTo(head);
            rt.runFor(60_000);
            assertThat(rt.node().chain().head().number()).isGreaterThan(3);
            assertThat(rt.l1().head().number()).isPositive();
        }
    }

    private static long dbSize(Path db) throws Exception {
        Path f = db.resolve("runtime.mv.db");
        return Files.exists(f) ? Files.size(f) : 0;
    }
}
