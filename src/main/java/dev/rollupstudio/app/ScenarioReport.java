package dev.rollupstudio.app;

import dev.rollupstudio.ephemeral.EphemeralStatus;
import dev.rollupstudio.ephemeral.Phase;
import dev.rollupstudio.ephemeral.Settlement;
import dev.rollupstudio.host.RollupChainView;
import dev.rollupstudio.runtime.rollup.RollupNode;
import dev.rollupstudio.spec.component.Persistent;
import dev.rollupstudio.types.Amount;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a scenario did, as the JSON report and the CLI's summary read it: every rollup with its
 * phases (sim seconds from the scenario's start), transactions served, peak tx/s, DA bytes, cost,
 * settlement check; and the value check over the whole scenario, per token, to the wei.
 */
public final class ScenarioReport {
    private ScenarioReport() {}

    public static Map<String, Object> of(ScenarioRun run, double wallSeconds) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("scenario", run.scenario().name());
        long start = run.startMillis();
        List<Map<String, Object>> rollups = new ArrayList<>();
        boolean settlementsConserved = true;
        for (EphemeralStatus s : run.ephemerals().statuses()) {
            rollups.add(rollup(s, start));
            if (s.settlement() != null && !s.settlement().valueConserved()) settlementsConserved = false;
        }
        r.put("rollups", rollups);
        Map<String, Object> value = value(run);
        boolean totals = value.values().stream().allMatch(v -> Boolean.TRUE.equals(((Map<?, ?>) v).get("conserved")));
        r.put("value", value);
        r.put("valueConserved", totals && settlementsConserved);
        r.put("simSeconds", (run.host().runtime().scheduler().now() - start) / 1000.0);
        r.put("wallSeconds", wallSeconds);
        return r;
    }

    private static Map<String, Object> rollup(EphemeralStatus s, long start) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.chainId());
        m.put("name", s.name());
        m.put("trigger", s.trigger());
        m.put("phase", s.phase().label());
        if (s.failure() != null) m.put("failure", s.failure());
        Map<String, Object> phases = new LinkedHashMap<>();
        for (Phase p : Phase.values()) {
            Long t = s.entered().get(p);
            if (t != null) phases.put(p.label(), Map.of("at", (t - start) / 1000.0, "seconds", s.millisIn(p) / 1000.0));
        }
        m.put("phases", phases);
        m.put("txsServed", s.txsServed());
        m.put("peakTps", Math.round(s.peakTps() * 10) / 10.0);
        m.put("daBytes", s.daBytes());
        m.put("batches", s.batches());
        m.put("droppedAtDrain", s.dropped());
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("raasAlt", s.raasFeeAlt().stripTrailingZeros().toPlainString());
        cost.put("l1FeesEth", Amount.of(s.l1FeesWei(), Amount.Token.ETH).plain());
        cost.put("persistentRaasAlt", String.valueOf(Math.round(Persistent.DEPLOYMENT_FEE.defaultValue())));
        cost.put("persistentNote", "a persistent rollup pays its deployment fee, the same L1 fees over this window, and keeps paying L1 fees after it");
        m.put("cost", cost);
        Settlement st = s.settlement();
        if (st != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("finalBlock", st.finalBlock());
            c.put("stateRoot", st.stateRoot().toHex());
            c.put("accountsCredited", st.accountsCredited());
            c.put("claims", st.claims().size());
            c.put("creditedWei", strings(st.credited()));
            c.put("leftInEscrowWei", strings(st.leftInEscrow()));
            c.put("valueBeforeWei", strings(st.before()));
            c.put("valueAfterWei", strings(st.after()));
            c.put("valueConserved", st.valueConserved());
            m.put("settlement", c);
        }
        return m;
    }

    /**
     * Per token, L1 plus every live rollup at the start and at the end: the end must equal the
     * start plus the ETH the L1 created as rollups registered, less the base fees its blocks burnt.
     */
    private static Map<String, Object> value(ScenarioRun run) {
        List<RollupNode> live = new ArrayList<>();
        for (RollupChainView v : run.host().rollups()) live.add(v.node());
        Map<String, BigInteger> end = Settlement.value(run.host().runtime().l1(), live);
        Map<String, Object> out = new LinkedHashMap<>();
        for (String token : end.keySet()) {
            BigInteger start = run.valueAtStart().get(token);
            boolean eth = token.equals(Settlement.ETH);
            BigInteger minted = eth ? run.ephemerals().mintedOnL1() : BigInteger.ZERO;
            BigInteger burnt = eth ? run.burntOnL1() : BigInteger.ZERO;
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("startWei", start.toString());
            t.put("mintedAtRegistrationWei", minted.toString());
            t.put("burntOnL1Wei", burnt.toString());
            t.put("endWei", end.get(token).toString());
            t.put("conserved", start.add(minted).subtract(burnt).equals(end.get(token)));
            out.put(token, t);
        }
        return out;
    }

    private static Map<String, String> strings(Map<String, BigInteger> m) {
        Map<String, String> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }
}
