package dev.rollupstudio.runtime.security;

import dev.rollupstudio.runtime.config.OperatorConfig;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.wallet.DevAccounts;

/**
 * A restaked operator with a secp256k1 key of its own ({@link DevAccounts#machOperator},
 * {@link DevAccounts#vitalOperator}: public, for a local devnet only).
 */
public final class Operator {
    private final OperatorConfig config;
    private final DevAccounts.Account key;

    Operator(OperatorConfig config, DevAccounts.Account key) {
        this.config = config;
        this.key = key;
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

    /** Its signed verdict on output {@code outputIndex} of {@code chainId}: whether {@code outputRoot} is right for {@code l2Block}. */
    public OutputCheck check(long chainId, long outputIndex, long l2Block, Hash outputRoot, boolean valid) {
        return new OutputCheck(key.address(), chainId, outputIndex, l2Block, outputRoot, valid,
                key.signHash(OutputCheck.digest(chainId, outputIndex, l2Block, outputRoot, valid)));
    }

    @Override public String toString() {
        return config.name() + " (" + key.address() + ")";
    }
}
