package dev.rollupstudio.workload;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.rollup.RollupNode;
import dev.rollupstudio.runtime.rollup.Sequencer;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigInteger;
import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Generated load driving a runtime from its scheduler: signed transfers, token transfers, mints
 * and withdrawals on L2; on L1, signed calls of the rollup portal's depositTransaction.
 */
public final class Load {
    private static final long TICK_MILLIS = 100;

    private Load() {}

    /**
     * Generated transfers at {@code tps} per simulated second, from the first {@code senders} dev
     * accounts, until {@code maxTxs} were sent; plus, when {@code deposits}, one L1 deposit per
     * slot from the other dev accounts.
     */
    public static void start(RollupRuntime rt, double tps, double withdrawalShare, boolean deposits, long maxTxs) {
        Mix mix = Mix.transfers(withdrawalShare);
        start(rt, () -> tps, () -> mix, deposits, maxTxs);
    }

    /** A scenario's traffic at {@code tps} times its shape over simulated time. */
    public static void start(RollupRuntime rt, Scenario scenario, double tps, boolean deposits, long maxTxs) {
        start(rt, () -> scenario.rate(tps, rt.scheduler().now()), () -> scenario.mix(rt.scheduler().now()), deposits, maxTxs);
    }

    /** As above, with a rate and a mix read at every tick (a slider, a scenario). */
    public static void start(RollupRuntime rt, DoubleSupplier tps, Supplier<Mix> mix, boolean deposits, long maxTxs) {
        RuntimeOptions options = rt.options();
        DevAccounts accounts = rt.accounts();
        Scheduler scheduler = rt.scheduler();
        long[] sent = {0};
        drive(scheduler, rt.node(), accounts, options.senders(), options.seed(), tps, mix, maxTxs, n -> sent[0] += n);
        if (deposits && accounts.size() > options.senders()) {
            SplittableRandom rnd = new SplittableRandom(options.seed() + 7);
            long slot = options.l1().slotMillis();
            scheduler.every(scheduler.now() + slot / 2, slot, 2, () -> {
                if (sent[0] >= maxTxs) return;
                int k = options.senders() + rnd.nextInt(accounts.size() - options.senders());
                Address to = accounts.address(rnd.nextInt(accounts.size()));
                BigInteger value = BigInteger.TEN.pow(17).multiply(BigInteger.valueOf(1 + rnd.nextInt(10))); // 0.1 to 1 ETH
                rt.l1().submit(deposit(rt.l1(), accounts, k, options.rollup().chainId(), to, value));
            });
        }
    }

    /**
     * Generated transactions on {@code node} at {@code tps} per simulated second (read every
     * tick), from the first {@code senders} dev accounts, until {@code maxTxs} were sent; each
     * tick's count goes to {@code onSent}. Returns what stops it.
     */
    public static Runnable drive(Scheduler scheduler, RollupNode node, DevAccounts accounts, int senders, long seed, DoubleSupplier tps,
                                 Supplier<Mix> mix, long maxTxs, java.util.function.LongConsumer onSent) {
        TransferWorkload load = new TransferWorkload(accounts, senders, node.config().chainId(), seed, node.state(), mix.get());
        TransferWorkload.Node wallet = new TransferWorkload.Node() {
            @Override public long pendingNonce(Address sender) {
                return node.pendingNonce(sender);
            }

            @Override public java.util.List<Transaction> pricedOut(Address sender, BigInteger baseFee) {
                return node.pricedOut(sender, baseFee);
            }
        };
        double[] carry = {0};
        long[] sent = {0};
        return scheduler.every(scheduler.now() + TICK_MILLIS, TICK_MILLIS, 2, () -> {
            carry[0] += tps.getAsDouble() * TICK_MILLIS / 1000.0;
            int n = (int) Math.min(carry[0], maxTxs - sent[0]);
            carry[0] -= (int) carry[0];
            sent[0] += n;
            if (n == 0) return;
            load.setMix(mix.get());
            BigInteger baseFee = Sequencer.nextBaseFee(node.config(), node.chain().head());
            node.submitAsClients(load.next(n, baseFee, wallet));
            onSent.accept(n);
        });
    }

    /** A dev account's signed L1 transaction depositing {@code value} to {@code to} on the rollup through its portal. */
    public static Transaction deposit(dev.rollupstudio.runtime.l1.EmbeddedL1 l1, DevAccounts accounts, int account, long chainId, Address to, BigInteger value) {
        return dev.rollupstudio.runtime.l1.DepositCalls.of(l1, accounts, account, chainId, null, to, value, 100_000L, new byte[0]).get(0);
    }

}
