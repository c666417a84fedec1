package dev.rollupstudio.runtime.security;

import dev.rollupstudio.runtime.config.MachConfig;
import dev.rollupstudio.sim.Scheduler;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * MACH fast finality: every check interval each operator verifies the blocks sealed since its
 * last check and attests; when the attesting stake reaches the quorum, those blocks are final
 * without waiting for L1. Operators are online with a fixed probability (seeded), so a quorum
 * can fail and finality then waits for the next check.
 */
public final class FastFinality {
    private static final double ONLINE = 0.95;
    private final MachConfig config;
    private final LongSupplier unsafeHead;
    private final SplittableRandom rnd;
    private long pending = -1;
    private long finalHead;
    private long missedQuorums;
    private final Runnable cancel;

    public FastFinality(MachConfig config, Scheduler scheduler, LongSupplier unsafeHead, long seed, Runnable onAdvance) {
        this.config = config;
        this.unsafeHead = unsafeHead;
        this.rnd = new SplittableRandom(seed ^ 0x4D414348L);
        this.cancel = scheduler.every(scheduler.now() + config.checkIntervalMillis(), config.checkIntervalMillis(), 4, () -> {
            if (check()) onAdvance.run();
        });
    }

    /** Stops the operators' rounds (the rollup was removed). */
    public void stop() {
        cancel.run();
    }

    /** One round: attest what was sealed by the previous round if a quorum of stake is online. */
    boolean check() {
        int online = 0;
        for (int i = 0; i < config.operators(); i++) if (rnd.nextDouble() < ONLINE) online++;
        boolean quorum = online * 100L >= (long) config.quorumPct() * config.operators();
        boolean advanced = false;
        if (quorum && pending > finalHead) {
            finalHead = pending;
            advanced = true;
        } else if (!quorum) {
            missedQuorums++;
        }
        pending = unsafeHead.getAsLong();
        return advanced;
    }

    public long finalHead() {
        return finalHead;
    }

    public long missedQuorums() {
        return missedQuorums;
    }
}
