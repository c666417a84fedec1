package dev.rollupstudio.chain;

/**
 * The length FastLZ (level 1) would compress a byte string to, without producing the output.
 * This is the fastlzLen of the OP Stack Fjord L1 data fee (reference.md, "OP Stack L1 data fee
 * (Fjord)"), as op-geth's FlzCompressLen computes it: a 13-bit hash of 3-byte sequences, matches
 * within 8,191 bytes, literal runs of up to 32.
 */
public final class FastLz {
    private FastLz() {}

    public static int compressedLength(byte[] in) {
        int[] table = new int[8192];
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
                table[h] = ip;
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
            table[hash(u24(in, ip))] = ip;
            ip++;
            table[hash(u24(in, ip))] = ip;
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
