package dev.rollupstudio.runtime.security;

import dev.rollupstudio.chain.Ecdsa;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;

/**
 * A VITAL operator's signed verdict on an output: whether {@code outputRoot}, proposed as output
 * {@code outputIndex} for L2 block {@code l2Block} of chain {@code chainId}, is what the rollup's
 * blocks derived from L1 data give. Anyone can check the signer is {@code operator}.
 */
public record OutputCheck(Address operator, long chainId, long outputIndex, long l2Block, Hash outputRoot, boolean valid, Ecdsa.Signature signature) {
    private static final byte[] DOMAIN = Keccak.digest("rollup-studio VITAL output check v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    /** What is signed: keccak256(domain || chainId || outputIndex || l2Block || outputRoot || valid), abi.encode's layout. */
    public static byte[] digest(long chainId, long outputIndex, long l2Block, Hash outputRoot, boolean valid) {
        return Keccak.digest(Bytes.concat(DOMAIN, Abi.word(BigInteger.valueOf(chainId)), Abi.word(BigInteger.valueOf(outputIndex)),
                Abi.word(BigInteger.valueOf(l2Block)), outputRoot.raw(), Abi.word(valid ? BigInteger.ONE : BigInteger.ZERO)));
    }

    /** Whether the signature is {@code operator}'s over this verdict (BouncyCastle, as for MACH: see {@link Attestation#verifies}). */
    public boolean verifies() {
        Address signer = Ecdsa.bouncyCastle().recover(digest(chainId, outputIndex, l2Block, outputRoot, valid), signature.recoveryId(), signature.r(), signature.s());
        return operator.equals(signer);
    }
}
