package dev.rollupstudio.cli;

import dev.rollupstudio.runtime.fault.FaultKind;
import dev.rollupstudio.runtime.fault.Faults;
import dev.rollupstudio.workload.Load;
import dev.rollupstudio.workload.Scenario;
import dev.rollupstudio.app.AppPaths;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.config.BlobSchedule;
import dev.rollupstudio.app.Runtimes;
import dev.rollupstudio.app.SpecRuntimes;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.SpecJson;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.state.Genesis;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a rollup with generated signed traffic (ether, token transfers, NFT mints) and print a summary.")
final class RunCommand implements Callable<Integer> {
    @Option(names = "--duration", description = "simulated seconds to run (default 60 unless --blocks)")
    Double duration;
    @Option(names = "--blocks", description = "run until this many more L2 blocks are sealed")
    Long blocks;
    @Option(names = "--speed", defaultValue = "max", description = "'max' or a factor from 0.1 to 100 (1 = real time)")
    String speed;
    @Option(names = "--tps", defaultValue = "100", description = "generated transfers per simulated second, 0 to 100,000")
    double tps;
    @Option(names = "--scenario", defaultValue = "steady", description = "the traffic: steady, erc20, nft-mint, mixed, tournament or withdrawal-wave (default ${DEFAULT-VALUE})")
    String scenario;

    @Option(names = "--seed", defaultValue = "1", description = "the same seed gives the same chain (0 or more)")
    long seed;
    @Option(names = "--db", description = "database folder (default: the user's data folder); 'none' keeps everything in memory")
    String db;
    @Option(names = "--genesis", description = "geth-format genesis file instead of the dev genesis")
    Path genesis;
    @Option(names = "--report", description = "write the JSON report here")
    Path report;
    @Option(names = "--spec", description = "run this stack (*.rollup.json) instead of the default OP Stack")
    Path spec;
    @Option(names = "--reset", description = "delete the chain stored in the database folder and start a new one from genesis")
    boolean reset;
    @Option(names = "--fault", paramLabel = "<kind>[@<seconds>]",
            description = "inject a fault, at that many simulated seconds into the run (default 10); repeatable. Kinds: sequencer-down, sequencer-censors,"
                    + " wrong-output, da-withhold, double-sign, sign-bad-block, operator-offline, l1-congestion, l1-reorg")
    java.util.List<String> faults = new java.util.ArrayList<>();

    @Option(names = "--l1-blobs", defaultValue = "PECTRA", description = "L1 blob schedule: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    BlobSchedule blobs;

    @Override public Integer call() throws Exception {
        if (duration != null && blocks != null) throw new IllegalArgumentException("give --duration or --blocks, not both");
        Flags.range("--tps", tps, 0, Flags.MAX_TPS, " transactions per second");
        if (duration != null) Flags.range("--duration", duration, 0.001, 365 * 86_400, " simulated seconds");
        if (blocks != null) Flags.atLeast("--blocks", blocks, 1);
        Flags.atLeast("--seed", seed, 0);
        Scenario.byId(scenario); // an unknown name fails before anything starts
        if (report != null) Flags.writable("--report", report);
        RuntimeOptions options = RuntimeOptions.defaults().withSeed(seed).withPace(Pace.parse(speed));
        options = options.withL1(options.l1().withBlobs(blobs));
        if (genesis != null) options = options.withGenesis(Genesis.load(genesis));
        if (spec != null) {
            StackSpec stack = SpecJson.load(spec);
            options = SpecRuntimes.options(stack, Prices.defaults(), options);
            System.out.println("stack         " + stack.name() + " (chain " + stack.chainId() + ")");
        }
        Path dbPath = "none".equals(db) ? null : db != null ? Path.of(db) : AppPaths.defaultRuntimeDb();
        options = options.withDatabase(dbPath);
        if (reset && dbPath != null) {
            Runtimes.delete(dbPath);
            System.out.println("reset         deleted the chain in " + dbPath.toAbsolutePath());
        }
        java.util.List<Flags.Timed<FaultKind>> planned = new java.util.ArrayList<>();
        for (String f : faults) {
            Flags.Timed<FaultKind> t = Flags.timed("--fault", f, FaultKind::parse, 10);
            String no = Faults.unsupported(t.value(), options);
            if (no != null) throw new IllegalArgumentException("--fault " + f + ": " + no);
            planned.add(t);
        }
        long start = System.nanoTime();
        try (RollupRuntime rt = Runtimes.open(options)) {
            if (dbPath != null) System.out.println("database " + dbPath.toAbsolutePath() + " (resumed at block " + rt.node().chain().head().number() + ")");
            Faults injected = planned.isEmpty() ? null : new Faults(rt);
            for (var t : planned) injected.at(t.value(), rt.scheduler().now() + t.millis());
            Load.start(rt, Scenario.byId(scenario), tps, true, Long.MAX_VALUE);
            if (blocks != null) rt.runBlocks(blocks);
            else rt.runFor((long) ((duration != null ? duration : 60) * 1000));
            Map<String, Object> r = RunReport.of(rt, (System.nanoTime() - start) / 1e9);
            if (injected != null) r.put("faults", RunReport.faults(injected.list()));
            System.out.print(RunReport.summary(r));
            if (report != null) {
                RunReport.write(r, report);
                System.out.println("report        " + report.toAbsolutePath());
            }
        }
        return 0;
    }
}
