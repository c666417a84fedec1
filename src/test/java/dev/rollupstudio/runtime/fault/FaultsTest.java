package dev.rollupstudio.runtime.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollupstudio.app.SpecRuntimes;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.state.Account;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.workload.Load;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each fault injected into one run of a MACH stack on EigenDA, one after another: each is
 * detected by what should detect it, in the time it should take, the system comes back, and no
 * value is lost or created on the rollup.
 */
class FaultsTest {

    private static RollupRuntime machOnEigenDa() {
        return RollupRuntime.inMemory(SpecRuntimes.options(Presets.get("zk-eigenda-mach"), Prices.defaults(), RuntimeOptions.defaults().withSeed(9)));
    }

    private static Fault find(List<Fault> all, FaultKind k) {
        return all.stream().filter(f -> f.kind() == k).findFirst().orElseThrow();
    }

    @Test void everyFaultIsDetectedAndTheSystemComesBack() {
        RollupRuntime rt = machOnEigenDa();
        Faults faults = new Faults(rt);
        long t0 = rt.scheduler().now();
        faults.at(FaultKind.SEQUENCER_DOWN, t0 + 20_000);
        faults.at(FaultKind.OPERATOR_OFFLINE, t0 + 100_000);
        faults.at(FaultKind.DOUBLE_SIGN, t0 + 200_000);
        faults.at(FaultKind.L1_CONGESTION, t0 + 250_000);
        faults.at(FaultKind.DA_WITHHOLD, t0 + 300_000);
        Load.start(rt, 20, 0.01, true, Long.MAX_VALUE);
        rt.runFor(700_000);
        List<Fault> all = faults.list();
        assertThat(all).extracting(Fault::kind).containsExactly(FaultKind.SEQUENCER_DOWN, FaultKind.OPERATOR_OFFLINE, FaultKind.DOUBLE_SIGN,
                FaultKind.L1_CONGESTION, FaultKind.DA_WITHHOLD);
        assertThat(all).allSatisfy(f -> {
            assertThat(f.detectedAt()).as(f.kind().id()).isNotNull().isGreaterThanOrEqualTo(f.injectedAt());
            assertThat(f.outcome()).as(f.kind().id()).isNotEqualTo("under way");
        });

        Fault down = find(all, FaultKind.SEQUENCER_DOWN);
        assertThat(down.detectedAt() - down.injectedAt()).isBetween(3.0, 5.0); // three 1 s block times, at the next watchdog tick
        assertThat(down.detectedBy()).startsWith("block watchdog");
        // a SQUAD set: only the leader went down, and the next operator took the turn over after the 5 s leader timeout
        assertThat(down.outcome()).startsWith("SQUAD leader operator-").contains("past the leader timeout of 5.0 s").contains("took the turn over and sealed block 21");
        var block21 = rt.node().chain().block(21).header();
        var block20 = rt.node().chain().block(20).header();
        assertThat(block21.timestamp() - block20.timestamp()).isEqualTo(6); // the first slot past the timeout
        assertThat(block21.coinbase()).isNotEqualTo(block20.coinbase());
        assertThat(rt.node().derivation().findings(dev.rollupstudio.runtime.event.VerifierFinding.Kind.BLOCK_DIFFERS)).isZero();

        Fault offline = find(all, FaultKind.OPERATOR_OFFLINE);
        assertThat(offline.detectedAt() - offline.injectedAt()).isLessThanOrEqualTo(4.0); // the next MACH round
        assertThat(offline.detectedBy()).startsWith("MACH aggregator: a round without the quorum");
        assertThat(offline.outcome()).contains("the quorum came back");

        Fault doubleSign = find(all, FaultKind.DOUBLE_SIGN);
        assertThat(doubleSign.detectedAt() - doubleSign.injectedAt()).isLessThanOrEqualTo(4.0);
        assertThat(doubleSign.outcome()).contains("slashed its bond of 100000 ALT and 32 restaked ETH to the treasury in L1 block");
        var cheat = rt.node().fastFinality().equivocations().get(0).first().operator();
        var stake = dev.rollupstudio.contracts.OperatorRegistry.stakeOf(rt.l1().state(), cheat);
        assertThat(stake[0]).isZero();
        assertThat(stake[1]).isZero();
        assertThat(dev.rollupstudio.contracts.OperatorRegistry.optedIn(rt.l1().state(), cheat, rt.options().rollup().chainId(),
                dev.rollupstudio.contracts.OperatorRegistry.Service.MACH)).isFalse();
        assertThat(rt.l1().state().balance(dev.rollupstudio.contracts.Alt.TREASURY)).isEqualTo(Wei.ether(32));
        var mach = rt.node().fastFinality();
        assertThat(mach.equivocations()).hasSize(1);
        assertThat(mach.equivocations().get(0).first().verifies()).isTrue();
        assertThat(mach.equivocations().get(0).second().verifies()).isTrue();
        assertThat(mach.status().operators()).filteredOn(o -> o.ejected()).hasSize(1);

        Fault congestion = find(all, FaultKind.L1_CONGESTION);
        assertThat(congestion.detectedBy()).startsWith("L1 fee market");
        assertThat(congestion.outcome()).contains("L1 ran full");

        Fault withheld = find(all, FaultKind.DA_WITHHOLD);
        assertThat(withheld.detectedBy()).startsWith("verifier: the EigenDA layer does not serve the data");
        assertThat(withheld.outcome()).contains("moved on once the data was served").endsWith("mismatches: 0");

        // after all of it: the heads caught up, the verifier agrees with every block, and value is conserved to the wei
        var heads = rt.node().heads();
        assertThat(heads.finalized()).isGreaterThan(heads.unsafe() - 10); // MACH fast finality is back with the head
        assertThat(rt.node().derivation().mismatches()).isZero();
        var totals = rt.node().chain().totals();
        Wei balances = rt.node().state().accounts().values().stream().map(Account::balance).reduce(Wei.ZERO, Wei::add);
        assertThat(balances.add(totals.burntBaseFees()).add(totals.withdrawn())).isEqualTo(rt.node().genesis().totalSupply().add(totals.deposited()));
        assertThat(rt.metrics().droppedCount()).isZero();
        rt.close();
    }

    @Test void aStackWithoutTheFaultsPartRefusesItWithTheReason() {
        RollupRuntime rt = RollupRuntime.inMemory(RuntimeOptions.defaults()); // OP Stack on blobs, no MACH
        Faults faults = new Faults(rt);
        assertThatThrownBy(() -> faults.inject(FaultKind.DOUBLE_SIGN))
                .hasMessage("double-sign needs MACH operators: put MACH fast finality on the stack's security layer");
        assertThatThrownBy(() -> faults.inject(FaultKind.DA_WITHHOLD)).hasMessageStartingWith("da-withhold needs a DA layer beside L1");
        assertThat(faults.list()).isEmpty();
        assertThat(FaultKind.parse("l1-reorg")).isEqualTo(FaultKind.L1_REORG);
        var noProofs = dev.rollupstudio.app.SpecRuntimes.options(dev.rollupstudio.spec.Presets.get("sovereign-devnet"), dev.rollupstudio.spec.Prices.defaults(),
                RuntimeOptions.defaults());
        assertThat(Faults.unsupported(FaultKind.WRONG_OUTPUT, noProofs)).startsWith("wrong-output needs a proof system (optimistic or ZK)");
        assertThat(Faults.unsupported(FaultKind.WRONG_OUTPUT, machOnEigenDa().options())).isNull(); // ZK: L1 rejects the proof (ValidityProofTest)
        assertThatThrownBy(() -> FaultKind.parse("meteor")).hasMessage("unknown fault \"meteor\"; the faults are sequencer-down, sequencer-censors,"
                + " wrong-output, da-withhold, double-sign, sign-bad-block, operator-offline, l1-congestion, l1-reorg");
        rt.close();
    }
}
