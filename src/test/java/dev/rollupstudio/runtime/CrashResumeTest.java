package dev.rollupstudio.runtime;

import dev.rollupstudio.workload.Load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.Launcher;
import dev.rollupstudio.app.Runtimes;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.trie.MerklePatriciaTrie;
import dev.rollupstudio.runtime.event.VerifierFinding;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.app.SpecRuntimes;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.SpecJson;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.spec.component.OptimisticProofs;
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

    /** A stack whose withdrawals finalize within minutes: a 60 s challenge window. */
    private static StackSpec shortWindow() {
        return Presets.defaultStack().withParam(Layer.PROOFS, OptimisticProofs.CHALLENGE_WINDOW.key(), 60L);
    }

    /** Runs the CLI on {@code db} in a child JVM and kills it (SIGKILL) a moment after it has resumed. */
    private static void runAndKill(Path dir, Path db, Path spec, long afterMillis) throws Exception {
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                "run", "--db", db.toString(), "--spec", spec.toString(), "--duration", "100000", "--tps", "300", "--speed", "max")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && child.isAlive() && !Files.readString(log).contains("resumed at block")) Thread.sleep(20);
        Thread.sleep(afterMillis);
        assertThat(child.isAlive()).as("child still running; log: %s", Files.readString(log)).isTrue();
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }

    /** The stored head, read as the next run will open the database. */
    private static long storedHead(Path db) {
        try (var store = dev.rollupstudio.store.H2RuntimeStore.open(db); var q = dev.rollupstudio.app.Explorers.open(db).orElseThrow()) {
            return q.latestBlock();
        }
    }

    @Test
    void resumesFromTheLastStoredBlockAfterAKill(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        Path spec = dir.resolve("short.rollup.json");
        SpecJson.save(shortWindow(), spec);
        // kill until the stored chain has the length the assertions need, however busy the machine is
        for (int tries = 0; tries < 20 && storedHeadOrZero(db) <= 40; tries++) runAndKill(dir, db, spec, 1_500L * (tries + 1)); // longer each time: a busy machine is slower

        RuntimeOptions options = SpecRuntimes.options(shortWindow(), Prices.defaults(), RuntimeOptions.defaults()).withDatabase(db);
        try (RollupRuntime rt = Runtimes.open(options)) {
            SealedBlock head = rt.node().chain().head();
            assertThat(head.number()).isGreaterThan(40);
            assertThat(rt.node().state().root()).isEqualTo(head.header().stateRoot());
            assertConserved(rt);
            long txs = 0;
            for (long n = 1; n <= head.number(); n++) {
                SealedBlock b = rt.node().chain().block(n);
                List<byte[]> enc = new ArrayList<>();
                for (Transaction t : b.block().transactions()) enc.add(t.encoded());
                assertThat(MerklePatriciaTrie.orderedRoot(enc)).as("transactions of block %d", n).isEqualTo(b.header().transactionsRoot());
                txs += enc.size();
            }
            assertThat(txs).isEqualTo(rt.node().chain().totals().txCount()).isPositive();

            List<VerifierFinding> mismatches = new ArrayList<>();
            rt.events().subscribe(e -> {
                if (e instanceof VerifierFinding m) mismatches.add(m);
            });
            long safeBefore = rt.node().heads().safe();
            List<Hash> unfinishedAtResume = rt.node().relayer().unfinished();
            List<Hash> finalizedHashes = new ArrayList<>();
            rt.events().subscribe(e -> {
                if (e instanceof dev.rollupstudio.runtime.event.WithdrawalFinalized f) finalizedHashes.add(f.withdrawalHash());
            });
            Load.start(rt, 100, 0.01, true, 5_000);
            rt.runFor(30 * 60_000);
            assertThat(mismatches).isEmpty();
            assertThat(rt.node().heads().safe()).isGreaterThan(head.number()).isGreaterThan(safeBefore);
            assertThat(rt.node().heads().finalized()).isGreaterThan(head.number());
            // the checkpoint carried the count across the restart: every output for a derived block, checked once
            assertThat(rt.node().derivation().checkedOutputs()).isEqualTo(rt.l1().outputs(rt.node().config().chainId()).stream().filter(o -> o.l2BlockNumber() <= rt.node().derivation().safeHead()).count());
            // every withdrawal unfinished at the kill was proven and paid on L1 after it
            assertThat(unfinishedAtResume).isNotEmpty();
            assertThat(finalizedHashes).containsAll(unfinishedAtResume);
            for (Hash w : unfinishedAtResume) {
                assertThat(dev.rollupstudio.runtime.l1.OptimismPortal.finalized(rt.l1().state(), rt.node().config().chainId(), w)).isTrue();
            }
            assertConserved(rt);
        }
    }

    private static long storedHeadOrZero(Path db) {
        return Files.exists(db.resolve("runtime.mv.db")) ? storedHead(db) : 0;
    }

    /** On L2: balances + burnt + withdrawn = genesis + deposited, to the wei. */
    private static void assertConserved(RollupRuntime rt) {
        var t = rt.node().chain().totals();
        Wei balances = rt.node().state().accounts().values().stream().map(dev.rollupstudio.state.Account::balance).reduce(Wei.ZERO, Wei::add);
        assertThat(balances.add(t.burntBaseFees()).add(t.withdrawn())).isEqualTo(rt.node().genesis().totalSupply().add(t.deposited()));
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
            assertThat(rt.node().chain().head().number()).isEqualTo(33); // resumed at 3, then one block every 2 s
            assertThat(rt.l1().head().number()).isEqualTo(5); // one slot every 12 s
        }
    }

    private static long dbSize(Path db) throws Exception {
        Path f = db.resolve("runtime.mv.db");
        return Files.exists(f) ? Files.size(f) : 0;
    }
}
