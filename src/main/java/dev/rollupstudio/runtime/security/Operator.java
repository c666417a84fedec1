package dev.rollupstudio.runtime.security;

import dev.rollupstudio.runtime.config.OperatorConfig;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.wallet.DevAccounts;

/** A MACH operator with a secp256k1 key of its own ({@link DevAccounts#machOperator}: public, for a local devnet only). */
public final class Operator {
    private final OperatorConfig config;
    private final DevAccounts.Account key;

    Operator(OperatorConfig config, long chainId, int index) {
        this.config = config;
        this.key = DevAccounts.machOperator(chainId, index);
    }

    public OperatorConfig config() {
        return config;
    }

    public Address address() {
        return key.address();
    }

    /** Its signed statement that block {@code number} of {@code chainId} is {@code blockHash} with {@code stateRoot}. */
    public Attestation attest(long chainId, long number, Hash blockHash, Hash stateRoot) {
        return new Attestation(key.address(), chainId, number, blockHash, stateRoot, key.signHash(Attestation.digest(chainId, number, blockHash, stateRoot)));
    }

    @Override public String toString() {
        return config.name() + " (" + key.address() + ")";
    }
}
