package dev.rollupstudio.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.ephemeral.EphemeralRollup;
import dev.rollupstudio.ephemeral.EphemeralStatus;
import dev.rollupstudio.ephemeral.Ephemerals;
import dev.rollupstudio.ephemeral.Phase;
import dev.rollupstudio.ephemeral.PhaseChange;
import dev.rollupstudio.ephemeral.Settlement;
import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.config.LifecycleConfig;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.l1.MassExit;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A rollup whose node is killed while it drains or settles comes back from its database, in the
 * phase it was in, and settles exactly once: every account credited its final balance on L1 once,
 * the value the same before and after.
 */
class EphemeralRecoveryTest {
    static final DevAccounts DEV = DevAccounts.derive(10);
    static final BigInteger GWEI = BigInteger.TEN.pow(9);

    @ParameterizedTest
    @EnumSource(value = Phase.class, names = {"DRAINING", "SETTLING"})
    void killedWhileEndingItRecoversAndSettlesOnce(Phase killedIn, @TempDir Path dir) {
        RuntimeOptions d = RuntimeOptions.defaults();
        DevnetHost host = new DevnetHost(RollupRuntime.inMemory(new RuntimeOptions(d.rollup(), d.l1(), null, 1, Pace.MAX, null, 10, 0)), "parent");
        Ephemerals ephemerals = new Ephemerals(host, new EphemeralStores(dir, host));
        var scheduler = host.runtime().scheduler();
        var l1 = host.runtime().l1();
        RollupConfig config = RollupConfig.opStack(0).withChallengeWindowSeconds(120).withLifecycle(LifecycleConfig.ephemeral(60_000, 0, 0));
        EphemeralRollup e = ephemerals.spawn(new Ephemerals.Request("crashy", config, BigDecimal.ZERO, DEV.address(0), "manual: test", java.util.List.of()));
        long id = e.chainId();
        long[] killedAt = {-1};
        ephemerals.onChange(c -> {
            if (c.to() == killedIn && c.from() != killedIn) {
                killedAt[0] = host.rollups().stream().filter(v -> v.chainId() == id).findFirst().orElseThrow().heads().latest();
                ephemerals.kill(id);
            }
        });
        // transfers while it lives, from five accounts
        scheduler.every(scheduler.now() + 1_000, 1_000, 2, () -> {
            if (e.phase() != Phase.ACTIVE) return;
            int from = (int) (scheduler.now() / 1000 % 5);
            var node = host.rollups().stream().filter(v -> v.chainId() == id).findFirst().orElseThrow().node();
            UnsignedTransaction u = UnsignedTransaction.transfer(id, node.pendingNonce(DEV.address(from)), DEV.address(9 - from), GWEI.multiply(GWEI), GWEI,
                    GWEI.multiply(BigInteger.TEN));
            node.submit(DEV.sign(from, u), -1);
        });
        Map<Address, Wei> l1Before = new HashMap<>();
        scheduler.every(scheduler.now() + 500, 500, 2, () -> {
            if (e.phase() == Phase.SETTLING) for (int i = 0; i < DEV.size(); i++) l1Before.put(DEV.address(i), l1.state().balance(DEV.address(i)));
        });
        long until = scheduler.now() + 3_600_000; // an hour of sim time is ample; a stuck lifecycle fails here rather than hanging
        scheduler.run(() -> e.phase().isEnd() || scheduler.now() > until);

        EphemeralStatus s = e.status(scheduler.now());
        assertThat(s.phase()).as(s.failure() + " " + ephemerals.events()).isEqualTo(Phase.DISSOLVED);
        String killed = "killed while " + killedIn.label() + ": its node stopped at block " + killedAt[0] + "; recovering from its database";
        assertThat(ephemerals.events()).extracting(PhaseChange::why).contains(killed)
                .anySatisfy(w -> assertThat(w).isEqualTo("recovered from its database at block " + killedAt[0] + "; " + killedIn.label() + " goes on"));
        assertThat(s.txsServed()).isGreaterThan(50);
        Settlement st = s.settlement();
        assertThat(st.valueConserved()).as("before %s after %s", st.before(), st.after()).isTrue();
        assertThat(MassExit.settled(l1.state(), id)).isTrue();
        assertThat(st.claims()).hasSizeGreaterThanOrEqualTo(10);
        for (MassExit.Claim c : st.claims()) {
            assertThat(MassExit.proven(st.stateRoot(), c)).isEqualTo(c.amount());
            if (l1Before.containsKey(c.account())) {
                assertThat(l1.state().balance(c.account()).value().subtract(l1Before.get(c.account()).value())).as("credited once: " + c.account())
                        .isEqualTo(c.amount());
            }
        }
        host.close();
    }

    @org.junit.jupiter.api.Test
    void aScenarioRollupKilledWhileActiveRecoversAndItsLoadGoesOn(@TempDir Path dir) {
        EphemeralScenario sc = EphemeralScenario.parse(EphemeralScenarioTest.scenario("",
                "{\"name\": \"a\", \"atSeconds\": 0, \"load\": {\"tps\": 5, \"forSeconds\": 50, \"maxTxs\": 200, \"senders\": 6}}"), "kill.json", null);
        try (ScenarioRun run = new ScenarioRun(sc, Pace.MAX, dir.resolve("dbs"))) {
            boolean[] killed = {false};
            run.ephemerals().onChange(c -> {
                if (c.to() == Phase.ACTIVE && !killed[0] && c.why().startsWith("first block")) {
                    killed[0] = true;
                    run.host().runtime().scheduler().at(run.host().runtime().scheduler().now() + 20_000, 3, () -> run.ephemerals().kill(c.chainId()));
                }
            });
            run.run();
            var s = run.ephemerals().statuses().get(0);
            assertThat(s.phase()).as(String.valueOf(s.failure())).isEqualTo(Phase.DISSOLVED);
            assertThat(run.ephemerals().events()).extracting(PhaseChange::why).anyMatch(w -> w.startsWith("killed while active"))
                    .anyMatch(w -> w.startsWith("recovered from its database"));
            // what the pool held when it died is lost, as a crashed node's mempool is; the rest was served, and no more than the load sent
            assertThat(s.txsServed()).isBetween(150L, 200L);
            assertThat(s.settlement().valueConserved()).isTrue();
        }
        assertThat(dir.resolve("dbs")).doesNotExist();
    }
}
