package dev.rollupstudio.rpc;

import dev.rollupstudio.chain.TxEncoder;
import dev.rollupstudio.types.Address;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts an endpoint sends for without their keys (anvil_impersonateAccount): a test can act
 * as a whale or a contract. Their transactions carry a placeholder signature and an assumed sender.
 */
final class Impersonation {
    private final Set<Address> accounts = ConcurrentHashMap.newKeySet();
    private volatile boolean everyone;

    void start(Address a) {
        accounts.add(a);
    }

    void stop(Address a) {
        accounts.remove(a);
    }

    /** anvil_autoImpersonateAccount: every sender is taken as given. */
    void everyone(boolean on) {
        everyone = on;
    }

    /** A signer for {@code from} when it is impersonated, else null. */
    Signer signerFor(Address from) {
        return everyone || accounts.contains(from) ? u -> TxEncoder.impersonated(u, from) : null;
    }
}
