package dev.rollupstudio.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The CI subset of Ethereum's Cancun GeneralStateTests (in src/test/resources, gzipped): 3,302
 * cases from all 80 folders, the four smallest files of each plus the densest small ones, the
 * KZG and slow cases aside. Every post state root and logs hash must match. The full set runs
 * with {@code rollup-studio statetest}.
 */
class GeneralStateTestsTest {

    @Test
    void everyCaseOfTheSubsetMatchesItsPostStateAndLogs() throws Exception {
        Path dir = Path.of(GeneralStateTestsTest.class.getResource("/ethereum-tests/GeneralStateTests").toURI());
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(null, r, "statetest", Evm.STACK_BYTES));
        List<Future<List<StateTests.Verdict>>> runs = new ArrayList<>();
        for (Path f : StateTests.files(dir)) runs.add(pool.submit(() -> StateTests.run(f, "Cancun", null)));
        List<String> failures = new ArrayList<>();
        Set<Path> folders = new TreeSet<>();
        int passed = 0;
        for (Future<List<StateTests.Verdict>> run : runs) {
            for (StateTests.Verdict v : run.get()) {
                if (v.kind() == StateTests.Verdict.Kind.FAILED) failures.add(Path.of(v.file()).getFileName() + " " + v.name() + "[" + v.index() + "]: " + v.detail());
                if (v.kind() == StateTests.Verdict.Kind.PASSED) {
                    passed++;
                    folders.add(dir.relativize(Path.of(v.file()).getParent()));
                }
            }
        }
        pool.shutdown();
        assertThat(failures).isEmpty();
        assertThat(passed).isGreaterThanOrEqualTo(3_000);
        assertThat(folders).hasSize(80);
    }
}
