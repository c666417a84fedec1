package dev.rollupstudio.wallet;

import dev.rollupstudio.types.Bytes;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.web3j.crypto.Bip32ECKeyPair;

/** BIP-32's serialisation of an extended key (xprv, xpub): Base58Check of version, depth, parent, child, chain code and key. */
public final class ExtendedKey {
    private static final int XPRV = 0x0488ADE4;
    private static final int XPUB = 0x0488B21E;
    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private ExtendedKey() {}

    public static String xprv(Bip32ECKeyPair k) {
        return serialize(XPRV, k, k.getPrivateKeyBytes33());
    }

    public static String xpub(Bip32ECKeyPair k) {
        return serialize(XPUB, k, k.getPublicKeyPoint().getEncoded(true));
    }

    private static String serialize(int version, Bip32ECKeyPair k, byte[] key) {
        ByteBuffer b = ByteBuffer.allocate(78);
        b.putInt(version).put((byte) k.getDepth()).putInt(k.getParentFingerprint()).putInt(k.getChildNumber()).put(k.getChainCode()).put(key);
        byte[] payload = b.array();
        byte[] check = Arrays.copyOf(sha256(sha256(payload)), 4);
        return base58(Bytes.concat(payload, check));
    }

    private static String base58(byte[] data) {
        BigInteger n = new BigInteger(1, data);
        StringBuilder s = new StringBuilder();
        BigInteger base = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(base);
            s.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < data.length && data[i] == 0; i++) s.append('1');
        return s.reverse().toString();
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
