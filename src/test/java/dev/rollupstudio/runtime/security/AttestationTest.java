package dev.rollupstudio.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.chain.Ecdsa;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Operators' attestations check out under the active implementation, and altered ones do not. */
class AttestationTest {
    private static Hash hash(String s) {
        return Keccak.hash(s.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test void signedAttestationsVerifyAndAlteredOnesDoNot() {
        for (int i = 0; i < 500; i++) {
            DevAccounts.Account key = DevAccounts.machOperator(904, i % 10);
            Hash block = hash("block " + i), root = hash("root " + i);
            Ecdsa.Signature sig = key.signHash(Attestation.digest(904, i, block, root));
            assertThat(new Attestation(key.address(), 904, i, block, root, sig).verifies()).as("attestation %d", i).isTrue();
            assertThat(new Attestation(key.address(), 904, i + 1, block, root, sig).verifies()).as("another height").isFalse();
            assertThat(new Attestation(key.address(), 905, i, block, root, sig).verifies()).as("another chain").isFalse();
            assertThat(new Attestation(key.address(), 904, i, root, block, sig).verifies()).as("another block").isFalse();
            assertThat(new Attestation(DevAccounts.machOperator(904, 10).address(), 904, i, block, root, sig).verifies()).as("another signer").isFalse();
            Ecdsa.Signature flipped = new Ecdsa.Signature(sig.recoveryId() ^ 1, sig.r(), sig.s());
            assertThat(new Attestation(key.address(), 904, i, block, root, flipped).verifies()).as("the other recovery id").isFalse();
        }
    }

    @Test void aSignatureOffTheCurveIsRefusedNotThrown() {
        DevAccounts.Account key = DevAccounts.machOperator(904, 0);
        Hash block = hash("b"), root = hash("r");
        Ecdsa.Signature junk = new Ecdsa.Signature(0, BigInteger.ZERO, BigInteger.ONE);
        assertThat(new Attestation(key.address(), 904, 1, block, root, junk).verifies()).isFalse();
    }
}
