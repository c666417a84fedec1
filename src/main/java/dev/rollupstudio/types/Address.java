package dev.rollupstudio.types;

import java.util.Arrays;

/** A 20-byte account address. */
public final class Address extends FixedBytes implements Comparable<Address> {
    public static final Address ZERO = new Address(new byte[20]);

    private Address(byte[] bytes) {
        super(bytes);
    }

    public static Address of(byte[] bytes) {
        return new Address(Bytes.copy(checked(bytes, 20, "an address")));
    }

    /** The 20 bytes of {@code source} from {@code from} (a hash's low 20 bytes: from 12 of 32), copied once. */
    public static Address ofRange(byte[] source, int from) {
        if (from < 0 || from + 20 > source.length) throw new IllegalArgumentException("an address needs 20 bytes from " + from + " of " + source.length);
        return new Address(java.util.Arrays.copyOfRange(source, from, from + 20));
    }

    public static Address fromHex(String hex) {
        byte[] b = Bytes.fromHex(hex);
        if (b.length != 20) throw new IllegalArgumentException("an address is 20 bytes (40 hex digits): '" + Bytes.abbreviate(hex) + "'");
        return new Address(b);
    }

    @Override public int compareTo(Address o) {
        return Arrays.compareUnsigned(raw(), o.raw());
    }
}
