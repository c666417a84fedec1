package dev.rollupstudio.runtime.fault;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.security.FastFinality;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults injected into one runtime: each acts, is watched for what detects it, and ends with
 * an outcome. Inject on the loop thread (or schedule before it runs); read {@link #list()} from any.
 */
public final class Faults {
    private final RollupRuntime rt;
    private final List<ActiveFault> active = new ArrayList<>();
    private volatile List<Fault> list = List.of();

    /** Loop thread, or before the loop runs. */
    public Faults(RollupRuntime rt) {
        this.rt = rt;
        rt.events().subscribe(e -> {
            if (active.isEmpty()) return;
            for (ActiveFault f : active) f.onEvent(e);
            publish();
        });
        long blockTime = rt.options().rollup().blockTimeMillis();
        rt.scheduler().every(rt.scheduler().now() + blockTime, blockTime, 5, () -> {
            if (active.isEmpty()) return;
            for (ActiveFault f : active) f.tick();
            publish();
        });
    }

    /** Injects {@code kind} at sim time {@code atMillis}; a stack that cannot have it fails the run there with the reason. */
    public void at(FaultKind kind, long atMillis) {
        rt.scheduler().at(atMillis, 5, () -> inject(kind));
    }

    /** Injects {@code kind} now (loop thread); IllegalStateException, saying why, when this stack cannot have it. */
    public Fault inject(FaultKind kind) {
        String no = unsupported(kind, rt.options());
        if (no != null) throw new IllegalStateException(no);
        ActiveFault f = switch (kind) {
            case SEQUENCER_DOWN -> new SequencerDown(rt);
            case SEQUENCER_CENSORS -> new SequencerCensors(rt);
            case OPERATOR_OFFLINE -> new OperatorsOffline(rt);
            case DOUBLE_SIGN -> new DoubleSign(rt);
            case SIGN_BAD_BLOCK -> new SignBadBlock(rt);
            case L1_CONGESTION -> new L1Congestion(rt);
            case DA_WITHHOLD -> new DaWithhold(rt);
            case WRONG_OUTPUT -> new WrongOutput(rt);
            case L1_REORG -> new L1Reorg(rt);
            default -> throw new IllegalArgumentException("the " + kind.id() + " fault is not injectable yet; the faults are " + FaultKind.readyIds());
        };
        f.start();
        active.add(f);
        publish();
        return f.snapshot();
    }

    /** Every fault injected so far, in order, as it stands. */
    public List<Fault> list() {
        return list;
    }

    private void publish() {
        List<Fault> out = new ArrayList<>(active.size());
        for (ActiveFault f : active) out.add(f.snapshot());
        list = List.copyOf(out);
    }

    /** Why a stack cannot have {@code kind}, or null when it can: checked before a run starts, and at injection. */
    public static String unsupported(FaultKind kind, dev.rollupstudio.runtime.RuntimeOptions options) {
        var c = options.rollup();
        if ((kind == FaultKind.DOUBLE_SIGN || kind == FaultKind.OPERATOR_OFFLINE || kind == FaultKind.SIGN_BAD_BLOCK) && c.sequencing().mach() == null) {
            return kind.id() + " needs MACH operators: put MACH fast finality on the stack's security layer";
        }
        if (kind == FaultKind.WRONG_OUTPUT && c.proof().kind() == dev.rollupstudio.runtime.config.ProofSystem.Kind.NONE) {
            return "wrong-output needs a proof system (optimistic or ZK): with none, L1 takes outputs as posted and nothing checks them";
        }
        if (kind == FaultKind.DA_WITHHOLD && c.da().external() == null) {
            return "da-withhold needs a DA layer beside L1 (Celestia, EigenDA, Avail or a local one): data on Ethereum is served by L1 to every node";
        }
        return null;
    }

    static FastFinality machOf(RollupRuntime rt) {
        return rt.node().fastFinality();
    }

    /** The first MACH operator that is honest and still counted: whom a signing fault makes misbehave. */
    static int firstHonest(FastFinality mach, FaultKind kind) {
        var ops = mach.status().operators();
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).behaviour() == dev.rollupstudio.runtime.config.OperatorConfig.Behaviour.HONEST && !ops.get(i).ejected()) return i;
        }
        throw new IllegalStateException(kind.id() + " needs an honest MACH operator still in the quorum; none is left");
    }
}
