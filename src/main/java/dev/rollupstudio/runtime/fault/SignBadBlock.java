package dev.rollupstudio.runtime.fault;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.event.L1BlockSealed;
import dev.rollupstudio.runtime.event.MachAlert;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.runtime.security.FastFinality;
import java.math.BigInteger;

/**
 * A MACH operator signs, at the next output height, a block that is not the chain's (a forged
 * hash) in place of the real one. The aggregator's re-execution catches it at once and its stake
 * stops counting; once the output for that height has stood through its finalization period, the
 * node opens the output root on L1 and the registry, seeing the real block differs from the
 * signed one, slashes the bond.
 */
final class SignBadBlock extends ActiveFault {
    private FastFinality mach;
    private String name;
    private int caught;
    private FastFinality.BadAttestation evidence;

    SignBadBlock(RollupRuntime rt) {
        super(FaultKind.SIGN_BAD_BLOCK, rt);
    }

    @Override void start() {
        mach = Faults.machOf(rt);
        long interval = rt.node().config().batching().outputIntervalBlocks();
        long height = (rt.node().chain().head().number() / interval + 1) * interval;
        int i = Faults.firstHonest(mach, FaultKind.SIGN_BAD_BLOCK);
        mach.forgeAt(i, height);
        name = mach.status().operators().get(i).name();
        caught = mach.badAttestations().size();
    }

    @Override void onEvent(RuntimeEvent e) {
        if (!detected() && e instanceof MachAlert a && mach.badAttestations().size() > caught) {
            detected("MACH aggregator: " + a.what());
            evidence = mach.badAttestations().get(mach.badAttestations().size() - 1);
            return;
        }
        if (evidence == null || !outcome.equals("under way") || !(e instanceof L1BlockSealed b)) return;
        BigInteger[] slashed = DoubleSign.slashedIn(b.block(), evidence.signed().operator());
        if (slashed == null) return;
        outcome = name + " signed block " + evidence.signed().blockHash().shortHex() + " at height " + evidence.signed().number() + " where re-execution gives "
                + evidence.real().hash().shortHex() + "; its stake stopped counting at once; once the output for that height was final, the node opened its"
                + " root on L1 and the operator registry, seeing the real block differ from the signed one, slashed its bond of "
                + DoubleSign.units(slashed[0]) + " ALT and " + DoubleSign.units(slashed[1]) + " restaked ETH in L1 block " + b.block().number() + ", "
                + secondsSince(injectedAt) + " after the fault";
    }
}
