package dev.rollupstudio.chain;

import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import java.math.BigInteger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.ECKeyPair;

/**
 * secp256k1 ECDSA as Ethereum uses it: deterministic (RFC 6979) low-s signatures with a recovery
 * id, and the sender's address recovered from one. Two implementations give identical results:
 * bitcoin-core's libsecp256k1 through JNI (about four times faster), and web3j's BouncyCastle code,
 * the fallback where the native library cannot load.
 */
public interface Ecdsa {
    /** The system property that forces one implementation: {@code native} or {@code bouncycastle}. */
    String PROPERTY = "rollupstudio.secp256k1";

    record Signature(int recoveryId, BigInteger r, BigInteger s) {}

    /** A short name saying which library signs and recovers, for reports and logs. */
    String name();

    /** Signs a 32-byte hash. */
    Signature sign(byte[] hash, ECKeyPair key);

    /** The address whose key made this signature of hash, or null if none did. */
    Address recover(byte[] hash, int recoveryId, BigInteger r, BigInteger s);

    /** The address of a 64-byte uncompressed public key (x || y): the last 20 bytes of its Keccak hash. */
    static Address address(byte[] publicKey) {
        return Address.ofRange(Keccak.digest(publicKey), 12);
    }

    /** A non-negative integer as exactly size big-endian bytes. */
    static byte[] unsigned(BigInteger v, int size) {
        return Bytes.leftPad(Rlp.minimal(v), size);
    }

    /** The implementation in use: native unless it cannot load or the property asks otherwise. */
    static Ecdsa active() {
        return Chosen.ACTIVE;
    }

    /** BouncyCastle's, whatever is active: for the few signatures where a slower, pure-Java path is the safer one. */
    static Ecdsa bouncyCastle() {
        return BouncyCastleEcdsa.INSTANCE;
    }

    /** Chosen once, on first use: loading the native library costs a few milliseconds. */
    final class Chosen {
        private static final Ecdsa ACTIVE = choose(System.getProperty(PROPERTY, "native"));

        private Chosen() {}

        private static Ecdsa choose(String wanted) {
            if (wanted.equalsIgnoreCase("bouncycastle")) return BouncyCastleEcdsa.INSTANCE;
            try {
                return NativeEcdsa.load();
            } catch (Throwable t) { // UnsatisfiedLinkError, an unsupported OS or CPU: all mean "use the fallback"
                LoggerFactory.getLogger(Ecdsa.class).warn("native secp256k1 unavailable ({}); signing and recovering with BouncyCastle, about 4x slower",
                        t.getMessage());
                return BouncyCastleEcdsa.INSTANCE;
            }
        }
    }
}
