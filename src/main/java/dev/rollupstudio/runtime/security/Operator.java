package dev.rollupstudio.runtime.security;

import dev.rollupstudio.chain.Ecdsa;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.runtime.config.OperatorConfig;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * A MACH operator with a secp256k1 key of its own. The key follows from the chain id and the
 * operator's place, so it is public knowledge like the dev accounts' and the relayer's: for a
 * local devnet only, never logged or shown.
 */
public final class Operator {
    private final OperatorConfig config;
    private final ECKeyPair key;
    private final Address address;

    Operator(OperatorConfig config, long chainId, int index) {
        this.config = config;
        this.key = ECKeyPair.create(new BigInteger(1, Keccak.digest(("rollup-studio MACH operator " + chainId + " " + index).getBytes(StandardCharsets.US_ASCII))));
        this.address = Address.fromHex(Keys.getAddress(key));
    }

    public OperatorConfig config() {
        return config;
    }

    public Address address() {
        return address;
    }

    /** Its signed statement that block {@code number} of {@code chainId} is {@code blockHash} with {@code stateRoot}. */
    public Attestation attest(long chainId, long number, Hash blockHash, Hash stateRoot) {
        Ecdsa.Signature sig = Ecdsa.active().sign(Attestation.digest(chainId, number, blockHash, stateRoot), key);
        return new Attestation(address, chainId, number, blockHash, stateRoot, sig);
    }

    @Override public String toString() {
        return config.name() + " (" + address + ")"; // never the key
    }
}
