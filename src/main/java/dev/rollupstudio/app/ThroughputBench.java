package dev.rollupstudio.app;

import dev.rollupstudio.chain.Ecdsa;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.sim.WallClock;
import dev.rollupstudio.workload.Mix;
import dev.rollupstudio.workload.TransferWorkload;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * End-to-end throughput in wall time: pre-signed transfers arrive as raw bytes, are decoded and
 * their senders recovered on every core, admitted to the pool, sequenced, executed, committed to
 * a state root, sealed and batched, with the clock in real time. Beside it, the machine's
 * sender-recovery ceilings: decodes and recoveries per second on all cores with nothing else
 * running, through the secp256k1 library in use and through BouncyCastle.
 */
public final class ThroughputBench {
    private static final int CHUNK = 256;

    public record Result(int txs, long rejected, double runtimeTps, String ecdsa, double recoverCeilingTps, double recoverCeilingBcTps, double p50InclusionMs, double p99InclusionMs,
                         long blocks, long blockTimeMillis, int threads) {}

    private ThroughputBench() {}

    public static Result run(int txs, long blockTimeMillis) throws Exception {
        return run(txs, blockTimeMillis, Mix.transfers(0));
    }

    /** As above with traffic of this mix (token transfers run the Studio Token's code in the EVM). */
    public static Result run(int txs, long blockTimeMillis, Mix mix) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        // Enough gas that execution never binds: the measurement is of the runtime, not of a gas cap.
        long gasPerTx = mix.equals(Mix.transfers(0)) ? 21_000L : Math.max(TransferWorkload.TOKEN_TRANSFER_GAS, TransferWorkload.MINT_GAS);
        RollupConfig config = RollupConfig.opStack(RuntimeOptions.DEFAULT_CHAIN_ID).withBlockTime(blockTimeMillis)
                .withGasLimit(gasPerTx * txs).withPoolCapacity(txs + 1);
        // Created unpaced: pre-signing and the ceiling take seconds, and a real-time clock started
        // now would meet the timed run with a backlog of empty blocks to seal unpaced.
        RuntimeOptions options = RuntimeOptions.defaults().withRollup(config).withPace(Pace.MAX);
        RollupRuntime rt = RollupRuntime.inMemory(options);
        List<byte[]> raw = presign(rt, txs, mix);
        double ceiling = recoverCeiling(raw, threads, Ecdsa.active());
        double ceilingBc = recoverCeiling(raw.subList(0, Math.min(raw.size(), 5_000)), threads, Ecdsa.bouncyCastle());

        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Thread loop = new Thread(() -> rt.scheduler().run(() -> rt.metrics().includedCount() + rt.metrics().rejectedCount() >= txs), "rollup-loop");
        rt.scheduler().setPace(Pace.realtime(1)); // the real-time clock starts with the timed run
        long start = WallClock.nanos();
        loop.start();
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < raw.size(); i += CHUNK) {
            List<byte[]> chunk = raw.subList(i, Math.min(raw.size(), i + CHUNK));
            work.add(pool.submit(() -> {
                List<Transaction> decoded = new ArrayList<>(chunk.size());
                for (byte[] r : chunk) decoded.add(Transaction.decode(r));
                rt.submitFromAnyThread(decoded);
            }));
        }
        for (Future<?> f : work) f.get();
        loop.join(); // the loop stops right after sealing the block that includes the last transaction
        double seconds = (WallClock.nanos() - start) / 1e9;
        pool.shutdown();
        rt.close();
        return new Result(txs, rt.metrics().rejectedCount(), rt.metrics().includedCount() / seconds, Ecdsa.active().name(), ceiling, ceilingBc, rt.metrics().inclusionWallMillis(50), rt.metrics().inclusionWallMillis(99),
                rt.metrics().blocks(), blockTimeMillis, threads);
    }

    private static List<byte[]> presign(RollupRuntime rt, int n, Mix mix) {
        TransferWorkload w = new TransferWorkload(rt.accounts(), rt.options().senders(), rt.options().rollup().chainId(), 42, rt.node().state(), mix);
        List<byte[]> out = new ArrayList<>(n);
        for (Transaction t : w.next(n, rt.node().chain().head().header().baseFeePerGas())) out.add(t.encoded());
        return out;
    }

    /** Decode + recover every transaction on all cores with one library; best of three passes over a sample. */
    static double recoverCeiling(List<byte[]> raw, int threads, Ecdsa ecdsa) throws Exception {
        List<byte[]> sample = raw.subList(0, Math.min(raw.size(), 20_000));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        double best = 0;
        for (int pass = 0; pass < 3; pass++) {
            long t0 = WallClock.nanos();
            List<Future<?>> fs = new ArrayList<>();
            int per = (sample.size() + threads - 1) / threads;
            for (int i = 0; i < sample.size(); i += per) {
                List<byte[]> part = sample.subList(i, Math.min(sample.size(), i + per));
                fs.add(pool.submit(() -> {
                    for (byte[] r : part) {
                        Transaction tx = Transaction.decode(r);
                        if (ecdsa.recover(tx.signingHash(), tx.recoveryId(), tx.r(), tx.s()) == null) throw new IllegalStateException("unrecoverable signature");
                    }
                }));
            }
            for (Future<?> f : fs) f.get();
            best = Math.max(best, sample.size() / ((WallClock.nanos() - t0) / 1e9));
        }
        pool.shutdown();
        return best;
    }
}
