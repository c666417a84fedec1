package dev.rollupstudio.spec;

import static dev.rollupstudio.spec.Catalog.*;

import dev.rollupstudio.spec.Problem.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rules across layers. Every message says what to change. Errors make a stack unlaunchable;
 * warnings are risks a user should see.
 */
public final class Validator {
    /** Chain ids of well-known networks: reusing one invites replayed transactions. */
    static final Map<Long, String> TAKEN_CHAIN_IDS = Map.of(1L, "Ethereum mainnet", 10L, "OP Mainnet", 8453L, "Base", 42161L, "Arbitrum One",
            324L, "ZKsync Era", 1101L, "Polygon zkEVM", 11155111L, "Sepolia", 17000L, "Holesky");

    private Validator() {}

    public static List<Problem> validate(StackSpec spec) {
        return validate(spec, null);
    }

    /** With a workload, also warns when a layer cannot carry it. */
    public static List<Problem> validate(StackSpec spec, Workload workload) {
        List<Problem> out = new ArrayList<>();
        for (Layer l : Layer.values()) {
            if (spec.choice(l) == null) {
                out.add(new Problem(Severity.ERROR, "$.layers." + l.key, l, "no component on the " + l.title + " layer; choose one from the palette", "layer-missing"));
            }
        }
        if (!out.isEmpty()) return out;
        paramRanges(spec, out);
        if (out.stream().anyMatch(p -> p.severity() == Severity.ERROR)) return out;

        boolean zkStack = spec.is(Layer.EXECUTION, ZK_STACK) || spec.is(Layer.EXECUTION, POLYGON_CDK);
        if (spec.is(Layer.PROOFS, ZK_VALIDITY) && !zkStack) {
            err(out, Layer.PROOFS, "component", "validity proofs need a ZK-capable stack: choose ZK Stack or Polygon CDK for execution, or optimistic proofs", "validity-needs-zk-stack");
        }
        if (zkStack && spec.is(Layer.PROOFS, OPTIMISTIC)) {
            err(out, Layer.PROOFS, "component", spec.component(Layer.EXECUTION).name() + " proves its batches and has no fault proofs: choose ZK validity proofs", "zk-stack-needs-validity");
        }
        if (spec.is(Layer.LIFECYCLE, EPHEMERAL)) {
            long lifetime = spec.integer(Layer.LIFECYCLE, "lifetimeSeconds");
            if (spec.is(Layer.PROOFS, OPTIMISTIC) && !spec.is(Layer.SECURITY, MACH)) {
                long window = spec.integer(Layer.PROOFS, "challengeWindowSeconds");
                if (lifetime < window) {
                    err(out, Layer.LIFECYCLE, "params.lifetimeSeconds", "an ephemeral rollup living " + duration(lifetime) + " cannot settle on time with a "
                            + duration(window) + " challenge window: add MACH fast finality, switch to ZK proofs, or shorten the window below the lifetime", "ephemeral-settles-on-time");
                }
            }
            if (spec.is(Layer.PROOFS, ZK_VALIDITY) && spec.integer(Layer.PROOFS, "provingLatencySeconds") > lifetime) {
                err(out, Layer.LIFECYCLE, "params.lifetimeSeconds", "the last batch's proof takes " + duration(spec.integer(Layer.PROOFS, "provingLatencySeconds"))
                        + ", longer than the rollup lives (" + duration(lifetime) + "): lengthen the lifetime or add MACH", "ephemeral-proves-on-time");
            }
        }
        if (spec.is(Layer.DATA_AVAILABILITY, CELESTIA) && !spec.flag(Layer.DATA_AVAILABILITY, "bridgedToL1")) {
            warn(out, Layer.DATA_AVAILABILITY, "params.bridgedToL1", "data on Celestia with no bridge to L1: L1 cannot check it was published, so the DA risk is bad; enable Blobstream (bridged to L1)", "celestia-unbridged");
        }
        if (spec.is(Layer.GAS_TOKEN, ERC20) && !spec.text(Layer.GAS_TOKEN, "l1Address").matches("0x[0-9a-fA-F]{40}")) {
            err(out, Layer.GAS_TOKEN, "params.l1Address", "a custom gas token needs its L1 token so the bridge can lock it: set the L1 token address (0x and 40 hex digits)", "erc20-needs-l1-token");
        }
        if (spec.is(Layer.PROOFS, NO_PROOFS)) {
            warn(out, Layer.PROOFS, "component", "nobody can challenge the state roots, so users must trust the operator (not a rollup in L2BEAT's terms); add optimistic or ZK proofs for value", "no-proofs");
        }
        if (spec.is(Layer.SEQUENCING, BASED) && spec.choice(Layer.EXECUTION).params().containsKey("blockTimeMs")
                && spec.integer(Layer.EXECUTION, "blockTimeMs") != 12_000) {
            warn(out, Layer.SEQUENCING, "component", "based sequencing makes one block per L1 slot, so blocks come every 12 s, not every "
                    + spec.integer(Layer.EXECUTION, "blockTimeMs") + " ms", "based-block-time");
        }
        if ((spec.is(Layer.SECURITY, MACH) || spec.is(Layer.SECURITY, VITAL)) && spec.integer(Layer.SECURITY, "quorumPct") < 66) {
            warn(out, Layer.SECURITY, "params.quorumPct", "a quorum under two thirds of stake lets a minority of operators sign off a bad block; use 66% or more", "quorum-two-thirds");
        }
        if (spec.is(Layer.SEQUENCING, SQUAD) && spec.integer(Layer.SEQUENCING, "operators") < 3) {
            warn(out, Layer.SEQUENCING, "params.operators", "a sequencer set of " + spec.integer(Layer.SEQUENCING, "operators")
                    + " is hardly decentralised: one failure halts or censors it; use 3 operators or more", "squad-size");
        }
        if (spec.is(Layer.DATA_AVAILABILITY, LOCAL_DA)) {
            warn(out, Layer.DATA_AVAILABILITY, "component", "data stays on this machine, so nobody else can rebuild the chain: use it for devnets only", "local-da");
        }
        String taken = TAKEN_CHAIN_IDS.get(spec.chainId());
        if (taken != null) {
            out.add(new Problem(Severity.WARNING, "$.chainId", null, "chain id " + spec.chainId() + " belongs to " + taken
                    + ": transactions signed for one could be replayed on the other; choose an unused id", "chain-id-taken"));
        }
        if (spec.is(Layer.PROOFS, OPTIMISTIC) && spec.is(Layer.LIFECYCLE, PERSISTENT) && spec.integer(Layer.PROOFS, "challengeWindowSeconds") < 86_400) {
            warn(out, Layer.PROOFS, "params.challengeWindowSeconds", "a challenge window under a day leaves honest challengers little time to act; OP Mainnet uses 7 days", "short-challenge-window");
        }
        if (spec.is(Layer.SECURITY, VITAL) && spec.is(Layer.PROOFS, NO_PROOFS)) {
            warn(out, Layer.SECURITY, "component", "VITAL operators raise alerts on bad state roots, but with no proof system nobody can act on an alert: add optimistic or ZK proofs", "vital-needs-proofs");
        }
        if (workload != null) capacity(spec, workload, out);
        return out;
    }

    private static void paramRanges(StackSpec spec, List<Problem> out) {
        for (Layer l : Layer.values()) {
            Choice c = spec.choice(l);
            Component comp = spec.component(l);
            for (Param p : comp.params()) {
                Object v = c.params().get(p.key());
                if (v == null) continue;
                String problem = p.problem(v);
                if (problem == null) continue;
                if (p.key().equals("blockTimeMs") && v instanceof Number n && p.min() != null && n.doubleValue() < p.min()) {
                    problem = comp.name() + " supports blocks of " + Param.fmt(p.min()) + " ms or more, not " + Param.fmt(n.doubleValue()) + " ms; raise the block time";
                    err(out, l, "params." + p.key(), problem, "block-time-supported");
                } else {
                    err(out, l, "params." + p.key(), problem + " (" + comp.name() + ")", "param-range");
                }
            }
        }
    }

    private static void capacity(StackSpec spec, Workload w, List<Problem> out) {
        Estimate e = Estimator.estimate(spec, w, Prices.defaults());
        if (w.tps() > e.daTps()) {
            warn(out, Layer.DATA_AVAILABILITY, "component", String.format("at %,.0f tx/s the batches need %,.0f B/s but %s carries about %,.0f tx/s (%s); choose a DA layer with more bandwidth or lower the load",
                    w.tps(), w.tps() * w.compressedBytesPerTx(), spec.component(Layer.DATA_AVAILABILITY).name(), e.daTps(), Estimator.daBindingName(spec)), "da-capacity");
        }
        if (w.tps() > e.executionTps()) {
            warn(out, Layer.EXECUTION, "params.gasLimit", String.format("at %,.0f tx/s execution needs %,.0f gas/s but the chain gives %,.0f; raise the gas limit or shorten the block time",
                    w.tps(), w.tps() * w.gasPerTx(), e.executionTps() * w.gasPerTx()), "execution-capacity");
        }
    }

    private static void err(List<Problem> out, Layer l, String field, String message, String rule) {
        out.add(new Problem(Severity.ERROR, "$.layers." + l.key + "." + field, l, message, rule));
    }

    private static void warn(List<Problem> out, Layer l, String field, String message, String rule) {
        out.add(new Problem(Severity.WARNING, "$.layers." + l.key + "." + field, l, message, rule));
    }

    public static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
    }

    static String duration(long seconds) {
        if (seconds % 86_400 == 0) return (seconds / 86_400) + " d";
        if (seconds % 3_600 == 0) return (seconds / 3_600) + " h";
        if (seconds % 60 == 0) return (seconds / 60) + " min";
        return seconds + " s";
    }
}
