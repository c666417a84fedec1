package dev.rollupstudio.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rollupstudio.runtime.RunMetrics;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.event.VerifierFinding.Kind;
import dev.rollupstudio.runtime.rollup.ChainTotals;
import dev.rollupstudio.runtime.rollup.Heads;
import dev.rollupstudio.state.Account;
import dev.rollupstudio.types.Wei;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The JSON report of a run and its one-screen summary. */
final class RunReport {
    private RunReport() {}

    static Map<String, Object> of(RollupRuntime rt, double wallSeconds) {
        RunMetrics m = rt.metrics();
        Heads h = rt.node().heads();
        Map<String, Object> r = new LinkedHashMap<>();
        Map<String, Object> txs = new LinkedHashMap<>();
        txs.put("submitted", m.submittedCount());
        txs.put("included", m.includedCount());
        txs.put("rejected", m.rejectedCount());
        txs.put("dropped", m.droppedCount());
        Map<String, Long> reasons = new TreeMap<>();
        m.rejectedByReason().forEach((k, v) -> reasons.put(k.name(), v));
        txs.put("rejectedByReason", reasons);
        r.put("txs", txs);
        r.put("gasToken", rt.options().rollup().fees().feeToken().symbol());
        r.put("blocks", m.blocks());
        r.put("gasUsed", m.gasUsed());
        r.put("batches", m.batches());
        Map<String, Object> da = new LinkedHashMap<>();
        da.put("rawBytes", m.daRawBytes());
        da.put("compressedBytes", m.daCompressedBytes());
        da.put("blobs", m.blobs());
        da.put("feesWei", m.daFees().value().toString());
        da.put("layer", rt.node().da().name());
        if (!rt.node().da().feeUnit().isEmpty()) {
            da.put("networkFees", m.daNetworkFees().amount());
            da.put("networkFeeUnit", rt.node().da().feeUnit());
            double networkWei = rt.options().rollup().da().external().inWei(m.daNetworkFees().amount());
            da.put("networkFeesWei", new java.math.BigDecimal(networkWei).toBigInteger().toString());
            da.put("totalFeesWei", m.daFees().value().add(new java.math.BigDecimal(networkWei).toBigInteger()).toString());
        }
        r.put("da", da);
        r.put("outputs", m.outputs());
        r.put("heads", Map.of("unsafe", h.unsafe(), "safe", h.safe(), "finalized", h.finalized()));
        r.put("inclusionLatencyMs", Map.of("p50", m.inclusionMillis(50), "p99", m.inclusionMillis(99)));
        var v = rt.node().derivation();
        r.put("derivation", SpecCommand.ordered("ok", v.findings() == 0, "checkedOutputs", v.checkedOutputs(), "outputsWaiting", v.outputsWaiting(),
                "mismatches", v.mismatches(), "blockMismatches", v.findings(Kind.BLOCK_DIFFERS), "outputMismatches", v.findings(Kind.OUTPUT_DIFFERS),
                "droppedBatches", v.findings(Kind.BATCH_DROPPED), "unavailableData", v.findings(Kind.DATA_UNAVAILABLE),
                "unverifiableOutputs", v.findings(Kind.OUTPUT_UNVERIFIABLE)));
        if (rt.mach() != null) r.put("mach", mach(rt.mach()));
        if (rt.node().vital() != null) {
            var vs = rt.node().vital().status();
            r.put("vital", SpecCommand.ordered("operators", vs.operators(), "quorumPct", vs.quorumPct(), "outputsChecked", vs.outputsChecked(),
                    "alerts", vs.alerts(), "rejectedVerdicts", vs.rejected(), "falseVerdictsSlashed", vs.falseVerdictsReported(), "falseAlarmsSlashed", vs.falseAlarmsReported(), "lastAlert", vs.lastAlert()));
        }
        var relayer = rt.node().relayer();
        r.put("withdrawals", SpecCommand.ordered("initiated", relayer.initiated(), "proven", relayer.provenCount(), "finalized", relayer.finalizedCount()));
        r.put("value", conservation(rt));
        r.put("stateRoot", rt.node().chain().head().header().stateRoot().toHex());
        r.put("simSeconds", (rt.scheduler().now() - rt.node().genesis().timestamp() * 1000) / 1000.0);
        r.put("wallSeconds", wallSeconds);
        return r;
    }

    /** Each injected fault: its kind, when it was injected and detected (sim seconds), by what, and its outcome. */
    static java.util.List<Map<String, Object>> faults(java.util.List<dev.rollupstudio.runtime.fault.Fault> list) {
        java.util.List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (var f : list) {
            out.add(SpecCommand.ordered("kind", f.kind().id(), "injectedAt", f.injectedAt(), "detectedAt", f.detectedAt(), "detectedBy", f.detectedBy(),
                    "outcome", f.outcome()));
        }
        return out;
    }

    /** MACH's fast-final head, the stake behind it, its alerts, and each operator. */
    static Map<String, Object> mach(dev.rollupstudio.runtime.security.MachStatus m) {
        java.util.List<Map<String, Object>> ops = new java.util.ArrayList<>();
        for (var o : m.operators()) {
            ops.add(SpecCommand.ordered("name", o.name(), "address", o.address().toString(), "behaviour", o.behaviour().name().toLowerCase(java.util.Locale.ROOT),
                    "bondAltWei", o.bondAlt().toString(), "restakedEthWei", o.restakedEth().toString(), "lastAttested", o.lastAttested(), "ejected", o.ejected()));
        }
        return SpecCommand.ordered("fastFinalHead", m.fastFinalHead(), "quorumPct", m.quorumPct(), "altBehindPct", m.altSharePct(),
                "alerts", m.alerts(), "lastAlert", m.lastAlert(), "missedQuorums", m.missedQuorums(), "rejectedAttestations", m.rejected(), "operators", ops);
    }

    /** Balances + burnt + withdrawn = genesis + deposited, over the whole chain, to the wei. */
    static Map<String, Object> conservation(RollupRuntime rt) {
        ChainTotals t = rt.node().chain().totals();
        Wei balances = rt.node().state().accounts().values().stream().map(Account::balance).reduce(Wei.ZERO, Wei::add);
        Wei out = balances.add(t.burntBaseFees()).add(t.withdrawn());
        Wei in = rt.node().genesis().totalSupply().add(t.deposited());
        return SpecCommand.ordered("conserved", out.equals(in), "balancesWei", balances.value().toString(), "burntWei", t.burntBaseFees().value().toString(),
                "withdrawnWei", t.withdrawn().value().toString(), "genesisWei", rt.node().genesis().totalSupply().value().toString(),
                "depositedWei", t.deposited().value().toString());
    }

    static void write(Map<String, Object> report, Path file) throws IOException {
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), report);
    }

    @SuppressWarnings("unchecked")
    /** "ok", or what the verifier found, worst first. */
    private static String verdict(Map<String, Object> der) {
        if (Boolean.TRUE.equals(der.get("ok"))) return "ok";
        StringBuilder b = new StringBuilder();
        for (String k : new String[] {"blockMismatches", "outputMismatches", "unavailableData", "droppedBatches", "unverifiableOutputs"}) {
            Number n = (Number) der.get(k);
            if (n.longValue() > 0) b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(n);
        }
        return "FOUND " + b;
    }

    static String summary(Map<String, Object> r) {
        Map<String, Object> txs = (Map<String, Object>) r.get("txs");
        Map<String, Object> da = (Map<String, Object>) r.get("da");
        Map<String, Object> heads = (Map<String, Object>) r.get("heads");
        Map<String, Object> lat = (Map<String, Object>) r.get("inclusionLatencyMs");
        Map<String, Object> der = (Map<String, Object>) r.get("derivation");
        Map<String, Object> w = (Map<String, Object>) r.get("withdrawals");
        Map<String, Object> v = (Map<String, Object>) r.get("value");
        // the first lines count this run only; the rest describe the whole chain, resumed runs included
        return String.format("""
                this run      submitted=%s included=%s rejected=%s %s
                this run      blocks=%s gasUsed=%s batches=%s raw=%sB compressed=%sB blobs=%s DA fees=%s wei%s
                this run      outputs=%s proposed, %s checked by the verifier, derivation %s; latency p50=%s ms p99=%s ms (simulated time)
                chain         heads unsafe=%s safe=%s finalized=%s stateRoot=%s
                chain         withdrawals initiated=%s proven=%s finalized=%s; value %s
                time          chain at %.1f s simulated; this run took %.2f s
                """, txs.get("submitted"), txs.get("included"), txs.get("rejected"), txs.get("rejectedByReason"),
                r.get("blocks"), r.get("gasUsed"), r.get("batches"), da.get("rawBytes"), da.get("compressedBytes"), da.get("blobs"), da.get("feesWei"),
                da.containsKey("networkFees") ? " on L1 + " + da.get("networkFees") + " " + da.get("networkFeeUnit") + " to the DA network" : "",
                r.get("outputs"), der.get("checkedOutputs"), verdict(der), lat.get("p50"), lat.get("p99"),
                heads.get("unsafe"), heads.get("safe"), heads.get("finalized"), r.get("stateRoot"),
                w.get("initiated"), w.get("proven"), w.get("finalized"), Boolean.TRUE.equals(v.get("conserved")) ? "conserved to the wei" : "NOT CONSERVED",
                (Double) r.get("simSeconds"), (Double) r.get("wallSeconds")) + machLine((Map<String, Object>) r.get("mach"))
                + vitalLine((Map<String, Object>) r.get("vital"))
                + faultLines((java.util.List<Map<String, Object>>) r.get("faults"));
    }

    /** A line per injected fault, or nothing. */
    private static String faultLines(java.util.List<Map<String, Object>> faults) {
        if (faults == null) return "";
        StringBuilder b = new StringBuilder();
        for (Map<String, Object> f : faults) {
            b.append(String.format(java.util.Locale.ROOT, "fault         %s at %.1f s: %s; %s%n", f.get("kind"), (Double) f.get("injectedAt"),
                    f.get("detectedAt") == null ? "not detected" : String.format(java.util.Locale.ROOT, "detected at %.1f s by %s", (Double) f.get("detectedAt"), f.get("detectedBy")),
                    f.get("outcome")));
        }
        return b.toString();
    }

    /** One line on VITAL's operators, or nothing on a stack without VITAL. */
    private static String vitalLine(Map<String, Object> v) {
        if (v == null) return "";
        return String.format("vital         %s operators checked %s outputs (alert quorum %s%%); alerts %s%s%n", v.get("operators"), v.get("outputsChecked"),
                v.get("quorumPct"), v.get("alerts"), v.get("lastAlert") == null ? "" : " (last: " + v.get("lastAlert") + ")");
    }

    /** One line on MACH's operators, or nothing on a stack without MACH. */
    private static String machLine(Map<String, Object> m) {
        if (m == null) return "";
        Map<String, Long> behaviours = new TreeMap<>();
        for (Map<String, Object> o : (java.util.List<Map<String, Object>>) m.get("operators")) behaviours.merge(Boolean.TRUE.equals(o.get("ejected")) ? "ejected" : (String) o.get("behaviour"), 1L, Long::sum);
        return String.format("mach          fast-final head %s with %s%% of the bonded ALT (quorum %s%%); operators %s; alerts %s%s%n",
                m.get("fastFinalHead"), m.get("altBehindPct"), m.get("quorumPct"), behaviours, m.get("alerts"),
                m.get("lastAlert") == null ? "" : " (last: " + m.get("lastAlert") + ")");
    }
}
