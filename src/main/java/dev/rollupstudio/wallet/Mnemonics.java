package dev.rollupstudio.wallet;

import dev.rollupstudio.types.Address;
import java.security.SecureRandom;
import java.util.List;
import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.MnemonicUtils;

/**
 * BIP-39 mnemonics and the BIP-32/44 accounts they hold (path m/44'/60'/0'/0/i, as MetaMask,
 * Anvil and Hardhat use), through web3j. A mnemonic that is wrong is refused with which word, or
 * which count, or that the checksum fails; never with the words themselves in the message.
 */
public final class Mnemonics {
    private static final int H = Bip32ECKeyPair.HARDENED_BIT;
    private static final List<String> WORDS = MnemonicUtils.getWords();

    private Mnemonics() {}

    /** A new mnemonic of 12 or 24 words from the system's secure random source. */
    public static String generate(int words) {
        if (words != 12 && words != 24) throw new IllegalArgumentException("a new wallet has 12 or 24 words, not " + words);
        byte[] entropy = new byte[words == 12 ? 16 : 32];
        new SecureRandom().nextBytes(entropy);
        return MnemonicUtils.generateMnemonic(entropy);
    }

    /** The words, normalised (lower case, single spaces), or the reason they are not a BIP-39 mnemonic. */
    public static String check(String mnemonic) {
        String m = mnemonic == null ? "" : mnemonic.trim().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        String[] words = m.isEmpty() ? new String[0] : m.split(" ");
        if (!List.of(12, 15, 18, 21, 24).contains(words.length)) {
            throw new IllegalArgumentException("a mnemonic has 12, 15, 18, 21 or 24 words; this one has " + words.length);
        }
        for (int i = 0; i < words.length; i++) {
            if (!WORDS.contains(words[i])) {
                throw new IllegalArgumentException("word " + (i + 1) + " is not in the BIP-39 English word list; check its spelling");
            }
        }
        if (!MnemonicUtils.validateMnemonic(m)) {
            throw new IllegalArgumentException("the words are all in the list but their checksum fails: a word is wrong or out of order");
        }
        return m;
    }

    /** The 64-byte BIP-39 seed of a checked mnemonic and an optional passphrase ("" for none). */
    public static byte[] seed(String mnemonic, String passphrase) {
        return MnemonicUtils.generateSeed(check(mnemonic), passphrase == null ? "" : passphrase);
    }

    /** The key at m/44'/60'/0'/0/{@code index} of a seed. */
    public static Bip32ECKeyPair account(byte[] seed, int index) {
        return accounts(seed, index, 1).get(0);
    }

    /** The keys at m/44'/60'/0'/0/{@code from} onwards; the path's parent is derived once. */
    public static List<Bip32ECKeyPair> accounts(byte[] seed, int from, int count) {
        if (from < 0) throw new IllegalArgumentException("an account index is 0 or more, got " + from);
        Bip32ECKeyPair parent = Bip32ECKeyPair.deriveKeyPair(Bip32ECKeyPair.generateKeyPair(seed), new int[] {44 | H, 60 | H, H, 0});
        List<Bip32ECKeyPair> out = new java.util.ArrayList<>(count);
        for (int i = from; i < from + count; i++) out.add(Bip32ECKeyPair.deriveKeyPair(parent, new int[] {i}));
        return out;
    }

    /** The address at m/44'/60'/0'/0/{@code index}, computed and forgotten (`wallet address --mnemonic`). */
    public static Address address(String mnemonic, String passphrase, int index) {
        return address(account(seed(mnemonic, passphrase), index));
    }

    /** The address of a key. */
    public static Address address(org.web3j.crypto.ECKeyPair key) {
        return Address.fromHex(Keys.getAddress(key));
    }
}
