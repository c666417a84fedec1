package dev.rollupstudio.runtime.security;

import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.rollup.L1Signer;
import java.util.ArrayList;
import java.util.List;

/**
 * MACH's evidence against an operator that signed a block re-execution does not give, held until
 * L1 can check it: once an output for that height has stood on the oracle through its
 * finalization period, the node hands the registry the signature and the output's opening
 * ({@code slashBadAttestation}), which shows the real block differs from the signed one.
 */
public final class BadBlockWatch {
    private final EmbeddedL1 l1;
    private final RollupConfig config;
    private final L1Signer signer;
    private final List<FastFinality.BadAttestation> waiting = new ArrayList<>();
    private int reported;

    public BadBlockWatch(EmbeddedL1 l1, RollupConfig config, L1Signer signer, FastFinality mach) {
        this.l1 = l1;
        this.config = config;
        this.signer = signer;
        mach.onBadAttestation(waiting::add);
    }

    /** At each L1 block: the evidence whose output is now final goes to the registry. */
    public void onL1Block() {
        for (var it = waiting.iterator(); it.hasNext(); ) {
            FastFinality.BadAttestation b = it.next();
            OutputProposal o = l1.outputs(config.chainId()).stream().filter(x -> x.l2BlockNumber() == b.signed().number()).findFirst().orElse(null);
            if (o == null || l1.head().timestampMillis() < o.l1TimestampMillis() + config.proof().delayMillis()) continue;
            it.remove();
            l1.submit(Restaking.slashBadAttestation(l1, signer, b, o.index()));
            reported++;
        }
    }

    /** Bad attestations handed to L1 so far. */
    public int reported() {
        return reported;
    }
}
