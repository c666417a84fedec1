package dev.rollupstudio.types;

import java.util.Arrays;

/** An immutable byte string of a fixed size (addresses, hashes); equal when of the same type and content. */
public abstract class FixedBytes {
    private final byte[] bytes;
    /**
     * The content's hash, computed on first use as String's is (0: not yet; a racy recomputation
     * gives the same value). Not at construction: a native-recovered address was once seen whose
     * hash, taken as it was built, disagreed with its bytes read later (EcdsaDifferentialTest).
     */
    private int hash;

    FixedBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public final byte[] toArray() {
        return Bytes.copy(bytes);
    }

    /** Internal view for codecs that promise not to modify it. */
    public final byte[] raw() {
        return bytes;
    }

    public final String toHex() {
        return Bytes.toHex(bytes);
    }

    /** The first and last few hex digits, for messages and tables. */
    public final String shortHex() {
        String h = toHex();
        int keep = bytes.length == 20 ? 4 : 8;
        return h.substring(0, 2 + keep) + ".." + h.substring(h.length() - 4);
    }

    @Override public final boolean equals(Object o) {
        if (o == this) return true;
        return o != null && o.getClass() == getClass() && ((FixedBytes) o).hashCode() == hashCode() && Arrays.equals(((FixedBytes) o).bytes, bytes);
    }

    @Override public final int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Arrays.hashCode(bytes);
            hash = h;
        }
        return h;
    }

    @Override public final String toString() {
        return toHex();
    }

    static byte[] checked(byte[] b, int size, String what) {
        if (b.length != size) throw new IllegalArgumentException(what + " is " + size + " bytes, got " + b.length);
        return b;
    }
}
