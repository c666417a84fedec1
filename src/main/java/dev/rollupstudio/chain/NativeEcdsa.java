package dev.rollupstudio.chain;

import dev.rollupstudio.types.Address;
import fr.acinq.secp256k1.Secp256k1;
import fr.acinq.secp256k1.Secp256k1Exception;
import java.math.BigInteger;
import java.util.Arrays;
import org.web3j.crypto.ECKeyPair;

/**
 * secp256k1 through bitcoin-core's libsecp256k1 (ACINQ's JNI binding). Its signatures are RFC 6979
 * and low-s like web3j's, but come without a recovery id: that is found by recovering with id 0
 * and comparing to the signer's public key (1 otherwise; 2 and 3 need r >= n - p, odds ~2^-127).
 */
final class NativeEcdsa implements Ecdsa {
    private final Secp256k1 lib;

    private NativeEcdsa(Secp256k1 lib) {
        this.lib = lib;
    }

    static NativeEcdsa load() {
        return new NativeEcdsa(Secp256k1.get());
    }

    @Override public String name() {
        return "libsecp256k1";
    }

    @Override public Signature sign(byte[] hash, ECKeyPair key) {
        byte[] compact = lib.sign(hash, Ecdsa.unsigned(key.getPrivateKey(), 32));
        byte[] pub = Ecdsa.unsigned(key.getPublicKey(), 64);
        for (int id = 0; id < 4; id++) {
            byte[] recovered = recoverKey(compact, hash, id);
            if (recovered != null && Arrays.equals(recovered, 1, 65, pub, 0, 64)) {
                return new Signature(id, new BigInteger(1, compact, 0, 32), new BigInteger(1, compact, 32, 32));
            }
        }
        throw new IllegalStateException("libsecp256k1 made a signature that recovers to no key of the signer");
    }

    @Override public Address recover(byte[] hash, int recoveryId, BigInteger r, BigInteger s) {
        byte[] compact = new byte[64];
        if (!fits(r, compact, 0) || !fits(s, compact, 32)) return null;
        byte[] pub = recoverKey(compact, hash, recoveryId);
        return pub == null ? null : Ecdsa.address(Arrays.copyOfRange(pub, 1, 65));
    }

    private byte[] recoverKey(byte[] compact, byte[] hash, int id) {
        try {
            return lib.ecdsaRecover(compact, hash, id);
        } catch (Secp256k1Exception e) { // no point on the curve for this r and id: no signer
            return null;
        }
    }

    private static boolean fits(BigInteger v, byte[] into, int at) {
        if (v.signum() < 0 || v.bitLength() > 256) return false;
        System.arraycopy(Ecdsa.unsigned(v, 32), 0, into, at, 32);
        return true;
    }
}
