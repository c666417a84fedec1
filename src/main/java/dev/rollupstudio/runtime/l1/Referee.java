package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.types.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The modelled re-execution that dispute games and the proof verifier consult: the output root
 * L1 data derives at an L2 block (each rollup's derivation), or null while L1 does not carry it.
 * Live it asks the rollup and notes every answer in the block being built; an L1 resumed from its
 * database, whose rollups are not running yet, answers from those notes as it runs the blocks again.
 */
final class Referee {
    private final Map<Long, LongFunction<Hash>> rollups = new HashMap<>();
    private final Map<Long, Map<Long, Hash>> recorded = new HashMap<>();
    private final List<SettlementLog.Answer> noted = new ArrayList<>();
    private boolean replaying;

    void register(long chainId, LongFunction<Hash> derivedRoot) {
        rollups.put(chainId, derivedRoot);
    }

    void forget(long chainId) {
        rollups.remove(chainId);
    }

    Hash rootAt(long chainId, long l2Block) {
        LongFunction<Hash> live = replaying ? null : rollups.get(chainId);
        Hash root = live != null ? live.apply(l2Block) : recorded.getOrDefault(chainId, Map.of()).get(l2Block);
        if (root != null) {
            SettlementLog.Answer a = new SettlementLog.Answer(chainId, l2Block, root);
            if (!noted.contains(a)) noted.add(a);
        }
        return root;
    }

    /** While stored blocks run again every answer comes from their notes; after, from the rollups. */
    void replaying(boolean on) {
        replaying = on;
        if (!on) recorded.clear();
    }

    /** A stored block's answers, known from that block on while it runs again. */
    void learn(List<SettlementLog.Answer> answers) {
        for (SettlementLog.Answer a : answers) recorded.computeIfAbsent(a.chainId(), k -> new HashMap<>()).put(a.l2Block(), a.root());
    }

    /** The answers given in this block, for its log. */
    List<SettlementLog.Answer> drain() {
        List<SettlementLog.Answer> out = List.copyOf(noted);
        noted.clear();
        return out;
    }
}
