package dev.rollupstudio.chain;

import dev.rollupstudio.types.Hash;
import org.bouncycastle.jcajce.provider.digest.Keccak.Digest256;

/** Keccak-256 as Ethereum uses it (not NIST SHA3-256). */
public final class Keccak {
    private static final ThreadLocal<Digest256> DIGEST = ThreadLocal.withInitial(Digest256::new);
    public static final Hash EMPTY = hash(new byte[0]);

    private Keccak() {}

    public static byte[] digest(byte[] data) {
        Digest256 d = DIGEST.get();
        d.reset();
        return d.digest(data);
    }

    public static Hash hash(byte[] data) {
        return Hash.wrap(digest(data));
    }
}
