package dev.rollupstudio.types;

/** A 32-byte hash (Keccak-256 unless said otherwise). */
public final class Hash extends FixedBytes {
    public static final Hash ZERO = new Hash(new byte[32]);

    private Hash(byte[] bytes) {
        super(bytes);
    }

    public static Hash of(byte[] bytes) {
        return new Hash(Bytes.copy(checked(bytes, 32, "a hash")));
    }

    /** Wraps an array the caller hands over and will not touch again. */
    public static Hash wrap(byte[] bytes) {
        return new Hash(checked(bytes, 32, "a hash"));
    }

    public static Hash fromHex(String hex) {
        byte[] b = Bytes.fromHex(hex);
        if (b.length != 32) throw new IllegalArgumentException("a hash is 32 bytes (64 hex digits): '" + Bytes.abbreviate(hex) + "'");
        return new Hash(b);
    }
}
