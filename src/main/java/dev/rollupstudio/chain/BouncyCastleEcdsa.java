package dev.rollupstudio.chain;

import dev.rollupstudio.types.Address;
import java.math.BigInteger;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/** secp256k1 through web3j (BouncyCastle): pure Java, runs anywhere. */
final class BouncyCastleEcdsa implements Ecdsa {
    static final BouncyCastleEcdsa INSTANCE = new BouncyCastleEcdsa();

    private BouncyCastleEcdsa() {}

    @Override public String name() {
        return "bouncycastle";
    }

    @Override public Signature sign(byte[] hash, ECKeyPair key) {
        Sign.SignatureData sig = Sign.signMessage(hash, key, false);
        return new Signature((sig.getV()[0] & 0xff) - 27, new BigInteger(1, sig.getR()), new BigInteger(1, sig.getS()));
    }

    @Override public Address recover(byte[] hash, int recoveryId, BigInteger r, BigInteger s) {
        BigInteger publicKey;
        try {
            publicKey = Sign.recoverFromSignature(recoveryId, new ECDSASignature(r, s), hash);
        } catch (IllegalArgumentException e) { // r names no point on the curve: no signer
            return null;
        }
        return publicKey == null ? null : Ecdsa.address(Ecdsa.unsigned(publicKey, 64));
    }
}
