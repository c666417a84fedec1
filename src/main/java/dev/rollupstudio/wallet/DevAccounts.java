package dev.rollupstudio.wallet;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.util.ArrayList;
import java.util.List;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * The well-known development keys: BIP-39 mnemonic "test test ... junk", BIP-44 path
 * m/44'/60'/0'/0/i, the same accounts Anvil and Hardhat fund, so every tool finds them.
 */
public final class DevAccounts {
    public static final String MNEMONIC = "test test test test test test test test test test test junk";

    private final List<ECKeyPair> keys;
    private final List<Address> addresses;

    private DevAccounts(List<ECKeyPair> keys) {
        this.keys = List.copyOf(keys);
        List<Address> a = new ArrayList<>();
        for (ECKeyPair k : keys) a.add(Address.fromHex(Keys.getAddress(k)));
        this.addresses = List.copyOf(a);
    }

    /**
     * The first {@code count} addresses of a mnemonic, derived once: every flash layer's genesis
     * funds them, and deriving 100 keys costs 20-60 ms of CPU when warm. Keyed by a hash, so no
     * mnemonic is kept here; the addresses are public.
     */
    public static List<Address> addresses(String mnemonic, int count) {
        Hash key = dev.rollupstudio.chain.Keccak.hash((count + " " + mnemonic).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        List<Address> known = ADDRESSES.get(key);
        if (known != null) return known;
        List<Address> derived = derive(mnemonic, count).addresses();
        if (ADDRESSES.size() >= 16) ADDRESSES.clear(); // a handful of mnemonics at most; never grows without bound
        ADDRESSES.put(key, derived);
        return derived;
    }

    private static final java.util.Map<Hash, List<Address>> ADDRESSES = new java.util.concurrent.ConcurrentHashMap<>();

    public static DevAccounts derive(int count) {
        return derive(MNEMONIC, count);
    }

    /** The first {@code count} accounts of another BIP-39 mnemonic (its checksum checked), on the same path. */
    public static DevAccounts derive(String mnemonic, int count) {
        String words;
        try {
            words = Mnemonics.check(mnemonic);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a valid BIP-39 mnemonic: " + e.getMessage());
        }
        return new DevAccounts(new ArrayList<>(Mnemonics.accounts(Mnemonics.seed(words, ""), 0, count)));
    }

    /** A signing key and its address. */
    public record Account(ECKeyPair key, Address address) {
        public dev.rollupstudio.chain.Transaction sign(dev.rollupstudio.chain.UnsignedTransaction u) {
            return dev.rollupstudio.chain.TxEncoder.sign(u, key);
        }

        /** Signs a 32-byte hash (an attestation's digest, say), with BouncyCastle, whose recovery id comes off the nonce point: no search by recovery. */
        public dev.rollupstudio.chain.Ecdsa.Signature signHash(byte[] hash) {
            return dev.rollupstudio.chain.Ecdsa.bouncyCastle().sign(hash, key);
        }

        @Override public String toString() {
            return address.toString(); // never the key
        }
    }

    /**
     * The key of MACH operator {@code index} of chain {@code chainId}: it follows from both, so it
     * is public like the dev accounts' and the relayer's, for a local devnet only.
     */
    public static Account machOperator(long chainId, int index) {
        return account(new java.math.BigInteger(1, dev.rollupstudio.chain.Keccak.digest(
                ("rollup-studio MACH operator " + chainId + " " + index).getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    }

    /** The key of VITAL operator {@code index} of chain {@code chainId}: public like MACH operators', for a local devnet only. */
    public static Account vitalOperator(long chainId, int index) {
        return account(new java.math.BigInteger(1, dev.rollupstudio.chain.Keccak.digest(
                ("rollup-studio VITAL operator " + chainId + " " + index).getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    }

    private static final Account RELAYER = account(new java.math.BigInteger(1,
            dev.rollupstudio.chain.Keccak.digest("rollup-studio withdrawal relayer".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));

    /**
     * The account the runtime's withdrawal relayer signs its L1 transactions with (proofs and
     * finalisations). Its key is public, like the dev accounts': for a local devnet only.
     */
    public static Account relayer() {
        return RELAYER;
    }

    /** The relayer of a further rollup on the same L1 (each rollup's relayer has its own nonces); public like the others. */
    public static Account relayer(long chainId) {
        return account(new java.math.BigInteger(1, dev.rollupstudio.chain.Keccak.digest(
                ("rollup-studio withdrawal relayer " + chainId).getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    }

    private static Account account(java.math.BigInteger privateKey) {
        ECKeyPair k = ECKeyPair.create(privateKey);
        return new Account(k, Address.fromHex(Keys.getAddress(k)));
    }

    public int size() {
        return keys.size();
    }

    public ECKeyPair key(int i) {
        return keys.get(i);
    }

    /** Dev account {@code i}, ready to sign (its key is public anyway). */
    public UnlockedAccount unlocked(int i) {
        return new UnlockedAccount(key(i));
    }

    public Address address(int i) {
        return addresses.get(i);
    }

    /** The i-th private key as 0x and 64 hex digits, for the node's banner (these keys are public knowledge). */
    public String privateKeyHex(int i) {
        return "0x" + org.web3j.utils.Numeric.toHexStringNoPrefixZeroPadded(keys.get(i).getPrivateKey(), 64);
    }

    /** Signs with the i-th key. */
    public dev.rollupstudio.chain.Transaction sign(int i, dev.rollupstudio.chain.UnsignedTransaction u) {
        return dev.rollupstudio.chain.TxEncoder.sign(u, keys.get(i));
    }

    public List<Address> addresses() {
        return addresses;
    }
}
