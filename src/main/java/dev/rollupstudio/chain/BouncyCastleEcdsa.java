package dev.rollupstudio.chain;

import dev.rollupstudio.types.Address;
import java.math.BigInteger;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Sign;

/** secp256k1 through web3j (BouncyCastle): pure Java, runs anywhere. */
final class BouncyCastleEcdsa implements Ecdsa {
    static final BouncyCastleEcdsa INSTANCE = new BouncyCastleEcdsa();
    private static final ECDomainParameters CURVE = new ECDomainParameters(Sign.CURVE_PARAMS);
    private static final BigInteger N = CURVE.getN();
    private static final BigInteger HALF_N = N.shiftRight(1);

    private BouncyCastleEcdsa() {}

    @Override public String name() {
        return "bouncycastle";
    }

    /**
     * web3j's signature (RFC 6979 nonce, low s) with the recovery id read off the nonce point R:
     * the parity of its y, plus 2 when its x overflowed n. web3j finds the id by recovering the
     * key up to four times, which cost several times the signing itself.
     */
    @Override public Signature sign(byte[] hash, ECKeyPair key) {
        BigInteger d = key.getPrivateKey();
        BigInteger e = new BigInteger(1, hash); // 256 bits, n's length: used whole, as ECDSASigner does
        HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
        nonces.init(N, d, hash);
        while (true) {
            BigInteger k = nonces.nextK();
            ECPoint nonce = new FixedPointCombMultiplier().multiply(CURVE.getG(), k).normalize();
            BigInteger x = nonce.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(N);
            if (r.signum() == 0) continue;
            BigInteger s = k.modInverse(N).multiply(e.add(d.multiply(r))).mod(N);
            if (s.signum() == 0) continue;
            int id = (nonce.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(N) >= 0 ? 2 : 0);
            if (s.compareTo(HALF_N) > 0) return new Signature(id ^ 1, r, N.subtract(s)); // -s signs with -R: y flips
            return new Signature(id, r, s);
        }
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
