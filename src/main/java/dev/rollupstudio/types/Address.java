package dev.rollupstudio.types;

import java.util.Arrays;

/** A 20-byte account address. Immutable; equality by content. */
public final class Address implements Comparable<Address> {
    public static final Address ZERO = new Address(new byte[20]);
    private final byte[] bytes;
    private final int hash;

    private Address(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    public static Address of(byte[] bytes) {
        if (bytes.length != 20) throw new IllegalArgumentException("an address is 20 bytes, got " + bytes.length);
        return new Address(Bytes.copy(bytes));
    }

    public static Address fromHex(String hex) {
        byte[] b = Bytes.fromHex(hex);
        if (b.length != 20) throw new IllegalArgumentException("an address is 20 bytes (40 hex digits): '" + Bytes.abbreviate(hex) + "'");
        return new Address(b);
    }

    public byte[] toArray() {
        return Bytes.copy(bytes);
    }

    /** Internal view for codecs that promise not to modify it. */
    public byte[] raw() {
        return bytes;
    }

    public String toHex() {
        return Bytes.toHex(bytes);
    }

    public String shortHex() {
        String h = toHex();
        return h.substring(0, 6) + ".." + h.substring(38);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Address a && a.hash == hash && Arrays.equals(a.bytes, bytes);
    }

    @Override public int hashCode() {
        return hash;
    }

    @Override public int compareTo(Address o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override public String toString() {
        return toHex();
    }
}
