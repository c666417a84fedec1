package dev.rollupstudio.runtime.fault;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.config.OperatorConfig.Behaviour;
import dev.rollupstudio.runtime.security.FastFinality;
import dev.rollupstudio.runtime.security.MachStatus;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Enough MACH operators go offline for a minute that the signing stake falls under the quorum; they come back and it is regained. */
final class OperatorsOffline extends ActiveFault {
    static final long OFFLINE_MILLIS = 60_000;
    private final List<Integer> taken = new ArrayList<>();
    private FastFinality mach;
    private long missedBefore;
    private long stuckAt;
    private long backAt = -1;
    private double signingPct;

    OperatorsOffline(RollupRuntime rt) {
        super(FaultKind.OPERATOR_OFFLINE, rt);
    }

    @Override void start() {
        mach = Faults.machOf(rt);
        MachStatus s = mach.status();
        BigInteger signing = BigInteger.ZERO;
        for (MachStatus.OperatorStatus o : s.operators()) if (o.behaviour() != Behaviour.OFFLINE && !o.ejected()) signing = signing.add(o.bondAlt());
        // the last operators first, until what still signs is under the quorum
        for (int i = s.operators().size() - 1; i >= 0 && reaches(signing, s); i--) {
            MachStatus.OperatorStatus o = s.operators().get(i);
            if (o.behaviour() == Behaviour.OFFLINE || o.ejected()) continue;
            mach.setOffline(i, true);
            taken.add(i);
            signing = signing.subtract(o.bondAlt());
        }
        signingPct = s.totalAlt().signum() == 0 ? 0 : signing.multiply(BigInteger.valueOf(10_000)).divide(s.totalAlt()).doubleValue() / 100;
        missedBefore = mach.missedQuorums();
        stuckAt = mach.finalHead();
        rt.scheduler().at(injectedAt + OFFLINE_MILLIS, 5, () -> {
            for (int i : taken) mach.setOffline(i, false);
            backAt = now();
        });
    }

    private static boolean reaches(BigInteger signing, MachStatus s) {
        return signing.multiply(BigInteger.valueOf(100)).compareTo(s.totalAlt().multiply(BigInteger.valueOf(s.quorumPct()))) >= 0;
    }

    @Override void tick() {
        if (!detected() && mach.missedQuorums() > missedBefore) {
            detected("MACH aggregator: a round without the quorum (" + signingPct + "% of the bonded ALT signing, " + mach.status().quorumPct()
                    + "% needed); the fast-final head stays at block " + mach.finalHead());
        }
        if (backAt >= 0 && outcome.equals("under way") && mach.finalHead() > stuckAt) {
            outcome = taken.size() + " operator(s) offline left " + signingPct + "% of the bonded ALT signing, under the " + mach.status().quorumPct()
                    + "% quorum: the fast-final head stalled at block " + stuckAt + " for " + secondsSince(injectedAt)
                    + "; the quorum came back with them and the head moved to block " + mach.finalHead();
        }
    }
}
