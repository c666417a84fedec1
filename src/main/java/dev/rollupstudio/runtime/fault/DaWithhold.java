package dev.rollupstudio.runtime.fault;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.da.ExternalDa;
import dev.rollupstudio.runtime.event.BatchPosted;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.runtime.event.VerifierFinding;

/**
 * The DA layer takes the next batch and its commitment lands on L1, but the data is served only
 * two minutes later (as a data-availability challenge on L1 would force): the safe head stalls,
 * then derivation goes on.
 */
final class DaWithhold extends ActiveFault {
    static final long WITHHELD_MILLIS = 120_000;
    private ExternalDa da;
    private long batchId;
    private long stallAt = -1;
    private long releasedAt = -1;
    private String blocks = "";

    DaWithhold(RollupRuntime rt) {
        super(FaultKind.DA_WITHHOLD, rt);
    }

    @Override void start() {
        da = (ExternalDa) rt.node().da(); // Faults.unsupported let only a DA layer beside L1 through
        batchId = rt.node().batcher().nextBatchId();
        da.withhold(batchId);
    }

    @Override void onEvent(RuntimeEvent e) {
        if (e instanceof BatchPosted b && b.batchId() == batchId && releasedAt < 0) {
            blocks = " (blocks " + b.firstL2Block() + " to " + b.lastL2Block() + ")";
            rt.scheduler().at(now() + WITHHELD_MILLIS, 5, () -> {
                da.release(batchId);
                releasedAt = now();
            });
        }
        if (e instanceof VerifierFinding f && f.kind() == VerifierFinding.Kind.DATA_UNAVAILABLE && !detected()) {
            stallAt = rt.node().derivation().safeHead();
            detected("verifier: " + f.what());
        }
    }

    @Override void tick() {
        if (releasedAt >= 0 && stallAt >= 0 && outcome.equals("under way") && rt.node().derivation().safeHead() > stallAt) {
            outcome = "the DA layer withheld batch " + batchId + blocks + " for " + WITHHELD_MILLIS / 1000 + " s: the safe head stalled at block " + stallAt
                    + " for " + secondsSince(injectedAt) + " and moved on once the data was served; the verifier's mismatches: "
                    + rt.node().derivation().mismatches();
        }
    }
}
