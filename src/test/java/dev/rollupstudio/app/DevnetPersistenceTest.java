package dev.rollupstudio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.host.RollupChainView;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A devnet on a database: the L1 and every rollup, each in its own folder, resume where they stopped. */
class DevnetPersistenceTest {
    static final Address RECEIVER = Address.fromHex("0x00000000000000000000000000000000000b0b02");

    @TempDir Path dir;

    @Test void everyRollupResumesFromItsOwnFolderAndItsVerifierGoesOn() throws Exception {
        RuntimeOptions d = RuntimeOptions.defaults().withPace(Pace.realtime(50));
        RuntimeOptions o = new RuntimeOptions(d.rollup(), d.l1(), null, d.seed(), d.pace(), null, 10, 0).withDatabase(dir);
        List<RollupConfig> further = List.of(o.rollup().withChainId(902), o.rollup().withChainId(903));
        List<String> names = List.of("second", "third");

        long[] heads = new long[3];
        DevnetHost host = Runtimes.openDevnet(o, "first", further, names);
        Thread loop = new Thread(host::run, "persist-loop-1");
        loop.start();
        try {
            RollupChainView second = host.rollups().get(1);
            var keys = DevAccounts.derive(1);
            var tx = keys.sign(0, UnsignedTransaction.transfer(902, 0, RECEIVER, BigInteger.valueOf(12345), BigInteger.ONE, BigInteger.TEN.pow(12)));
            assertThat(second.submit(tx).get(10, TimeUnit.SECONDS).accepted()).isTrue();
            waitFor(() -> second.transaction(tx.hash()) != null, 30);
            waitFor(() -> host.rollups().stream().allMatch(r -> r.heads().safe() > 2), 90);
        } finally {
            host.stop();
            loop.join(10_000);
            for (int i = 0; i < 3; i++) heads[i] = host.rollups().get(i).heads().latest();
            host.close();
        }
        assertThat(dir.resolve("rollup-902")).isDirectory();
        assertThat(dir.resolve("rollup-903")).isDirectory();

        DevnetHost again = Runtimes.openDevnet(o, "first", further, names);
        Thread loop2 = new Thread(again::run, "persist-loop-2");
        try {
            // read the resumed heads before the loop runs, or a block sealed meanwhile moves them
            for (int i = 0; i < 3; i++) assertThat(again.rollups().get(i).heads().latest()).as("rollup %d", i).isEqualTo(heads[i]);
            RollupChainView second = again.rollups().get(1);
            assertThat(second.state(second.heads().latest()).balance(RECEIVER).value()).isEqualTo(BigInteger.valueOf(12345));
            loop2.start();
            long safe = second.heads().safe();
            waitFor(() -> again.rollups().stream().allMatch(r -> r.heads().latest() > heads[0] + 3) && second.heads().safe() > safe, 90);
            for (RollupChainView r : again.rollups()) assertThat(r.verifierMismatches().get(10, TimeUnit.SECONDS)).as(r.name()).isZero();
            // the genesis block stays known on a resumed chain (optimism_rollupConfig and wallets read it)
            for (RollupChainView r : again.rollups()) assertThat(r.block(0)).as(r.name()).isNotNull().satisfies(b -> assertThat(b.number()).isZero());
        } finally {
            again.stop();
            loop2.join(10_000);
            again.close();
        }

        assertThatThrownBy(() -> Runtimes.openDevnet(o, "first", further.subList(0, 1), names.subList(0, 1)))
                .hasMessageContaining("ran 3 rollup(s) (rollup-902, rollup-903)").hasMessageContaining("start it with --rollups 3");
        // the refusal closed what it opened: the folder opens again
        Runtimes.openDevnet(o, "first", further, names).close();
    }

    private static void waitFor(BooleanSupplier done, int seconds) throws InterruptedException {
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("not reached in " + seconds + " s");
            Thread.sleep(20);
        }
    }
}
