package dev.rollupstudio.wallet;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rollupstudio.chain.Eip55;
import dev.rollupstudio.types.Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.web3j.crypto.ECKeyPair;

/**
 * A folder of Ethereum keystores (Web3 Secret Storage, V3: scrypt and AES-128-CTR), one file per
 * account as geth names them, readable by the owner only. Keys exist unencrypted only in memory,
 * after {@link #unlock}; no message here ever carries a key or a password.
 */
public final class Keystore {
    /** scrypt's cost: geth's standard (N = 2^18, about a second and 256 MiB), or light (N = 2^12) where speed matters more. */
    public enum Strength { STANDARD, LIGHT }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter GETH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH-mm-ss.SSS'Z'");

    private final Path dir;
    private final Strength strength;

    public Keystore(Path dir, Strength strength) {
        this.dir = dir;
        this.strength = strength;
    }

    /** Encrypts {@code key} under {@code password} into a new file; returns the account's address. */
    public Address add(ECKeyPair key, String password) {
        requirePassword(password);
        Address a = Mnemonics.address(key);
        if (fileOf(a) != null) throw new IllegalArgumentException("the keystore already holds " + Eip55.checksum(a));
        write(SecretStorage.encrypt(key.getPrivateKey(), a, password, cost()), a);
        return a;
    }

    /**
     * Keeps an HD wallet: the mnemonic's entropy encrypted in {@code seed.json} (V3 shape, so the
     * same password and cost), and the first {@code accounts} keys at m/44'/60'/0'/0/i, each in its
     * own keystore file. Returns their addresses. A BIP-39 passphrase is not kept: it is asked again.
     */
    public List<Address> addMnemonic(String mnemonic, String passphrase, int accounts, String password) {
        requirePassword(password);
        if (accounts < 1 || accounts > 100) throw new IllegalArgumentException("keep 1 to 100 accounts of a mnemonic, not " + accounts);
        if (Files.exists(dir.resolve(SEED))) throw new IllegalArgumentException("the keystore already holds a mnemonic; use another folder for a second one");
        String words = Mnemonics.check(mnemonic);
        byte[] seed = Mnemonics.seed(words, passphrase);
        List<Address> out = new ArrayList<>();
        for (ECKeyPair k : Mnemonics.accounts(seed, 0, accounts)) {
            Address a = Mnemonics.address(k);
            if (fileOf(a) == null) add(k, password);
            out.add(a);
        }
        byte[] entropy = org.web3j.crypto.MnemonicUtils.generateEntropy(words);
        writeFile(SecretStorage.encrypt(entropy, out.get(0), password, cost()), SEED);
        java.util.Arrays.fill(entropy, (byte) 0);
        return out;
    }

    /** The kept mnemonic's words, decrypted with the password (shown once to write down, never stored elsewhere). */
    public String revealMnemonic(String password) {
        Path p = dir.resolve(SEED);
        if (!Files.exists(p)) throw new IllegalArgumentException("the keystore holds no mnemonic (its accounts were imported one by one)");
        ObjectNode w = read(p);
        byte[] entropy = SecretStorage.decryptBytes(w, password, "the mnemonic");
        try {
            return org.web3j.crypto.MnemonicUtils.generateMnemonic(entropy);
        } finally {
            java.util.Arrays.fill(entropy, (byte) 0);
        }
    }

    private static final String SEED = "seed.json";

    private int cost() {
        return strength == Strength.STANDARD ? SecretStorage.STANDARD_N : SecretStorage.LIGHT_N;
    }

    /** The accounts whose keystores the folder holds, in file order. */
    public List<Address> accounts() {
        List<Address> out = new ArrayList<>();
        for (Path p : files()) {
            try {
                out.add(SecretStorage.address(read(p)));
            } catch (IllegalArgumentException notOne) {
                // a stray file in the folder is not an account
            }
        }
        return out;
    }

    /** The key of {@code account}, decrypted with {@code password}; a wrong password says so and nothing else. */
    public ECKeyPair unlock(Address account, String password) {
        Path p = fileOf(account);
        if (p == null) throw new IllegalArgumentException("the keystore has no account " + Eip55.checksum(account) + "; see the wallet's accounts");
        return ECKeyPair.create(SecretStorage.decrypt(read(p), password, Eip55.checksum(account)));
    }

    /** Encrypts a private key given as 64 hex digits (0x optional); what is wrong with it is said without repeating it. */
    public Address addPrivateKey(String hex, String password) {
        String h = hex.strip();
        if (h.startsWith("0x") || h.startsWith("0X")) h = h.substring(2);
        if (!h.matches("[0-9a-fA-F]{64}")) throw new IllegalArgumentException("that is not a private key: 64 hex digits, optionally after 0x");
        java.math.BigInteger k = new java.math.BigInteger(h, 16);
        if (k.signum() == 0 || k.compareTo(org.web3j.crypto.Sign.CURVE_PARAMS.getN()) >= 0) {
            throw new IllegalArgumentException("that number is not a secp256k1 private key (it must be between 1 and the curve order)");
        }
        return add(ECKeyPair.create(k), password);
    }

    /** The account, ready to sign, after its password opens its keystore. */
    public UnlockedAccount unlockAccount(Address account, String password) {
        return new UnlockedAccount(unlock(account, password));
    }

    /** Adds a V3 keystore file made elsewhere (MetaMask, geth, Foundry), after checking its password opens it. */
    public Address importFile(Path file, String password) {
        ObjectNode w = read(file);
        Address a = SecretStorage.address(w);
        ECKeyPair key = ECKeyPair.create(SecretStorage.decrypt(w, password, Eip55.checksum(a)));
        if (!Mnemonics.address(key).equals(a)) {
            throw new IllegalArgumentException(file.getFileName() + " opens, but its key is not the key of the address it names; it was not imported");
        }
        if (fileOf(a) != null) throw new IllegalArgumentException("the keystore already holds " + Eip55.checksum(a));
        write(w, a);
        return a;
    }

    /** The keystore file of {@code account}, to copy elsewhere (still encrypted). */
    public Path export(Address account) {
        Path p = fileOf(account);
        if (p == null) throw new IllegalArgumentException("the keystore has no account " + Eip55.checksum(account));
        return p;
    }

    private static void requirePassword(String password) {
        if (password == null || password.length() < 8) throw new IllegalArgumentException("choose a password of at least 8 characters");
    }

    /** A file's JSON, once it has the V3 shape; otherwise why not, naming the file. */
    private static ObjectNode read(Path p) {
        Object json;
        try {
            json = JSON.readTree(p.toFile());
        } catch (IOException e) {
            json = null;
        }
        if (!(json instanceof ObjectNode o)) {
            throw new IllegalArgumentException(p.getFileName() + " is not an Ethereum keystore (V3 JSON): it does not read as one");
        }
        try {
            SecretStorage.address(o);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(p.getFileName() + " is " + bad.getMessage());
        }
        return o;
    }

    private void write(ObjectNode w, Address a) {
        writeFile(w, "UTC--" + ZonedDateTime.now(ZoneOffset.UTC).format(GETH_TIME) + "--" + a.toHex().substring(2));
    }

    /** Owner-only, and whole or not at all: written aside, then moved into place. */
    private void writeFile(ObjectNode w, String name) {
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".new-", ".json");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the user's profile folder is private already
            }
            JSON.writeValue(tmp.toFile(), w);
            Files.move(tmp, dir.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the keystore in " + dir + ": " + e.getMessage(), e);
        }
    }

    private Path fileOf(Address a) {
        String suffix = "--" + a.toHex().substring(2);
        return files().stream().filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(suffix)).findFirst().orElse(null);
    }

    private List<Path> files() {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("UTC--")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the keystore folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
