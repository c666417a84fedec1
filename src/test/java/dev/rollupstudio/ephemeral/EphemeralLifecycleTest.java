package dev.rollupstudio.ephemeral;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.contracts.Alt;
import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.host.RollupChainView;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.config.LifecycleConfig;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.l1.MassExit;
import dev.rollupstudio.runtime.l1.OptimismPortal;
import dev.rollupstudio.runtime.rollup.RollupNode;
import dev.rollupstudio.runtime.rollup.TxRejection;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.wallet.DevAccounts;
import dev.rollupstudio.workload.Load;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An ephemeral rollup's whole life on a devnet: provisioned (fee paid in ALT), live (transfers and
 * a withdrawal), drained (late transactions and deposits refused), settled on L1 against its final
 * state root (every claim proven, every account credited exactly its final balance, value per
 * token the same before and after) and dissolved (its endpoint's view refuses with the reason).
 */
class EphemeralLifecycleTest {
    static final DevAccounts DEV = DevAccounts.derive(10);
    static final BigInteger GWEI = BigInteger.TEN.pow(9);

    static RuntimeOptions options() {
        RuntimeOptions d = RuntimeOptions.defaults();
        return new RuntimeOptions(d.rollup(), d.l1(), null, 1, Pace.MAX, null, 10, 0);
    }

    /** An ephemeral OP Stack rollup: a 2-minute challenge window, living 60 s after 5 s of provisioning. */
    static RollupConfig ephemeral() {
        return RollupConfig.opStack(0).withChallengeWindowSeconds(120).withLifecycle(LifecycleConfig.ephemeral(60_000, 5_000, 0));
    }

    @Test void livesDrainsSettlesAndDissolvesWithEveryAccountCreditedExactly() throws Exception {
        DevnetHost host = new DevnetHost(RollupRuntime.inMemory(options()), "parent");
        Ephemerals ephemerals = new Ephemerals(host);
        ephemerals.elsewhere("send to the parent rollup (chain 901) instead");
        var scheduler = host.runtime().scheduler();
        var l1 = host.runtime().l1();
        BigInteger altBefore = Alt.balance(l1.state(), Alt.L1_TOKEN, DEV.address(0));
        EphemeralRollup e = ephemerals.spawn(new Ephemerals.Request("mint", ephemeral(), new BigDecimal("110"), DEV.address(0), "manual: test", java.util.List.of()));
        long chainId = e.chainId();
        assertThat(chainId).isEqualTo(Ephemerals.FIRST_CHAIN_ID);
        assertThat(Alt.balance(l1.state(), Alt.L1_TOKEN, DEV.address(0))).isEqualTo(altBefore.subtract(BigInteger.valueOf(110).multiply(BigInteger.TEN.pow(18))));

        // transfers every second while it lives, one withdrawal of 1 ETH; then late ones
        List<TxRejection> late = new ArrayList<>();
        Map<Address, Wei> l1Before = new HashMap<>();
        scheduler.every(scheduler.now() + 1_000, 1_000, 2, () -> {
            if (e.phase() == Phase.ACTIVE || e.phase() == Phase.DRAINING) {
                RollupNode node = e.view().node();
                int from = (int) (scheduler.now() / 1000 % 5);
                long nonce = node.pool().pendingNonce(DEV.address(from), node.state());
                UnsignedTransaction u = UnsignedTransaction.transfer(chainId, nonce, DEV.address(9 - from), GWEI.multiply(GWEI), GWEI, GWEI.multiply(BigInteger.TEN));
                if (nonce == 3 && from == 0) {
                    u = UnsignedTransaction.transfer(chainId, nonce, dev.rollupstudio.runtime.rollup.Predeploys.L2_TO_L1_MESSAGE_PASSER,
                            GWEI.multiply(GWEI), GWEI, GWEI.multiply(BigInteger.TEN)).withData(dev.rollupstudio.chain.abi.Abi.call(
                                    "initiateWithdrawal(address,uint256,bytes)", DEV.address(0), 100_000L, new dev.rollupstudio.chain.abi.Abi.DynamicBytes(new byte[0])))
                            .withGasLimit(200_000);
                }
                TxRejection r = node.submit(DEV.sign(from, u), -1);
                if (e.phase() == Phase.DRAINING) late.add(r);
            }
            if (e.phase() == Phase.DRAINING && !OptimismPortal.isClosed(l1.state(), chainId)) throw new AssertionError("portal open while draining");
            if (e.phase() == Phase.SETTLING) for (int i = 0; i < DEV.size(); i++) l1Before.put(DEV.address(i), l1.state().balance(DEV.address(i)));
        });
        List<Transaction> refusedDeposit = new ArrayList<>();
        ephemerals.onChange(c -> {
            if (c.to() == Phase.DRAINING) {
                Transaction dep = Load.deposit(l1, DEV, 8, chainId, DEV.address(8), GWEI.multiply(GWEI));
                l1.submit(dep);
                refusedDeposit.add(dep);
            }
        });
        scheduler.run(() -> e.phase().isEnd());

        EphemeralStatus s = e.status(scheduler.now());
        assertThat(s.phase()).as(s.failure() == null ? "" : s.failure()).isEqualTo(Phase.DISSOLVED);
        assertThat(ephemerals.events()).extracting(PhaseChange::to)
                .containsExactly(Phase.REQUESTED, Phase.PROVISIONING, Phase.ACTIVE, Phase.DRAINING, Phase.SETTLING, Phase.DISSOLVED);
        assertThat(s.entered().get(Phase.ACTIVE) - s.entered().get(Phase.PROVISIONING)).isEqualTo(5_000);
        assertThat(s.entered().get(Phase.DRAINING) - s.entered().get(Phase.ACTIVE)).isBetween(60_000L, 60_000L + Ephemerals.TICK_MILLIS);
        assertThat(s.txsServed()).isGreaterThan(50);

        // late transactions refused with the reason and where to go
        assertThat(late).isNotEmpty().allSatisfy(r -> {
            assertThat(r.reason()).isEqualTo(TxRejection.Reason.CLOSED);
            assertThat(r.message()).contains("rollup " + chainId + " (mint) is ending").contains("send to the parent rollup (chain 901) instead");
        });
        // the deposit made after the portal closed reverted on L1 and never reached the rollup
        assertThat(refusedDeposit).hasSize(1);
        var at = host.l1().transaction(refusedDeposit.get(0).hash());
        assertThat(at).as("the late deposit was mined on L1").isNotNull();
        assertThat(at.block().block().receipts().get(at.index()).success()).isFalse();

        Settlement st = s.settlement();
        assertThat(st.valueConserved()).as("before %s after %s", st.before(), st.after()).isTrue();
        assertThat(MassExit.settled(l1.state(), chainId)).isTrue();
        // every claim holds against the final state root on its own, and each account got exactly its claim
        for (MassExit.Claim c : st.claims()) {
            assertThat(MassExit.proven(st.stateRoot(), c)).isEqualTo(c.amount());
            if (l1Before.containsKey(c.account())) {
                assertThat(l1.state().balance(c.account()).value().subtract(l1Before.get(c.account()).value())).as(c.account().toHex()).isEqualTo(c.amount());
            }
        }
        assertThat(st.claims()).extracting(MassExit.Claim::account).contains(DEV.address(0), DEV.address(9));
        // what the portal kept is what was burnt on the rollup (no withdrawal was left on the way)
        assertThat(st.leftInEscrow().get(Settlement.ETH)).isEqualTo(l1.state().balance(dev.rollupstudio.runtime.l1.SystemContracts.portal(chainId)).value());
        // a forged claim is refused, and a second settlement too
        MassExit.Claim c0 = st.claims().get(0);
        MassExit.Claim forged = new MassExit.Claim(c0.asset(), c0.account(), c0.amount().add(BigInteger.ONE), c0.accountProof(), c0.storageProof());
        assertThat(MassExit.proven(st.stateRoot(), forged)).isNotEqualTo(forged.amount());

        // dissolved: gone from the host, its view refuses with where its state went
        assertThat(host.rollups()).extracting(RollupChainView::chainId).doesNotContain(chainId);
        assertThat(e.view().dissolvedBecause()).contains("was dissolved").contains("paid out on L1").contains(st.stateRoot().toHex());
        var refused = e.view().submit(DEV.sign(1, UnsignedTransaction.transfer(chainId, 99, DEV.address(2), BigInteger.ONE, GWEI, GWEI.multiply(BigInteger.TEN))));
        scheduler.runNextTask();
        assertThat(refused.get(5, TimeUnit.SECONDS).message()).contains("was dissolved");
        assertThat(e.view().heads().latest()).isEqualTo(st.finalBlock());
        host.close();
    }

    @Test void aFinalBatchTheDaLayerWithholdsFailsTheSettlementWithTheReasonAndPaysNothing() {
        DevnetHost host = new DevnetHost(RollupRuntime.inMemory(options()), "parent");
        Ephemerals ephemerals = new Ephemerals(host);
        var scheduler = host.runtime().scheduler();
        RollupConfig config = ephemeral().withDa(dev.rollupstudio.runtime.config.DaConfig.external(dev.rollupstudio.runtime.config.DaModel.local()));
        EphemeralRollup e = ephemerals.spawn(new Ephemerals.Request("withheld", config, BigDecimal.ZERO, DEV.address(0), "manual: test", java.util.List.of()));
        ephemerals.onChange(c -> {
            if (c.to() == Phase.DRAINING) {
                var da = (dev.rollupstudio.runtime.da.ExternalDa) e.view().node().da();
                for (long id = 0; id < 10_000; id++) da.withhold(id); // what was served stays derived; what comes now is never served
            }
        });
        scheduler.run(() -> e.phase().isEnd());

        EphemeralStatus s = e.status(scheduler.now());
        assertThat(s.phase()).isEqualTo(Phase.FAILED);
        assertThat(s.failure()).contains("never served the final batch").contains("nothing was paid out").contains("claimable by the normal withdrawal path");
        assertThat(ephemerals.events()).extracting(PhaseChange::to)
                .containsExactly(Phase.REQUESTED, Phase.PROVISIONING, Phase.ACTIVE, Phase.DRAINING, Phase.SETTLING, Phase.FAILED);
        assertThat(s.millisIn(Phase.SETTLING)).isBetween(EphemeralRollup.SETTLE_TIMEOUT_MILLIS, EphemeralRollup.SETTLE_TIMEOUT_MILLIS + Ephemerals.TICK_MILLIS);
        assertThat(MassExit.settled(host.runtime().l1().state(), e.chainId())).isFalse();
        // it stays on the devnet, closed, so withdrawals on their way still finish the normal way
        assertThat(host.rollups()).extracting(RollupChainView::chainId).contains(e.chainId());
        assertThat(e.view().node().closedBecause()).contains("failed");
        host.close();
    }

    @Test void aDissolvedRollupsNodeIsFreed() throws Exception {
        DevnetHost host = new DevnetHost(RollupRuntime.inMemory(options()), "parent");
        Ephemerals ephemerals = new Ephemerals(host);
        var scheduler = host.runtime().scheduler();
        EphemeralRollup e = ephemerals.spawn(new Ephemerals.Request("freed", ephemeral(), BigDecimal.ZERO, DEV.address(0), "manual: test", java.util.List.of()));
        scheduler.run(() -> e.phase() == Phase.ACTIVE);
        java.lang.ref.WeakReference<RollupNode> node = new java.lang.ref.WeakReference<>(e.view().node());
        java.lang.ref.WeakReference<Object> state = new java.lang.ref.WeakReference<>(e.view().node().state());
        scheduler.run(() -> e.phase().isEnd());
        assertThat(e.phase()).isEqualTo(Phase.DISSOLVED);
        for (int i = 0; i < 20 && (node.get() != null || state.get() != null); i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(node.get()).as("the dissolved rollup's node (pool, verifier, batcher) is unreachable").isNull();
        assertThat(state.get()).as("and so is its live world state").isNull();
        assertThat(e.view().heads().latest()).as("its archive still answers").isPositive();
        host.close();
    }

    @Test void anIdleRollupEndsAfterItsIdleTimeoutAndAPayerShortOfAltFailsAtOnce() {
        DevnetHost host = new DevnetHost(RollupRuntime.inMemory(options()), "parent");
        Ephemerals ephemerals = new Ephemerals(host);
        var scheduler = host.runtime().scheduler();
        RollupConfig idle = RollupConfig.opStack(0).withChallengeWindowSeconds(120).withLifecycle(LifecycleConfig.ephemeral(3_600_000, 0, 20_000));
        EphemeralRollup e = ephemerals.spawn(new Ephemerals.Request("idle", idle, BigDecimal.ONE, DEV.address(0), "manual: test", java.util.List.of()));
        scheduler.run(() -> e.phase() == Phase.DRAINING);
        EphemeralStatus s = e.status(scheduler.now());
        assertThat(s.entered().get(Phase.DRAINING) - s.entered().get(Phase.ACTIVE)).isBetween(20_000L, 20_000L + Ephemerals.TICK_MILLIS);
        assertThat(ephemerals.events().get(ephemerals.events().size() - 1).why()).isEqualTo("idle for 20 s");

        Address broke = Address.fromHex("0x000000000000000000000000000000000000b0b0");
        EphemeralRollup poor = ephemerals.spawn(new Ephemerals.Request("poor", idle, new BigDecimal("100"), broke, "manual: test", java.util.List.of()));
        assertThat(poor.phase()).isEqualTo(Phase.FAILED);
        assertThat(poor.failure()).isEqualTo("the payer " + broke + " holds 0 ALT, less than the RaaS fee of 100 ALT; fund it with ALT on L1");
        assertThat(host.rollups()).extracting(RollupChainView::chainId).doesNotContain(poor.chainId());
        host.close();
    }

    @Test void aDevnetThatSpawnedOneNoLongerRevertsToSnapshotsAndSaysWhy() {
        DevnetHost host = DevnetHost.inMemory(options(), "parent");
        Ephemerals ephemerals = new Ephemerals(host);
        var scheduler = host.runtime().scheduler();
        scheduler.runUntil(scheduler.now() + 10_000);
        assertThat(host.snapshot()).as("a devnet that spawns nothing snapshots as before").isPositive();
        ephemerals.spawn(new Ephemerals.Request("once", ephemeral(), BigDecimal.ZERO, DEV.address(0), "manual: test", java.util.List.of()));
        org.assertj.core.api.Assertions.assertThatThrownBy(host::snapshot).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("evm_snapshot and evm_revert are off on this devnet since an ephemeral rollup was spawned");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> host.revert(1)).hasMessageContaining("restart the node");
        host.close();
    }
}
