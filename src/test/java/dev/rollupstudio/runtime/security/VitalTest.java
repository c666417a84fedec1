package dev.rollupstudio.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.app.SpecRuntimes;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.event.DisputeGame;
import dev.rollupstudio.runtime.event.VitalAlert;
import dev.rollupstudio.runtime.fault.Fault;
import dev.rollupstudio.runtime.fault.FaultKind;
import dev.rollupstudio.runtime.fault.Faults;
import dev.rollupstudio.runtime.l1.Disputes;
import dev.rollupstudio.spec.Choice;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.wallet.DevAccounts;
import dev.rollupstudio.workload.Load;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * VITAL on an optimistic rollup with a 10-minute window: operators sign verdicts on every output;
 * a wrong one called out by the quorum of stake raises an alert and an operator disputes it with
 * its own bond, and wins; short of the quorum no alert, and the honest challenger disputes it.
 */
class VitalTest {
    private record Run(RollupRuntime rt, List<VitalAlert> alerts, List<Disputes.Game> games, Fault fault) {}

    private static Run wrongOutputWith(long operators, long slow, long malicious) {
        return run(operators, 0, slow, malicious, 600, true);
    }

    private static Run run(long operators, long offline, long slow, long malicious, long windowSeconds, boolean wrongOutput) {
        var spec = Presets.get("op-stack-blobs")
                .with(Layer.PROOFS, Choice.of("optimistic").with("challengeWindowSeconds", windowSeconds))
                .with(Layer.SECURITY, Choice.of("vital").with("operators", operators).with("offlineOperators", offline).with("slowOperators", slow)
                        .with("maliciousOperators", malicious));
        RollupRuntime rt = RollupRuntime.inMemory(SpecRuntimes.options(spec, Prices.defaults(), RuntimeOptions.defaults().withSeed(11)));
        List<VitalAlert> alerts = new ArrayList<>();
        List<Disputes.Game> games = new ArrayList<>();
        rt.events().subscribe(e -> {
            if (e instanceof VitalAlert a) alerts.add(a);
            if (e instanceof DisputeGame d) games.add(d.game());
        });
        Faults faults = new Faults(rt);
        if (wrongOutput) faults.at(FaultKind.WRONG_OUTPUT, rt.scheduler().now() + 60_000);
        Load.start(rt, 20, 0.01, true, Long.MAX_VALUE);
        rt.runFor(1_500_000);
        return new Run(rt, alerts, games, wrongOutput ? faults.list().get(0) : null);
    }

    @Test void operatorsWithTheQuorumCallOutAWrongOutputAndOneOfThemWinsTheDispute() {
        Run r = wrongOutputWith(10, 1, 2); // 7 of 10 honest at once (operator-1 is slow, 2-3 malicious): 70% of the stake, over 66%
        long chain = r.rt().options().rollup().chainId();
        var vital = r.rt().node().vital();
        assertThat(r.alerts()).hasSize(1);
        assertThat(r.alerts().get(0).what()).contains("output 0").contains("70.0% of the bonded ALT").contains("operator-4 disputes it");
        assertThat(r.fault().detectedBy()).startsWith("VITAL operators: output 0");
        Disputes.Game done = r.games().get(r.games().size() - 1);
        Address challenger = DevAccounts.vitalOperator(chain, 3).address(); // operator-4, the first honest one
        assertThat(done.challenger()).isEqualTo(challenger);
        assertThat(done.outputDeleted()).isTrue();
        assertThat(r.fault().outcome()).startsWith("VITAL operator " + challenger + " disputed output 0");
        // its 10 ETH: its bond back and the proposer's won
        assertThat(r.rt().l1().ledger().balance(challenger)).isEqualTo(Wei.ether(10).add(Disputes.BOND));
        assertThat(vital.status().outputsChecked()).isGreaterThan(3);
        assertThat(vital.status().alerts()).isEqualTo(1);
        assertThat(vital.status().rejected()).isZero();
        // operators 2 and 3 (malicious) signed that the wrong output was right: once the dispute proved it wrong, the node handed
        // their verdicts to the L1 registry, which checked each signature against the oracle's record and slashed both bonds
        assertThat(vital.status().falseVerdictsReported()).isEqualTo(2);
        assertThat(r.fault().outcome()).endsWith("2 VITAL operator(s) had signed that it was right: their verdicts went to the L1 registry, which slashed their bonds");
        assertSlashed(r.rt(), 10, java.util.Set.of(1, 2));
        // the same evidence again is refused: the signer has left the rollup's VITAL set
        OutputCheck again = vital.vouchedFor(0, done.proposedRoot()).stream().findFirst().orElse(null);
        assertThat(again).as("evidence is handed out once").isNull();
        r.rt().close();
    }

    @Test void shortOfTheQuorumNoAlertAndTheHonestChallengerDisputes() {
        Run r = run(5, 1, 0, 2, 600, true); // 2 of 5 honest (40% of the stake), 2 lying (40%), 1 offline: neither side has the quorum
        assertThat(r.alerts()).isEmpty();
        assertThat(r.fault().detectedBy()).startsWith("verifier: output 0");
        Disputes.Game done = r.games().get(r.games().size() - 1);
        assertThat(done.challenger()).isEqualTo(DevAccounts.relayer().address());
        assertThat(done.outputDeleted()).isTrue();
        assertThat(r.fault().outcome()).startsWith("the honest challenger disputed output 0");
        r.rt().close();
    }

    /**
     * No fault: two of ten operators lie, calling every right output wrong (20% of the stake, no
     * alert). Once the first output they called wrong has stood through its 120 s finalization
     * period, the node hands their signed verdicts to the L1 registry, which reads the output on
     * the oracle, checks its period passed and slashes both; the eight honest ones keep their bonds.
     */
    @Test void falseAlarmsAreSlashedOnceTheOutputIsFinal() {
        Run r = run(10, 0, 0, 2, 120, false);
        long chain = r.rt().options().rollup().chainId();
        var vital = r.rt().node().vital();
        assertThat(r.alerts()).isEmpty();
        assertThat(r.games()).isEmpty();
        assertThat(vital.status().falseAlarmsReported()).isEqualTo(2);
        assertThat(vital.status().falseVerdictsReported()).isZero();
        assertSlashed(r.rt(), 10, java.util.Set.of(0, 1));
        assertThat(r.rt().node().derivation().mismatches()).isZero();
        r.rt().close();
    }

    /** The operators numbered in {@code slashed} (from 0) hold no bond and left the VITAL set; the others keep 100,000 ALT and 32 ETH. */
    private static void assertSlashed(RollupRuntime rt, int operators, java.util.Set<Integer> slashed) {
        long chain = rt.options().rollup().chainId();
        var l1 = rt.l1().state();
        for (int i = 0; i < operators; i++) {
            Address op = DevAccounts.vitalOperator(chain, i).address();
            BigInteger[] stake = dev.rollupstudio.contracts.OperatorRegistry.stakeOf(l1, op);
            boolean gone = slashed.contains(i);
            assertThat(stake[0]).as("operator-%d's ALT", i + 1).isEqualTo(gone ? BigInteger.ZERO : BigInteger.valueOf(100_000).multiply(BigInteger.TEN.pow(18)));
            assertThat(stake[1]).as("operator-%d's ETH", i + 1).isEqualTo(gone ? BigInteger.ZERO : BigInteger.valueOf(32).multiply(BigInteger.TEN.pow(18)));
            assertThat(dev.rollupstudio.contracts.OperatorRegistry.optedIn(l1, op, chain, dev.rollupstudio.contracts.OperatorRegistry.Service.VITAL)).isEqualTo(!gone);
        }
    }
}
