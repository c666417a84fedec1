package dev.rollupstudio.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.app.Runtimes;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.workload.Load;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cleanly closed chain's file is compacted into a fresh one, and the chain resumes from it unchanged. */
class CompactionTest {
    @TempDir Path dir;

    @AfterEach
    void restore() {
        H2RuntimeStore.compactAbove = 64L << 20;
    }

    @Test
    void aClosedChainShrinksAndResumesWhereItWas() throws Exception {
        H2RuntimeStore.compactAbove = 0;
        RuntimeOptions options = RuntimeOptions.defaults().withDatabase(dir.resolve("db")).withSeed(6);
        Path file = dir.resolve("db").resolve("runtime.mv.db");
        Hash head;
        long before;
        try (RollupRuntime rt = Runtimes.open(options)) {
            Load.start(rt, 50, 0.02, true, Long.MAX_VALUE);
            rt.runFor(5 * 60_000);
            head = rt.node().chain().head().hash();
            before = Files.size(file);
        }
        long after = Files.size(file);
        assertThat(after).as("%,d bytes before, %,d after", before, after).isLessThan(before / 4);
        assertThat(Files.list(file.getParent()).map(p -> p.getFileName().toString())).containsExactly("runtime.mv.db"); // no temp file left
        try (RollupRuntime rt = Runtimes.open(options)) {
            assertThat(rt.node().chain().head().hash()).isEqualTo(head);
            rt.runFor(60_000);
            assertThat(rt.node().chain().head().number()).isEqualTo(180);
            assertThat(rt.node().derivation().findings()).isZero();
        }
    }

    @Test
    void aFileStillOpenForTheExplorerIsLeftAlone() throws Exception {
        H2RuntimeStore.compactAbove = 0;
        RuntimeOptions options = RuntimeOptions.defaults().withDatabase(dir.resolve("db")).withSeed(6);
        Path file = dir.resolve("db").resolve("runtime.mv.db");
        long latest;
        RollupRuntime rt = Runtimes.open(options);
        try (var explorer = dev.rollupstudio.app.Explorers.open(dir.resolve("db")).orElseThrow()) {
            Load.start(rt, 50, 0, false, Long.MAX_VALUE);
            rt.runFor(60_000);
            rt.close(); // the explorer still has the database open: no compaction under it
            latest = explorer.latestBlock();
            assertThat(latest).isEqualTo(30);
        }
        try (RollupRuntime again = Runtimes.open(options)) {
            assertThat(again.node().chain().head().number()).isEqualTo(latest);
        }
        assertThat(Files.exists(file)).isTrue();
    }
}
