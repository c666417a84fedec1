package dev.rollupstudio.runtime.fault;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.config.OperatorConfig.Behaviour;
import dev.rollupstudio.runtime.event.MachAlert;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.runtime.security.FastFinality;
import dev.rollupstudio.runtime.security.MachStatus;

/** A MACH operator signs two different blocks at one height; the aggregator catches it and its stake stops counting. */
final class DoubleSign extends ActiveFault {
    private FastFinality mach;
    private String name;
    private int caught;

    DoubleSign(RollupRuntime rt) {
        super(FaultKind.DOUBLE_SIGN, rt);
    }

    @Override void start() {
        mach = Faults.machOf(rt);
        MachStatus s = mach.status();
        for (int i = 0; i < s.operators().size(); i++) {
            MachStatus.OperatorStatus o = s.operators().get(i);
            if (o.behaviour() == Behaviour.HONEST && !o.ejected()) {
                mach.doubleSignNext(i);
                name = o.name();
                caught = mach.equivocations().size();
                return;
            }
        }
        throw new IllegalStateException("double-sign needs an honest MACH operator still in the quorum; none is left");
    }

    @Override void onEvent(RuntimeEvent e) {
        if (detected() || !(e instanceof MachAlert a) || mach.equivocations().size() <= caught) return;
        detected("MACH aggregator: " + a.what());
        var eq = mach.equivocations().get(mach.equivocations().size() - 1);
        outcome = name + " signed blocks " + eq.first().blockHash().shortHex() + " and " + eq.second().blockHash().shortHex() + " at height "
                + eq.first().number() + ": both signatures are kept as evidence, its stake no longer counts, and fast finality goes on with the "
                + "other operators' stake";
    }
}
