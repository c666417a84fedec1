package dev.rollupstudio.wallet;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxEncoder;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.types.Address;
import java.math.BigInteger;
import org.web3j.crypto.ECKeyPair;

/**
 * An account whose key is in memory, able to sign: what {@link Keystore#unlock} gives. The key
 * never leaves this object, and its string form names the address only.
 */
public final class UnlockedAccount {
    private final ECKeyPair key;
    private final Address address;

    UnlockedAccount(ECKeyPair key) {
        this.key = key;
        this.address = Mnemonics.address(key);
    }

    /** A key with no funds anywhere, to sign fee previews with: its signature compresses as a real one does. */
    public static UnlockedAccount preview() {
        return new UnlockedAccount(ECKeyPair.create(BigInteger.valueOf(0x5eed)));
    }

    public Address address() {
        return address;
    }

    public Transaction sign(UnsignedTransaction u) {
        return TxEncoder.sign(u, key);
    }

    @Override public String toString() {
        return "unlocked " + address;
    }
}
