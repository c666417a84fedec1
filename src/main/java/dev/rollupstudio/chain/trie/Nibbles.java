package dev.rollupstudio.chain.trie;

import java.util.Arrays;

/** Keys as half-bytes, and the hex-prefix encoding of a path (yellow paper, appendix C). */
final class Nibbles {
    private Nibbles() {}

    static byte[] of(byte[] key) {
        byte[] n = new byte[key.length * 2];
        for (int i = 0; i < key.length; i++) {
            n[2 * i] = (byte) ((key[i] >> 4) & 0x0f);
            n[2 * i + 1] = (byte) (key[i] & 0x0f);
        }
        return n;
    }

    static byte[] hexPrefix(byte[] path, boolean leaf) {
        boolean odd = path.length % 2 == 1;
        int flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
        byte[] out = new byte[path.length / 2 + 1];
        int i = 0;
        if (odd) {
            out[0] = (byte) ((flag << 4) | path[0]);
            i = 1;
        } else {
            out[0] = (byte) (flag << 4);
        }
        for (int o = 1; i < path.length; i += 2, o++) out[o] = (byte) ((path[i] << 4) | path[i + 1]);
        return out;
    }

    /** Inverse of {@link #hexPrefix}: returns the path; {@code isLeaf[0]} receives the flag. */
    static byte[] fromHexPrefix(byte[] encoded, boolean[] isLeaf) {
        if (encoded.length == 0) throw new IllegalArgumentException("empty hex-prefix path");
        int flag = (encoded[0] >> 4) & 0x0f;
        isLeaf[0] = flag >= 2;
        boolean odd = (flag & 1) == 1;
        byte[] all = of(encoded);
        return Arrays.copyOfRange(all, odd ? 1 : 2, all.length);
    }

    static int common(byte[] a, int aFrom, byte[] b) {
        int n = 0;
        while (n < b.length && aFrom + n < a.length && a[aFrom + n] == b[n]) n++;
        return n;
    }

    static byte[] slice(byte[] a, int from) {
        return Arrays.copyOfRange(a, from, a.length);
    }

    static byte[] slice(byte[] a, int from, int to) {
        return Arrays.copyOfRange(a, from, to);
    }

    static byte[] prepend(int nibble, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = (byte) nibble;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    static byte[] join(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
