package dev.rollupstudio.rpc;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.wallet.DevAccounts;
import java.util.LinkedHashMap;
import java.util.Map;

/** Signs for an account the node holds unlocked (the dev accounts), for eth_sendTransaction. */
@FunctionalInterface
public interface Signer {
    Transaction sign(UnsignedTransaction unsigned);

    /** The first {@code count} dev accounts, unlocked, in order (what eth_accounts lists). */
    static Map<Address, Signer> unlocked(DevAccounts keys, int count) {
        Map<Address, Signer> out = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(count, keys.size()); i++) {
            int index = i;
            out.put(keys.address(i), u -> keys.sign(index, u));
        }
        return out;
    }
}
