package dev.rollupstudio.types;

import java.util.Arrays;

/** A 32-byte hash (Keccak-256 unless said otherwise). Immutable; equality by content. */
public final class Hash {
    public static final Hash ZERO = new Hash(new byte[32]);
    private final byte[] bytes;
    private final int hash;

    private Hash(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    public static Hash of(byte[] bytes) {
        if (bytes.length != 32) throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
        return new Hash(Bytes.copy(bytes));
    }

    /** Wraps an array the caller hands over and will not touch again. */
    public static Hash wrap(byte[] bytes) {
        if (bytes.length != 32) throw new IllegalArgumentException("a hash is 32 bytes, got " + bytes.length);
        return new Hash(bytes);
    }

    public static Hash fromHex(String hex) {
        byte[] b = Bytes.fromHex(hex);
        if (b.length != 32) throw new IllegalArgumentException("a hash is 32 bytes (64 hex digits): '" + Bytes.abbreviate(hex) + "'");
        return new Hash(b);
    }

    public byte[] toArray() {
        return Bytes.copy(bytes);
    }

    public byte[] raw() {
        return bytes;
    }

    public String toHex() {
        return Bytes.toHex(bytes);
    }

    public String shortHex() {
        String h = toHex();
        return h.substring(0, 10) + ".." + h.substring(62);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Hash h && h.hash == hash && Arrays.equals(h.bytes, bytes);
    }

    @Override public int hashCode() {
        return hash;
    }

    @Override public String toString() {
        return toHex();
    }
}
