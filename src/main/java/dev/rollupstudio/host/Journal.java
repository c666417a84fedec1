package dev.rollupstudio.host;

import dev.rollupstudio.sim.Scheduler;
import java.util.ArrayList;
import java.util.List;

/**
 * The devnet's inputs from outside its clock (transactions, mined blocks, edits, added rollups)
 * in the order they ran, each with how many clock tasks had run before it. The run is
 * deterministic, so these are enough to build the devnet again up to any point.
 */
final class Journal {
    record Entry(long executed, Runnable action) {}

    private final Scheduler scheduler;
    private final List<Entry> entries = new ArrayList<>();

    Journal(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Loop thread (or before the loop runs). */
    void record(Runnable action) {
        entries.add(new Entry(scheduler.executed(), action));
    }

    int size() {
        return entries.size();
    }

    /** The first {@code size} inputs; the rest are forgotten. */
    List<Entry> keep(int size) {
        entries.subList(size, entries.size()).clear();
        return List.copyOf(entries);
    }
}
