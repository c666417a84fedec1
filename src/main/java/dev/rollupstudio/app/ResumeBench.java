package dev.rollupstudio.app;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.sim.WallClock;
import dev.rollupstudio.workload.Load;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * How long a stored chain takes to resume: fills a database through the real runtime until it
 * holds {@code blocks} L2 blocks (light load, so long chains fill in minutes), then opens it
 * again and again, timing each open from the file to a runtime ready to seal its next block.
 */
public final class ResumeBench {
    public record Result(long blocks, long l1Blocks, long safeHead, double fillSeconds, double bestMillis, double medianMillis) {}

    private ResumeBench() {}

    /** {@code tps} of transfers while filling (a quarter go to new accounts, so the state grows with it); 0 fills with empty blocks. */
    public static Result run(Path db, long blocks, int opens, double tps) {
        RuntimeOptions options = RuntimeOptions.defaults().withDatabase(db);
        long t0 = WallClock.nanos();
        try (RollupRuntime rt = Runtimes.open(options)) {
            long have = rt.node().chain().head().number();
            if (have < blocks) {
                Load.start(rt, tps, tps > 0 ? 0.01 : 0, true, Long.MAX_VALUE);
                rt.scheduler().run(() -> rt.node().chain().head().number() >= blocks);
            }
        }
        double fill = (WallClock.nanos() - t0) / 1e9;
        double[] millis = new double[opens];
        long head = 0, l1 = 0, safe = 0;
        for (int i = 0; i < opens; i++) {
            long start = WallClock.nanos();
            try (RollupRuntime rt = Runtimes.open(options)) {
                millis[i] = (WallClock.nanos() - start) / 1e6;
                head = rt.node().chain().head().number();
                l1 = rt.l1().head().number();
                safe = rt.node().derivation().safeHead();
            }
        }
        Arrays.sort(millis);
        return new Result(head, l1, safe, fill, millis[0], millis[opens / 2]);
    }
}
