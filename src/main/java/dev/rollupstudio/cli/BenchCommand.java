package dev.rollupstudio.cli;

import dev.rollupstudio.app.ThroughputBench;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure end-to-end runtime throughput against the machine's sender-recovery ceiling.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--txs", defaultValue = "60000", description = "pre-signed transfers to push through the runtime")
    int txs;
    @Option(names = "--block-time", defaultValue = "1000", description = "L2 block time in ms for the run")
    long blockTime;

    @Override public Integer call() throws Exception {
        if (txs < 1000) throw new IllegalArgumentException("--txs must be at least 1000 for a meaningful figure");
        System.out.println("signing " + txs + " transfers, then measuring (block time " + blockTime + " ms, real-time clock) ...");
        ThroughputBench.Result r = ThroughputBench.run(txs, blockTime);
        System.out.printf("runtime_tps=%.0f%n", r.runtimeTps());
        System.out.printf("recover_ceiling_tps=%.0f%n", r.recoverCeilingTps());
        System.out.printf("p99_inclusion_ms=%.0f%n", r.p99InclusionMs());
        System.out.printf("p50_inclusion_ms=%.0f%n", r.p50InclusionMs());
        System.out.printf("ratio=%.2f blocks=%d threads=%d rejected=%d%n", r.runtimeTps() / r.recoverCeilingTps(), r.blocks(), r.threads(), r.rejected());
        return 0;
    }
}
