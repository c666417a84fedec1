package dev.rollupstudio.runtime.security;

import dev.rollupstudio.runtime.config.OperatorConfig.Behaviour;
import dev.rollupstudio.runtime.config.VitalConfig;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.event.VitalAlert;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * VITAL verification. As each proposed output's block is derived from L1 data, every operator
 * signs its verdict on the output's root; each signature is checked before it counts. Once
 * "wrong" verdicts carry the quorum of the bonded ALT and of the restaked ETH, the operators
 * raise an alert and the first of them to say so disputes the output on L1 with its own bond.
 * Offline operators sign nothing, slow ones late, malicious ones lie: they call a wrong output
 * right and a right one wrong. Both lies are kept as evidence: a verdict calling right an output a
 * dispute then proves wrong, and a verdict calling wrong an output that stood through its
 * finalization period (a false alarm), each slash their signer on L1.
 *
 * <p>The model: operators read one derivation from L1 data (the verifier's code) where each would
 * run its own; honest ones would all derive the same roots.
 */
public final class OutputVerification {
    private final VitalConfig config;
    private final long chainId;
    private final Scheduler scheduler;
    private final EventBus events;
    private final BiConsumer<OutputProposal, Address> dispute;
    private final List<Operator> operators = new ArrayList<>();
    private final Map<Address, Operator> byAddress = new HashMap<>();
    private final Map<Long, Tally> open = new HashMap<>();
    /** Verdicts calling right an output the verifier found wrong, by output index: the evidence if a dispute proves it wrong. */
    private final Map<Long, List<OutputCheck>> vouchedWrong = new HashMap<>();
    /** Verdicts calling wrong an output the verifier found right, by output index, with the output: the evidence once it is final. */
    private final Map<Long, Alarms> falseAlarms = new HashMap<>();

    private record Alarms(OutputProposal output, List<OutputCheck> checks) {}
    private final Stakes stakes;
    private long checked;
    private long alerts;
    private long rejected;
    private long slashed;
    private long alarmsSlashed;
    private String lastAlert;
    private boolean stopped;

    private static final class Tally {
        final OutputProposal output;
        BigInteger altWrong = BigInteger.ZERO;
        BigInteger ethWrong = BigInteger.ZERO;
        Address firstToObject;
        boolean alerted;

        Tally(OutputProposal output) {
            this.output = output;
        }
    }

    /** {@code dispute}: opens a dispute of an output on L1 with the given operator's bond. */
    public OutputVerification(VitalConfig config, long chainId, Scheduler scheduler, EventBus events, Stakes stakes,
                              BiConsumer<OutputProposal, Address> dispute) {
        this.config = config;
        this.stakes = stakes;
        this.chainId = chainId;
        this.scheduler = scheduler;
        this.events = events;
        this.dispute = dispute;
        for (int i = 0; i < config.operators().size(); i++) {
            Operator o = new Operator(config.operators().get(i), DevAccounts.vitalOperator(chainId, i));
            operators.add(o);
            byAddress.put(o.address(), o);
        }
    }

    /** The verifier derived output {@code o}'s block: {@code derived} is the root L1 data gives (loop thread). */
    public void onChecked(OutputProposal o, Hash derived) {
        if (stopped) return;
        checked++;
        boolean right = derived.equals(o.outputRoot());
        open.put(o.index(), new Tally(o));
        if (!right) vouchedWrong.putIfAbsent(o.index(), new ArrayList<>());
        else falseAlarms.put(o.index(), new Alarms(o, new ArrayList<>()));
        for (Operator op : operators) {
            Behaviour b = op.config().behaviour();
            if (b == Behaviour.OFFLINE) continue;
            OutputCheck c = op.check(chainId, o.index(), o.l2BlockNumber(), o.outputRoot(), b == Behaviour.MALICIOUS ? !right : right);
            if (b == Behaviour.SLOW) scheduler.at(scheduler.now() + op.config().delayMillis(), 4, () -> deliver(c));
            else deliver(c);
        }
        if (right) open.remove(o.index());
    }

    /**
     * The verdicts that called output {@code index} (root {@code root}) right, now that a dispute
     * proved it wrong: each is the evidence that slashes its signer (handed out once).
     */
    public List<OutputCheck> vouchedFor(long index, Hash root) {
        List<OutputCheck> all = vouchedWrong.remove(index);
        if (all == null) return List.of();
        List<OutputCheck> out = all.stream().filter(c -> c.outputRoot().equals(root)).toList();
        slashed += out.size();
        return out;
    }

    /**
     * The verdicts that called wrong an output now final ({@code isFinal}: it stood on the oracle
     * through its finalization period), each the evidence that slashes its signer while it is
     * still in the VITAL set (handed out once); outputs now final are forgotten.
     */
    public List<OutputCheck> falseAlarms(java.util.function.Predicate<OutputProposal> isFinal) {
        List<OutputCheck> out = new ArrayList<>();
        for (var it = falseAlarms.values().iterator(); it.hasNext(); ) {
            Alarms a = it.next();
            if (!isFinal.test(a.output())) continue;
            it.remove();
            for (OutputCheck c : a.checks()) if (stakes.of(c.operator()) != Stakes.Stake.NONE) out.add(c);
        }
        alarmsSlashed += out.size();
        return out;
    }

    /** A verdict arrives: counted once its signature checks; "wrong" verdicts with the quorum raise the alert and the dispute. */
    void deliver(OutputCheck c) {
        if (stopped) return;
        Operator op = byAddress.get(c.operator());
        if (op == null || c.chainId() != chainId || !c.verifies()) {
            rejected++;
            return;
        }
        if (c.valid()) {
            List<OutputCheck> kept = vouchedWrong.get(c.outputIndex());
            if (kept != null) kept.add(c);
            return;
        }
        Alarms alarms = falseAlarms.get(c.outputIndex());
        if (alarms != null && alarms.output().outputRoot().equals(c.outputRoot())) alarms.checks().add(c);
        Tally t = open.get(c.outputIndex());
        if (t == null || !t.output.outputRoot().equals(c.outputRoot())) return;
        Stakes.Stake stake = stakes.of(c.operator());
        t.altWrong = t.altWrong.add(stake.alt());
        t.ethWrong = t.ethWrong.add(stake.eth());
        if (t.firstToObject == null) t.firstToObject = c.operator();
        BigInteger totalAlt = BigInteger.ZERO;
        BigInteger totalEth = BigInteger.ZERO;
        for (Operator o : operators) {
            totalAlt = totalAlt.add(stakes.of(o.address()).alt());
            totalEth = totalEth.add(stakes.of(o.address()).eth());
        }
        if (t.alerted || !config.reaches(t.altWrong, totalAlt) || (totalEth.signum() > 0 && !config.reaches(t.ethWrong, totalEth))) return;
        t.alerted = true;
        alerts++;
        lastAlert = "output " + t.output.index() + " (block " + t.output.l2BlockNumber() + ") proposes " + t.output.outputRoot().shortHex()
                + ", which L1 data does not derive: operators with " + pct(t.altWrong, totalAlt) + " of the bonded ALT signed so; "
                + byAddress.get(t.firstToObject).config().name() + " disputes it";
        events.publish(new VitalAlert(scheduler.now(), t.output.l2BlockNumber(), t.output.index(), lastAlert));
        dispute.accept(t.output, t.firstToObject);
        open.remove(t.output.index());
    }

    private static String pct(BigInteger part, BigInteger total) {
        return part.multiply(BigInteger.valueOf(1000)).divide(total).doubleValue() / 10 + "%";
    }

    public List<Address> operatorAddresses() {
        return operators.stream().map(Operator::address).toList();
    }

    /** What the Runtime screen and the report show. */
    public VitalStatus status() {
        return new VitalStatus(operators.size(), config.quorumPct(), checked, alerts, rejected, slashed, alarmsSlashed, lastAlert);
    }

    public void stop() {
        stopped = true;
    }

    /**
     * VITAL as it stands: operators, quorum, outputs checked, alerts raised, verdicts refused, false
     * verdicts (a wrong output called right) and false alarms (a right one called wrong) handed to
     * L1 to slash their signers, the last alert.
     */
    public record VitalStatus(int operators, int quorumPct, long outputsChecked, long alerts, long rejected, long falseVerdictsReported,
                              long falseAlarmsReported, String lastAlert) {}
}
