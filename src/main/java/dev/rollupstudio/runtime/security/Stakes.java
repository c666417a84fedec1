package dev.rollupstudio.runtime.security;

import dev.rollupstudio.runtime.config.OperatorConfig;
import dev.rollupstudio.types.Address;
import java.math.BigInteger;
import java.util.List;

/** Where a quorum reads each operator's stake from: the L1 registry on a running devnet, or the configured bonds. */
@FunctionalInterface
public interface Stakes {
    /** An operator's bonded ALT and restaked ETH now, in wei; zero when it has none that counts. */
    Stake of(Address operator);

    record Stake(BigInteger alt, BigInteger eth) {
        public static final Stake NONE = new Stake(BigInteger.ZERO, BigInteger.ZERO);
    }

    /** The bonds as configured, operator {@code i} at {@code addresses.get(i)}: for tests and tools without an L1. */
    static Stakes configured(List<OperatorConfig> configs, List<Address> addresses) {
        return a -> {
            int i = addresses.indexOf(a);
            return i < 0 ? Stake.NONE : new Stake(configs.get(i).bondAlt(), configs.get(i).restakedEth());
        };
    }
}
