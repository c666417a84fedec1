package dev.rollupstudio.types;

import java.util.Arrays;

/** An immutable byte string of a fixed size (addresses, hashes); equal when of the same type and content. */
public abstract class FixedBytes {
    private final byte[] bytes;
    private final int hash;

    FixedBytes(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
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
        return o != null && o.getClass() == getClass() && ((FixedBytes) o).hash == hash && Arrays.equals(((FixedBytes) o).bytes, bytes);
    }

    @Override public final int hashCode() {
        return hash;
    }

    @Override public final String toString() {
        return toHex();
    }

    static byte[] checked(byte[] b, int size, String what) {
        if (b.length != size) throw new IllegalArgumentException(what + " is " + size + " bytes, got " + b.length);
        return b;
    }
}
