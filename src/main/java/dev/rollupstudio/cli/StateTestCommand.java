package dev.rollupstudio.cli;

import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.evm.StateTests;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "statetest", mixinStandardHelpOptions = true,
        description = "Run Ethereum GeneralStateTests on the EVM: a line per failure, then passed, failed and skipped (per folder with --by-folder).")
class StateTestCommand implements Callable<Integer> {
    @Parameters(paramLabel = "<file-or-folder>", description = "a state test JSON file or a folder of them")
    Path path;

    @Option(names = "--fork", defaultValue = "Cancun", description = "the post state to check (default: Cancun)")
    String fork;

    @Option(names = "--filter", description = "only tests whose name matches this regular expression")
    String filter;

    @Option(names = "--json", description = "print each verdict as a JSON line instead")
    boolean json;

    @Option(names = "--by-folder", description = "close with a table of passed / failed / skipped per folder")
    boolean byFolder;

    @Option(names = "--threads", defaultValue = "0", description = "worker threads (default: the machine's cores)")
    int threads;

    /** The verdicts of one fixture file. */
    List<StateTests.Verdict> run(Path file, Pattern filter) {
        return StateTests.run(file, fork, filter);
    }

    @Override public Integer call() throws Exception {
        List<Path> files = StateTests.files(path);
        Pattern p = filter == null ? null : Pattern.compile(filter);
        int n = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        // each worker has a deep stack: 1,024 nested calls recurse through the interpreter
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> new Thread(null, r, "statetest", Evm.STACK_BYTES));
        List<Future<List<StateTests.Verdict>>> futures = new ArrayList<>();
        for (Path f : files) futures.add(pool.submit(() -> run(f, p)));
        int passed = 0, failed = 0, skipped = 0;
        Map<String, int[]> folders = new TreeMap<>();
        for (Future<List<StateTests.Verdict>> fu : futures) {
            for (StateTests.Verdict v : fu.get()) {
                Path parent = Path.of(v.file()).getParent();
                int[] c = folders.computeIfAbsent(parent == null ? "." : path.relativize(parent).toString(), k -> new int[3]);
                switch (v.kind()) {
                    case PASSED -> { passed++; c[0]++; }
                    case FAILED -> { failed++; c[1]++; }
                    case SKIPPED -> { skipped++; c[2]++; }
                }
                if (json) {
                    System.out.printf("{\"file\":\"%s\",\"name\":\"%s\",\"index\":%d,\"verdict\":\"%s\",\"detail\":\"%s\"}%n", v.file(), v.name(), v.index(),
                            v.kind(), v.detail().replace("\\", "\\\\").replace("\"", "\\\""));
                } else if (v.kind() == StateTests.Verdict.Kind.FAILED) {
                    System.out.printf("FAIL %s %s[%d]: %s%n", Path.of(v.file()).getFileName(), v.name(), v.index(), v.detail());
                }
            }
        }
        pool.shutdown();
        if (byFolder) folders.forEach((k, c) -> System.out.printf("%-60s %6d passed %5d failed %4d skipped%n", k.isEmpty() ? "." : k, c[0], c[1], c[2]));
        System.out.printf("%d passed, %d failed, %d skipped%n", passed, failed, skipped);
        return failed == 0 ? 0 : 1;
    }
}
