package dev.rollupstudio.chain;

/**
 * The length FastLZ (level 1) would compress a byte string to, without producing the output.
 * This is the fastlzLen of the OP Stack Fjord L1 data fee (reference.md, "OP Stack L1 data fee
 * (Fjord)"), as op-geth's FlzCompressLen computes it: a 13-bit hash of 3-byte sequences, matches
 * within 8,191 bytes, literal runs of up to 32.
 */
public final class FastLz {
    /** A per-thread hash table; only the slots a call touched are reset, since transactions are short. */
    private static final ThreadLocal<Table> TABLES = ThreadLocal.withInitial(Table::new);

    private FastLz() {}

    private static final class Table {
        final int[] slots = new int[8192];
        int[] touched = new int[256];
        int count;

        void set(int h, int v) {
            if (count == touched.length) touched = java.util.Arrays.copyOf(touched, count * 2);
            touched[count++] = h;
            slots[h] = v;
        }

        void reset() {
            for (int i = 0; i < count; i++) slots[touched[i]] = 0;
            count = 0;
        }
    }

    public static int compressedLength(byte[] in) {
        Table t = TABLES.get();
        try {
            return compressedLength(in, t);
        } finally {
            t.reset();
        }
    }

    private static int compressedLength(byte[] in, Table t) {
        int[] table = t.slots;
        int n = 0;
        int anchor = 0;
        int limit = in.length < 13 ? 0 : in.length - 13;
        int ip = 2;
        while (ip < limit) {
            int ref;
            int seq;
            while (true) {
                seq = u24(in, ip);
                int h = hash(seq);
                ref = table[h];
                t.set(h, ip);
                int distance = ip - ref;
                if (ip >= limit) break;
                ip++;
                if (distance < 8192 && seq == u24(in, ref)) break;
            }
            if (ip >= limit) break;
            ip--;
            if (ip > anchor) n += literals(ip - anchor);
            int len = matchLength(in, ref + 3, ip + 3, limit + 9);
            n += match(len);
            ip += len;
            t.set(hash(u24(in, ip)), ip);
            ip++;
            t.set(hash(u24(in, ip)), ip);
            ip++;
            anchor = ip;
        }
        return n + literals(in.length - anchor);
    }

    private static int literals(int r) {
        int n = 0x21 * (r / 0x20);
        r %= 0x20;
        return r != 0 ? n + r + 1 : n;
    }

    private static int match(int l) {
        l--;
        return 3 * (l / 262) + (l % 262 >= 6 ? 3 : 2);
    }

    private static int matchLength(byte[] in, int p, int q, int end) {
        int l = 0;
        for (int e = end - q; l < e; l++) {
            if (in[p + l] != in[q + l]) return l + 1;
        }
        return l;
    }

    private static int hash(int v) {
        return (int) (((v & 0xffffffffL) * 2654435769L) >>> 19) & 0x1fff;
    }

    private static int u24(byte[] in, int i) {
        return (in[i] & 0xff) | (in[i + 1] & 0xff) << 8 | (in[i + 2] & 0xff) << 16;
    }
}
