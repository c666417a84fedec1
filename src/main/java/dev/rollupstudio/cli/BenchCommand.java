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
    @Option(names = "--explorer", description = "instead: explorer query times on a chain of --txs transactions stored in --db")
    boolean explorer;
    @Option(names = "--overload", description = "instead: block fill, pool size and latency offered 1.4x, 3x and 10x of capacity (simulated time)")
    boolean overload;
    @Option(names = "--evm", description = "instead: the interpreter's Mgas/s on a token-transfer, a keccak and an arithmetic loop")
    boolean evm;
    @Option(names = "--workload", defaultValue = "transfers", description = "transfers (ether), or erc20: Studio Token transfers measured after the same number of ether transfers, both printed")
    String workload;
    @Option(names = "--resume", description = "instead: time to resume a stored chain of --blocks L2 blocks in --db (filled once)")
    boolean resume;
    @Option(names = "--blocks", defaultValue = "1000", description = "with --resume: L2 blocks in the stored chain")
    long blocks;
    @Option(names = "--fill-tps", defaultValue = "5", description = "with --resume: transfers per second while filling (0: empty blocks, the state stays small)")
    double fillTps;
    @Option(names = "--rpc", description = "instead: JSON-RPC writes (batched eth_sendRawTransaction until mined) and reads under 64 clients, against our node or --url")
    boolean rpc;
    @Option(names = "--url", description = "with --rpc: drive this endpoint instead of starting our node in-process (e.g. `node` started with --accounts 100; with --compare both are measured)")
    String url;
    @Option(names = "--compare", description = "with --rpc: also measure this endpoint (e.g. Anvil started with --accounts 100 and the same block time and gas limit), its rounds alternating with our node's")
    String compare;
    @Option(names = "--rounds", defaultValue = "3", description = "with --rpc: timed write rounds per endpoint, after one warm-up round each (default ${DEFAULT-VALUE}); the median is reported")
    int rounds;
    @Option(names = "--gas-limit", defaultValue = "1000000000", description = "with --rpc: the started node's L2 block gas limit (default ${DEFAULT-VALUE})")
    long gasLimit;
    @Option(names = "--db", description = "with --explorer: the database folder (filled once, reused after)")
    java.nio.file.Path db;

    @Option(names = "--ephemeral", description = "instead: wall time from an ephemeral rollup's request to its first block (20 spawns), and the heap after 20 spawn/dissolve cycles")
    boolean ephemeral;

    @Override public Integer call() throws Exception {
        if (ephemeral) {
            var r = dev.rollupstudio.app.EphemeralBench.run(20, 20);
            System.out.printf("spawn_to_first_block_ms cold=%.0f warm_p50=%.0f warm_max=%.0f%n", r.spawnColdMillis(), r.spawnP50Millis(), r.spawnMaxWarmMillis());
            System.out.printf("heap_after_first_cycle_mb=%.1f heap_after_%d_cycles_mb=%.1f devnet_growth_same_sim_time_mb=%.1f%n", r.heapBeforeBytes() / 1e6,
                    r.cycles(), r.heapAfterBytes() / 1e6, r.controlGrowthBytes() / 1e6);
            System.out.printf("heap_ratio_less_devnet_growth=%.3f retained_per_dissolved_rollup_kb=%.0f%n", r.heapRatio(), r.retainedPerCycleBytes() / 1e3);
            return 0;
        }
        if (explorer) return explorer();
        if (overload) return overload();
        if (resume) return resume();
        if (rpc) return rpc();
        if (evm) {
            for (var r : dev.rollupstudio.evm.EvmBench.run()) {
                System.out.printf("%-22s gas=%,d best_ms=%.1f mgas_per_s=%.1f%n", r.name(), r.gas(), r.bestMillis(), r.mgasPerSecond());
            }
            return 0;
        }
        Flags.range("--txs", txs, 1_000, 10_000_000, " transfers (fewer give no meaningful figure)");
        Flags.range("--block-time", blockTime, 100, 60_000, " ms");
        if (!workload.equals("transfers") && !workload.equals("erc20")) throw new IllegalArgumentException("--workload is transfers or erc20, got '" + workload + "'");
        System.out.println("signing " + txs + " transfers, then measuring (block time " + blockTime + " ms, real-time clock) ...");
        ThroughputBench.Result r = ThroughputBench.run(txs, blockTime);
        if (workload.equals("erc20")) {
            System.out.println("signing " + txs + " Studio Token (ERC-20) transfers, then measuring the same way ...");
            ThroughputBench.Result t = ThroughputBench.run(txs, blockTime, new dev.rollupstudio.workload.Mix(0, 1, 0));
            System.out.printf("transfer_tps=%.0f%n", r.runtimeTps());
            System.out.printf("erc20_tps=%.0f%n", t.runtimeTps());
            System.out.printf("erc20_ratio=%.2f p99_inclusion_ms=%.0f rejected=%d%n", t.runtimeTps() / r.runtimeTps(), t.p99InclusionMs(), t.rejected());
            return 0;
        }
        System.out.printf("runtime_tps=%.0f%n", r.runtimeTps());
        System.out.printf("recover_ceiling_tps=%.0f%n", r.recoverCeilingTps());
        System.out.printf("recover_ceiling_bc_tps=%.0f%n", r.recoverCeilingBcTps());
        System.out.println("secp256k1=" + r.ecdsa());
        System.out.printf("p99_inclusion_ms=%.0f%n", r.p99InclusionMs());
        System.out.printf("p50_inclusion_ms=%.0f%n", r.p50InclusionMs());
        System.out.printf("ratio=%.2f blocks=%d threads=%d rejected=%d%n", r.runtimeTps() / r.recoverCeilingTps(), r.blocks(), r.threads(), r.rejected());
        return 0;
    }

    /** A measured endpoint: "ours" (started here) or the host:port of --url or --compare. */
    private record Endpoint(String label, String url) {}

    private Integer rpc() throws Exception {
        Flags.range("--txs", txs, 1_000, 1_000_000, " transfers");
        Flags.range("--block-time", blockTime, 100, 60_000, " ms");
        Flags.range("--rounds", rounds, 1, 50, "");
        if (url != null) return rpcRounds(compare == null ? java.util.List.of(endpoint(url)) : java.util.List.of(endpoint(url), endpoint(compare)));
        var options = dev.rollupstudio.runtime.RuntimeOptions.defaults().withPace(dev.rollupstudio.sim.Pace.realtime(1));
        options = options.withRollup(options.rollup().withBlockTime(blockTime).withGasLimit(gasLimit).withPoolCapacity(Math.max(100_000, txs * 2)));
        try (var host = dev.rollupstudio.host.DevnetHost.inMemory(options, "bench")) { // as `node` runs it, journal and all
            try (var endpoints = new dev.rollupstudio.rpc.Endpoints(host, java.util.Map.of(), "127.0.0.1", 0, 0, null)) {
                Thread loop = new Thread(host::run, "bench-devnet-loop");
                loop.start();
                try {
                    var ours = new Endpoint("ours", endpoints.served().get(0).url());
                    System.out.println("ours: our node in this process, block time " + blockTime + " ms, gas limit " + gasLimit);
                    return rpcRounds(compare == null ? java.util.List.of(ours) : java.util.List.of(ours, endpoint(compare)));
                } finally {
                    host.stop();
                    loop.join();
                }
            }
        }
    }

    private static Endpoint endpoint(String url) {
        java.net.URI u = java.net.URI.create(url);
        if (u.getHost() == null || !"http".equals(u.getScheme())) throw new IllegalArgumentException("an endpoint is an http:// URL with a host, got '" + url + "'");
        return new Endpoint(u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : ""), url);
    }

    /** Write rounds alternating between the endpoints (a warm-up round each first, as a long-running node is warm), then reads. */
    private Integer rpcRounds(java.util.List<Endpoint> targets) throws Exception {
        System.out.println(txs + " pre-signed transfers per round from " + dev.rollupstudio.rpc.RpcBench.SENDERS + " dev accounts, batched over 8 connections; "
                + "a warm-up round, then " + rounds + " timed per endpoint, alternating ...");
        double[][] tps = new double[targets.size()][rounds];
        for (int r = 0; r <= rounds; r++) {
            for (int t = 0; t < targets.size(); t++) {
                var w = dev.rollupstudio.rpc.RpcBench.writes(targets.get(t).url(), txs);
                System.out.printf("%-8s %-15s rpc_tps=%.0f seconds=%.2f p50_request_ms=%.1f p99_request_ms=%.1f errors=%d client_cpu_us_per_tx=%.1f%s%n",
                        r == 0 ? "warm-up" : "round " + r, targets.get(t).label(), w.tps(), w.seconds(),
                        w.p50Millis(), w.p99Millis(), w.errors(), w.clientMicrosPerTx(), w.firstError() != null ? " first_error=\"" + w.firstError() + "\"" : "");
                if (r > 0) tps[t][r - 1] = w.tps();
            }
        }
        for (int t = 0; t < targets.size(); t++) System.out.printf("median   %-15s rpc_tps=%.0f%n", targets.get(t).label(), median(tps[t]));
        if (targets.size() == 2) System.out.printf("ratio    %s/%s=%.2f%n", targets.get(0).label(), targets.get(1).label(), median(tps[0]) / median(tps[1]));
        String balanceOf = "0x70a08231000000000000000000000000f39fd6e51aad88f6f4ce6ab8827279cfffb92266";
        String call = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_call\",\"params\":[{\"to\":\"" + dev.rollupstudio.contracts.GenesisContracts.TOKEN.toHex()
                + "\",\"data\":\"" + balanceOf + "\"},\"latest\"]}";
        String block = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBlockByNumber\",\"params\":[\"latest\",false]}";
        for (int t = 0; t < targets.size(); t++) {
            for (var r : java.util.List.of(dev.rollupstudio.rpc.RpcBench.reads(targets.get(t).url(), "eth_call balanceOf", call, 64, 5),
                    dev.rollupstudio.rpc.RpcBench.reads(targets.get(t).url(), "eth_getBlockByNumber", block, 64, 5))) {
                System.out.printf("%-15s %-22s clients=%d requests_per_s=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d%n", targets.get(t).label(), r.what(),
                        r.clients(), r.perSecond(), r.p50Millis(), r.p99Millis(), r.errors());
            }
        }
        return 0;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private Integer resume() {
        Flags.range("--blocks", blocks, 10, 10_000_000, " L2 blocks");
        java.nio.file.Path dir = db != null ? db : dev.rollupstudio.app.AppPaths.dataDir().resolve("bench-resume-" + blocks);
        System.out.println("filling " + dir + " to " + blocks + " L2 blocks (once), then timing 5 resumes ...");
        Flags.range("--fill-tps", fillTps, 0, 1_000, " tx/s");
        var r = dev.rollupstudio.app.ResumeBench.run(dir, blocks, 5, fillTps);
        System.out.printf("blocks=%d l1_blocks=%d safe=%d fill_s=%.0f%n", r.blocks(), r.l1Blocks(), r.safeHead(), r.fillSeconds());
        System.out.printf("resume_ms_best=%.0f resume_ms_median=%.0f%n", r.bestMillis(), r.medianMillis());
        return 0;
    }

    private Integer overload() {
        System.out.printf("capacity %.0f tx/s (%,d gas per 2 s block), 120 simulated seconds per load ...%n",
                dev.rollupstudio.app.OverloadBench.CAPACITY_TPS, dev.rollupstudio.app.OverloadBench.GAS_LIMIT);
        for (double factor : new double[] {1.4, 3, 10}) {
            var r = dev.rollupstudio.app.OverloadBench.run(factor, 120_000);
            System.out.printf("load=%.1fx mean_fill=%.3f min_fill=%.3f max_pooled=%d pool_bound=%d p99_inclusion_ms=%d%n",
                    factor, r.meanFill(), r.minFill(), r.maxPooled(), r.poolBound(), r.p99InclusionMillis());
        }
        return 0;
    }

    private Integer explorer() {
        java.nio.file.Path dir = db != null ? db : dev.rollupstudio.app.AppPaths.dataDir().resolve("bench-explorer");
        System.out.println("filling " + dir + " to " + txs + " transactions (once), then timing the explorer's queries ...");
        dev.rollupstudio.app.ExplorerBench.Result r = dev.rollupstudio.app.ExplorerBench.run(dir, txs);
        System.out.printf("stored_txs=%d blocks=%d fill_s=%.0f%n", r.transactions(), r.blocks(), r.fillSeconds());
        for (var t : r.timings()) {
            System.out.printf("%-32s runs=%d p50_ms=%.2f p99_ms=%.2f max_ms=%.2f%n", t.query(), t.runs(), t.p50Millis(), t.p99Millis(), t.maxMillis());
        }
        return 0;
    }
}
