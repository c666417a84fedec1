package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;

/**
 * A validity proof of output {@code outputIndex} of chain {@code chainId}: that executing the
 * rollup's blocks up to {@code l2Block} gives {@code outputRoot}. A model: where a real prover
 * emits a SNARK, this carries a commitment binding those fields ({@code keccak256} over a domain
 * tag, the chain id, the block and the root), and L1's verifier re-checks the root itself
 * (see {@link ValidityProofs}).
 */
public record ValidityProof(long chainId, long outputIndex, long l2Block, Hash outputRoot, Address prover, long producedAtMillis, Hash commitment) {
    private static final byte[] DOMAIN = Keccak.digest("rollup-studio validity proof v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    /** What a prover emits for {@code output} after proving it. */
    public static ValidityProof of(OutputProposal output, Address prover, long nowMillis) {
        return new ValidityProof(output.chainId(), output.index(), output.l2BlockNumber(), output.outputRoot(), prover, nowMillis,
                commit(output.chainId(), output.l2BlockNumber(), output.outputRoot()));
    }

    /** Whether the commitment binds this proof's chain, block and root (a proof edited after it was made does not). */
    public boolean intact() {
        return commitment.equals(commit(chainId, l2Block, outputRoot));
    }

    private static Hash commit(long chainId, long l2Block, Hash outputRoot) {
        return Keccak.hash(Bytes.concat(DOMAIN, Abi.word(BigInteger.valueOf(chainId)), Abi.word(BigInteger.valueOf(l2Block)), outputRoot.raw()));
    }
}
