package dev.rollupstudio.runtime.fault;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.event.RuntimeEvent;

/**
 * One injected fault, on the loop thread: it acts on the runtime, watches for what notices it,
 * and writes its outcome once the system has come back.
 */
abstract class ActiveFault {
    final FaultKind kind;
    final RollupRuntime rt;
    final long injectedAt;
    private Long detectedAt;
    private String detectedBy;
    String outcome = "under way";

    ActiveFault(FaultKind kind, RollupRuntime rt) {
        this.kind = kind;
        this.rt = rt;
        this.injectedAt = rt.scheduler().now();
    }

    /** Acts on the runtime; throws IllegalStateException, saying why, when this stack cannot have the fault. */
    abstract void start();

    /** Every runtime event while the run lasts. */
    void onEvent(RuntimeEvent e) {}

    /** Once per L2 block time. */
    void tick() {}

    final boolean detected() {
        return detectedAt != null;
    }

    /** The first thing that noticed the fault, and when. */
    final void detected(String by) {
        if (detectedAt != null) return;
        detectedAt = rt.scheduler().now();
        detectedBy = by;
    }

    final long now() {
        return rt.scheduler().now();
    }

    /** Sim seconds from {@code fromMillis} to now, for sentences. */
    final String secondsSince(long fromMillis) {
        return String.format(java.util.Locale.ROOT, "%.0f s", (now() - fromMillis) / 1000.0);
    }

    final Fault snapshot() {
        long genesis = rt.node().genesis().timestamp() * 1000;
        return new Fault(kind, (injectedAt - genesis) / 1000.0, detectedAt == null ? null : (detectedAt - genesis) / 1000.0, detectedBy, outcome);
    }
}
