package dev.rollupstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.Launcher;
import dev.rollupstudio.app.Explorers;
import dev.rollupstudio.app.Runtimes;
import dev.rollupstudio.workload.Load;
import dev.rollupstudio.explorer.ExplorerModel.BlockRow;
import dev.rollupstudio.explorer.ExplorerQueries;
import dev.rollupstudio.store.H2RuntimeStore;
import dev.rollupstudio.types.Hash;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty SIGKILLs at random moments, from a fresh chain to a longer one: after every kill the
 * stored head is at least where the last one left it, and no block seen stored ever changes its
 * hash (a resumed run never rebuilds a block that was committed).
 */
class KillHammerTest {
    private static final int CYCLES = 50;

    @Test
    void theHeadNeverGoesBackwardsAndNoStoredBlockChanges(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        Map<Long, Hash> seen = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(50);
        long last = 0;
        int grew = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            if (cycle == CYCLES / 2) { // the second half on a long chain: 150 blocks more, with batches and outputs
                try (RollupRuntime rt = Runtimes.open(RuntimeOptions.defaults().withDatabase(db))) {
                    Load.start(rt, 50, 0.01, true, Long.MAX_VALUE);
                    rt.runBlocks(150);
                }
            }
            // C1 only: the child is killed within a second of resuming, and C2 spent 1.6 s of each start compiling
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), Launcher.class.getName(),
                    "run", "--db", db.toString(), "--duration", "100000", "--tps", "50", "--speed", "max")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            // wait until the child has resumed (it prints where), then a random moment more
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && child.isAlive() && !Files.readString(dir.resolve("child.log")).contains("resumed at block")) Thread.sleep(20);
            assertThat(child.isAlive()).as("cycle %d: %s", cycle, Files.readString(dir.resolve("child.log"))).isTrue();
            Thread.sleep(rnd.nextInt(50, 1_000));
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            // open it as the next run will (recovery rolls back what was not committed), then read it
            try (H2RuntimeStore store = H2RuntimeStore.open(db); ExplorerQueries q = Explorers.open(db).orElseThrow()) {
                long head = q.latestBlock();
                assertThat(head).as("cycle %d: the head went backwards", cycle).isGreaterThanOrEqualTo(last);
                if (head > last) grew++;
                for (long offset = 0; offset <= head; offset += 200) {
                    List<BlockRow> rows = q.blocks(offset, 200);
                    for (BlockRow b : rows) {
                        Hash before = seen.putIfAbsent(b.number(), b.hash());
                        assertThat(before == null || before.equals(b.hash())).as("cycle %d: block %d was %s, is now %s", cycle, b.number(), before, b.hash())
                                .isTrue();
                    }
                }
                last = head;
                // a batch on L1 always has its row: both are written in the L1 block's transaction (one L1 transaction per batch here)
                try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath().resolve("runtime"), "sa", "");
                     ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(DISTINCT batch_id) FROM l1_batcher_tx WHERE batch_id NOT IN (SELECT id FROM batch)")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("cycle %d: batches on L1 without their row", cycle).isZero();
                }
            }
        }
        System.out.printf("kill hammer: %d kills, final head %d, grew in %d cycles, %d stored block hashes compared after every kill%n", CYCLES, last, grew,
                seen.size());
        assertThat(grew).as("the chain grew across kills (a kill soon after a resume may find nothing new stored)").isGreaterThanOrEqualTo(CYCLES / 5);
        assertThat(last).as("final head").isGreaterThan(150);
    }
}
