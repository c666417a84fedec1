package dev.rollupstudio.runtime;

import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.ParameterChanges;
import dev.rollupstudio.runtime.rollup.L2Chain;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Governance's changes to one rollup and the L2 block each took effect in: the first whose L1
 * origin is the L1 block that executed the proposal, or later (loop thread; the screens read the
 * {@link Applied} snapshots the runtime publishes).
 */
public final class AppliedChanges {
    /** A change: its key and value, the L1 block that made it, and the first L2 block built with it (-1: none yet). */
    public record Applied(String key, BigInteger value, long l1Block, long fromL2Block) {}

    private final long chainId;
    private final EmbeddedL1 l1;
    private final L2Chain chain;
    private final Map<ParameterChanges.Change, Long> found = new HashMap<>();
    private List<Applied> last = List.of();

    public AppliedChanges(long chainId, EmbeddedL1 l1, L2Chain chain) {
        this.chainId = chainId;
        this.l1 = l1;
        this.chain = chain;
    }

    /** Each change with its first L2 block; the same list as last time while nothing new is known (the runtime asks per event). */
    public List<Applied> list() {
        List<ParameterChanges.Change> changes = l1.parameters().changes(chainId);
        if (changes.size() == last.size() && found.size() == last.size()) return last;
        List<Applied> out = new ArrayList<>();
        for (ParameterChanges.Change c : changes) {
            Long from = found.get(c);
            if (from == null && chain.head().origin().number() >= c.l1Block()) {
                from = firstWithOrigin(c.l1Block());
                found.put(c, from);
            }
            out.add(new Applied(c.key(), c.value(), c.l1Block(), from == null ? -1 : from));
        }
        last = List.copyOf(out);
        return last;
    }

    /** The first L2 block whose origin is at or after {@code l1Block} (origins never go back, so a binary search). */
    private long firstWithOrigin(long l1Block) {
        long lo = 0, hi = chain.head().number();
        while (lo < hi) {
            long mid = (lo + hi) >>> 1;
            if (chain.block(mid).origin().number() >= l1Block) hi = mid; else lo = mid + 1;
        }
        return lo;
    }
}
