package dev.rollupstudio.runtime.security;

import dev.rollupstudio.chain.Ecdsa;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;

/**
 * An operator's signed statement that L2 block {@code number} of chain {@code chainId} is
 * {@code blockHash} with state root {@code stateRoot}. Anyone can check it: the signer recovered
 * from the signature must be {@code operator}. Two attestations by one operator to different
 * blocks at one height are the evidence that slashes it.
 */
public record Attestation(Address operator, long chainId, long number, Hash blockHash, Hash stateRoot, Ecdsa.Signature signature) {
    private static final java.util.concurrent.atomic.AtomicBoolean DISAGREED = new java.util.concurrent.atomic.AtomicBoolean();
    private static final byte[] DOMAIN = Keccak.digest("rollup-studio MACH attestation v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    /**
     * What is signed: keccak256(domain || chainId || number || blockHash || stateRoot), each
     * number as 32 big-endian bytes (abi.encode's layout, so an L1 contract can check it).
     */
    public static byte[] digest(long chainId, long number, Hash blockHash, Hash stateRoot) {
        return Keccak.digest(Bytes.concat(DOMAIN, Ecdsa.unsigned(BigInteger.valueOf(chainId), 32), Ecdsa.unsigned(BigInteger.valueOf(number), 32),
                blockHash.raw(), stateRoot.raw()));
    }

    /**
     * Whether the signature is {@code operator}'s over this statement. libsecp256k1 checks it: MACH
     * operators sign every block, and BouncyCastle's recovery was about a tenth of a flash-layer
     * run's allocation and 7% of its CPU. A signature it refuses is checked again with BouncyCastle
     * before it counts as bad, since an earlier version saw, now and then, a full test run in which
     * libsecp256k1 refused every honest attestation (cause not found); the first disagreement is logged.
     */
    public boolean verifies() {
        byte[] digest = digest(chainId, number, blockHash, stateRoot);
        if (signedBy(Ecdsa.active(), digest)) return true;
        if (Ecdsa.active() == Ecdsa.bouncyCastle() || !signedBy(Ecdsa.bouncyCastle(), digest)) return false;
        if (DISAGREED.compareAndSet(false, true)) org.slf4j.LoggerFactory.getLogger(Attestation.class).warn("{} refused {}'s attestation to block {} of chain {}, which BouncyCastle accepts",
                Ecdsa.active().name(), operator, number, chainId);
        return true;
    }

    private boolean signedBy(Ecdsa ecdsa, byte[] digest) {
        return operator.equals(ecdsa.recover(digest, signature.recoveryId(), signature.r(), signature.s()));
    }
}
