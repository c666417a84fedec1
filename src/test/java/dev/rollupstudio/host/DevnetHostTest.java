package dev.rollupstudio.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.sim.Pace;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** One L1, several rollups: each seals, batches to the shared L1 and is derived there; one removed leaves the others running. */
class DevnetHostTest {

    @Test void threeRollupsShareOneL1AndOneCanBeRemovedWhileTheOthersRun() throws Exception {
        RuntimeOptions d = RuntimeOptions.defaults().withPace(Pace.realtime(50));
        RuntimeOptions o = new RuntimeOptions(d.rollup(), d.l1(), null, d.seed(), d.pace(), null, 10, 0);
        DevnetHost host = new DevnetHost(RollupRuntime.inMemory(o), "first");
        RollupChainView second = host.addRollup(o.rollup().withChainId(902), "second");
        RollupChainView third = host.addRollup(o.rollup().withChainId(903), "third");
        assertThatThrownBy(() -> host.addRollup(o.rollup().withChainId(902), "again")).hasMessageContaining("chain id 902 is taken");
        assertThatThrownBy(() -> host.addRollup(o.rollup().withChainId(900), "l1")).hasMessageContaining("chain id 900 is taken");
        Thread loop = new Thread(host::run, "test-host-loop");
        loop.start();
        try {
            // each is derived from the shared L1 by its own verifier: its safe head moves
            waitFor(() -> host.rollups().stream().allMatch(r -> r.heads().safe() > 0), 60);
            assertThat(host.rollups()).extracting(ChainView::chainId).containsExactly(901L, 902L, 903L);
            assertThat(second.heads().latest()).isPositive();

            CompletableFuture<Void> removed = new CompletableFuture<>();
            host.runtime().scheduler().post(() -> {
                host.removeRollup(903);
                removed.complete(null);
            });
            removed.get(10, TimeUnit.SECONDS);
            long stoppedAt = third.heads().latest();
            long secondAt = second.heads().latest();
            waitFor(() -> second.heads().latest() > secondAt + 5, 30);
            assertThat(third.heads().latest()).as("a removed rollup seals no more blocks").isEqualTo(stoppedAt);
            assertThat(host.rollups()).extracting(ChainView::chainId).containsExactly(901L, 902L);
            assertThat(third.submit(dev.rollupstudio.wallet.DevAccounts.derive(1).sign(0,
                    dev.rollupstudio.chain.UnsignedTransaction.transfer(903, 0, dev.rollupstudio.types.Address.ZERO, java.math.BigInteger.ONE,
                            java.math.BigInteger.ONE, java.math.BigInteger.TEN.pow(12)))).get(10, TimeUnit.SECONDS).message())
                    .isEqualTo("rollup 903 was removed from the devnet");
        } finally {
            host.stop();
            loop.join(10_000);
            host.close();
        }
    }

    private static void waitFor(BooleanSupplier done, int seconds) throws InterruptedException {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("not reached in " + seconds + " s");
            Thread.sleep(20);
        }
    }
}
