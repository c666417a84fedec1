package dev.rollupstudio.chain;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;

/**
 * Senders already recovered, by transaction hash. Recovery is a pure function of the signed bytes,
 * and the hash commits to every one of them (signature included), so a remembered answer is the
 * answer: the rollup's verifier, decoding a batch the sequencer's pool recovered minutes ago,
 * skips the elliptic-curve work (about 60 µs a transaction here) and still trusts no one.
 * Four-way sets that keep the newest four: a batch reaches the verifier after tens of thousands
 * of newer transactions, and a direct-mapped table had by then lost ~8% of its entries to
 * collisions. Entries are immutable: a race loses one, never mixes two.
 */
final class RecoveredSenders {
    private static final int WAYS = 4;
    private static final int BITS = 18; // 262,144 entries: a minute of transactions at 4,000 a second
    private static final Entry[] TABLE = new Entry[1 << BITS];

    private record Entry(Hash tx, Address sender) {}

    private RecoveredSenders() {}

    static Address get(Hash tx) {
        int set = set(tx);
        for (int i = set; i < set + WAYS; i++) {
            Entry e = TABLE[i];
            if (e != null && e.tx.equals(tx)) return e.sender;
        }
        return null;
    }

    /** The newest goes first in its set and the oldest falls out. */
    static void put(Hash tx, Address sender) {
        int set = set(tx);
        System.arraycopy(TABLE, set, TABLE, set + 1, WAYS - 1);
        TABLE[set] = new Entry(tx, sender);
    }

    private static int set(Hash tx) {
        byte[] h = tx.raw();
        return ((h[0] & 0xff) | (h[1] & 0xff) << 8 | (h[2] & 0xff) << 16) & ((1 << BITS) - WAYS);
    }
}
