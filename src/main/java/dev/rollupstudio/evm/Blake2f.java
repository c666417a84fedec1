package dev.rollupstudio.evm;

/** Precompile 0x09: the BLAKE2b compression function F (EIP-152), one gas per round. */
final class Blake2f {
    private Blake2f() {}

    private static final long[] IV = {0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
            0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L};
    private static final int[][] SIGMA = {
            {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
            {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
            {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
            {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
            {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0}};

    static Evm.Result run(byte[] in, long gas) {
        if (in.length != 213) return Evm.Result.halt("blake2f takes exactly 213 bytes, not " + in.length);
        int f = in[212];
        if (f != 0 && f != 1) return Evm.Result.halt("blake2f's final-block flag must be 0 or 1");
        long rounds = ((in[0] & 0xFFL) << 24) | ((in[1] & 0xFFL) << 16) | ((in[2] & 0xFFL) << 8) | (in[3] & 0xFFL);
        if (rounds > gas) return Evm.Result.halt("out of gas in blake2f");
        long[] h = new long[8];
        long[] m = new long[16];
        for (int i = 0; i < 8; i++) h[i] = le(in, 4 + i * 8);
        for (int i = 0; i < 16; i++) m[i] = le(in, 68 + i * 8);
        long t0 = le(in, 196);
        long t1 = le(in, 204);
        long[] v = new long[16];
        System.arraycopy(h, 0, v, 0, 8);
        System.arraycopy(IV, 0, v, 8, 8);
        v[12] ^= t0;
        v[13] ^= t1;
        if (f == 1) v[14] = ~v[14];
        for (long r = 0; r < rounds; r++) {
            int[] s = SIGMA[(int) (r % 10)];
            g(v, 0, 4, 8, 12, m[s[0]], m[s[1]]);
            g(v, 1, 5, 9, 13, m[s[2]], m[s[3]]);
            g(v, 2, 6, 10, 14, m[s[4]], m[s[5]]);
            g(v, 3, 7, 11, 15, m[s[6]], m[s[7]]);
            g(v, 0, 5, 10, 15, m[s[8]], m[s[9]]);
            g(v, 1, 6, 11, 12, m[s[10]], m[s[11]]);
            g(v, 2, 7, 8, 13, m[s[12]], m[s[13]]);
            g(v, 3, 4, 9, 14, m[s[14]], m[s[15]]);
        }
        byte[] out = new byte[64];
        for (int i = 0; i < 8; i++) {
            long x = h[i] ^ v[i] ^ v[i + 8];
            for (int j = 0; j < 8; j++) out[i * 8 + j] = (byte) (x >>> (8 * j));
        }
        return Precompiles.ok(gas, rounds, out);
    }

    private static void g(long[] v, int a, int b, int c, int d, long x, long y) {
        v[a] = v[a] + v[b] + x;
        v[d] = Long.rotateRight(v[d] ^ v[a], 32);
        v[c] = v[c] + v[d];
        v[b] = Long.rotateRight(v[b] ^ v[c], 24);
        v[a] = v[a] + v[b] + y;
        v[d] = Long.rotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d];
        v[b] = Long.rotateRight(v[b] ^ v[c], 63);
    }

    private static long le(byte[] b, int off) {
        long v = 0;
        for (int i = 7; i >= 0; i--) v = (v << 8) | (b[off + i] & 0xFFL);
        return v;
    }
}
