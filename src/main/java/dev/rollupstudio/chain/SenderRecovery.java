package dev.rollupstudio.chain;

import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import java.math.BigInteger;
import org.web3j.crypto.ECDSASignature;
import org.web3j.crypto.Sign;

/** secp256k1 public-key recovery (web3j / BouncyCastle) and the address it implies. */
public final class SenderRecovery {
    private SenderRecovery() {}

    public static Address recover(byte[] hash, int recoveryId, BigInteger r, BigInteger s) {
        BigInteger publicKey = Sign.recoverFromSignature(recoveryId, new ECDSASignature(r, s), hash);
        if (publicKey == null) return null;
        byte[] digest = Keccak.digest(Bytes.leftPad(Rlp.minimal(publicKey), 64));
        byte[] addr = new byte[20];
        System.arraycopy(digest, 12, addr, 0, 20);
        return Address.of(addr);
    }

}
