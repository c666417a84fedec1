package dev.rollupstudio.cli;

import dev.rollupstudio.app.AppPaths;
import dev.rollupstudio.app.WalletChain;
import dev.rollupstudio.app.WalletService;
import dev.rollupstudio.app.WalletStaking;
import dev.rollupstudio.chain.Eip55;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Amount;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.wallet.Keystore;
import dev.rollupstudio.wallet.Mnemonics;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The wallet from the command line, on the same keystore folder as the studio. Secrets (the
 * password, a mnemonic, a private key) are read from a file or asked for without echo, never
 * taken as a plain flag, so they stay out of the shell's history and the process list.
 */
@Command(name = "wallet", mixinStandardHelpOptions = true, description = "Keys, balances, payments, deposits, withdrawals and staking (BIP-39, BIP-44 path m/44'/60'/0'/0/i, keystore V3).",
        subcommands = {WalletCommand.NewCmd.class, WalletCommand.ImportCmd.class, WalletCommand.ListCmd.class, WalletCommand.AddressCmd.class,
                WalletCommand.BalanceCmd.class, WalletCommand.SendCmd.class, WalletCommand.DepositCmd.class, WalletCommand.WithdrawCmd.class,
                WalletCommand.StakeCmd.class, WalletCommand.UnstakeCmd.class,
                WalletCommand.DelegateCmd.class, WalletCommand.UndelegateCmd.class, WalletCommand.ClaimCmd.class, WalletCommand.ExportCmd.class})
final class WalletCommand implements Runnable {
    @Override public void run() {
        picocli.CommandLine.usage(this, System.out);
    }

    /** Where the keystore is and how to get its password. */
    static final class KeystoreOptions {
        @Option(names = "--keystore", description = "keystore folder (default: the studio's, <data folder>/keystore)") Path dir;
        @Option(names = "--password-file", description = "read the password from this file's first line (default: ask)") Path passwordFile;
        @Option(names = "--lightkdf", description = "encrypt new keys with scrypt N=4096 instead of 262144 (faster, weaker; as geth's --lightkdf)") boolean light;

        Keystore keystore() {
            return new Keystore(dir != null ? dir : AppPaths.dataDir().resolve("keystore"), light ? Keystore.Strength.LIGHT : Keystore.Strength.STANDARD);
        }

        String password(String prompt) {
            return Secrets.password(passwordFile, prompt);
        }
    }

    /** Where the devnet's endpoints are. */
    static final class NodeOptions {
        @Option(names = "--rpc", defaultValue = "http://127.0.0.1:8545", description = "the rollup's JSON-RPC endpoint (default ${DEFAULT-VALUE})") String rpc;
        @Option(names = "--l1-rpc", description = "the L1's endpoint (default: the rollup's port + 1)") String l1Rpc;

        WalletService connect() {
            String l1 = l1Rpc;
            if (l1 == null) {
                java.net.URI u = java.net.URI.create(rpc);
                l1 = u.getScheme() + "://" + u.getHost() + ":" + (u.getPort() + 1) + (u.getPath() == null ? "" : u.getPath());
            }
            return WalletService.connect(l1, List.of(rpc));
        }
    }

    @Command(name = "new", mixinStandardHelpOptions = true, description = "Create an HD wallet from new BIP-39 words: shown once, confirmed, then kept encrypted.")
    static final class NewCmd implements Callable<Integer> {
        @Mixin KeystoreOptions ks;
        @Option(names = "--words", defaultValue = "12", description = "12 or 24 words (default ${DEFAULT-VALUE})") int words;
        @Option(names = "--accounts", defaultValue = "1", description = "accounts to derive and keep, 1 to 100 (default ${DEFAULT-VALUE})") int accounts;

        @Override public Integer call() {
            if (words != 12 && words != 24) throw new IllegalArgumentException("--words must be 12 or 24, not " + words);
            Flags.range("--accounts", accounts, 1, 100, "");
            Keystore keystore = ks.keystore();
            String password = ks.password("Password for the new wallet: ");
            String mnemonic = Mnemonics.generate(words);
            String[] w = mnemonic.split(" ");
            System.out.println("Write these " + words + " words down, in order, and keep them offline. They are shown once and are the only way to restore the wallet:\n");
            for (int i = 0; i < w.length; i++) System.out.printf("%2d. %-10s%s", i + 1, w[i], (i + 1) % 4 == 0 ? "\n" : "  ");
            System.out.println();
            java.security.SecureRandom random = new java.security.SecureRandom();
            int a = random.nextInt(words), b = (a + 1 + random.nextInt(words - 1)) % words;
            for (int i : new int[] {Math.min(a, b), Math.max(a, b)}) {
                String answer = Secrets.line("Confirm: word " + (i + 1) + "? ");
                if (!w[i].equals(answer.strip().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("word " + (i + 1) + " does not match; nothing was saved. Run `wallet new` again and write the words down carefully");
                }
            }
            List<Address> kept = keystore.addMnemonic(mnemonic, "", accounts, password);
            System.out.println("\nSaved, encrypted, " + kept.size() + (kept.size() == 1 ? " account" : " accounts") + ":");
            for (int i = 0; i < kept.size(); i++) System.out.printf("m/44'/60'/0'/0/%-4d %s%n", i, Eip55.checksum(kept.get(i)));
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true, description = "Import a mnemonic, a private key or a keystore file made elsewhere (asked for when no file is given).")
    static final class ImportCmd implements Callable<Integer> {
        @Mixin KeystoreOptions ks;
        @Option(names = "--mnemonic-file", description = "a file holding the BIP-39 words") Path mnemonicFile;
        @Option(names = "--passphrase-file", description = "a file holding the mnemonic's optional BIP-39 passphrase") Path passphraseFile;
        @Option(names = "--accounts", defaultValue = "1", description = "accounts of the mnemonic to keep, 1 to 100 (default ${DEFAULT-VALUE})") int accounts;
        @Option(names = "--key-file", description = "a file holding a private key (64 hex digits)") Path keyFile;
        @Option(names = "--keystore-file", description = "an Ethereum keystore (V3 JSON) file; the password is its own") Path keystoreFile;

        @Override public Integer call() {
            Flags.range("--accounts", accounts, 1, 100, "");
            int given = (mnemonicFile != null ? 1 : 0) + (keyFile != null ? 1 : 0) + (keystoreFile != null ? 1 : 0);
            if (given > 1) throw new IllegalArgumentException("give one of --mnemonic-file, --key-file and --keystore-file");
            Keystore keystore = ks.keystore();
            List<Address> added;
            if (keystoreFile != null) {
                added = List.of(keystore.importFile(keystoreFile, ks.password("Password of " + keystoreFile.getFileName() + ": ")));
            } else if (keyFile != null) {
                added = List.of(keystore.addPrivateKey(Secrets.fileLine(keyFile, "--key-file"), ks.password("Password to encrypt the key with: ")));
            } else {
                String words = mnemonicFile != null ? Secrets.fileText(mnemonicFile, "--mnemonic-file") : Secrets.hidden("Mnemonic (the words, separated by spaces): ", "there is no terminal to type the words at; give --mnemonic-file FILE");
                String passphrase = passphraseFile != null ? Secrets.fileLine(passphraseFile, "--passphrase-file") : "";
                Mnemonics.check(words);
                added = keystore.addMnemonic(words, passphrase, accounts, ks.password("Password to encrypt the wallet with: "));
            }
            for (Address a : added) System.out.println("imported " + Eip55.checksum(a));
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The accounts the keystore holds.")
    static final class ListCmd implements Callable<Integer> {
        @Mixin KeystoreOptions ks;

        @Override public Integer call() {
            List<Address> accounts = ks.keystore().accounts();
            if (accounts.isEmpty()) System.out.println("the keystore holds no account yet: `wallet new` or `wallet import`");
            for (int i = 0; i < accounts.size(); i++) System.out.printf("(%d) %s%n", i, Eip55.checksum(accounts.get(i)));
            return 0;
        }
    }

    @Command(name = "address", mixinStandardHelpOptions = true,
            description = "Print the EIP-55 addresses of a mnemonic, storing nothing (the words stay in your shell's history: use dev words only).")
    static final class AddressCmd implements Callable<Integer> {
        @Option(names = "--mnemonic", required = true, description = "the BIP-39 words, quoted") String mnemonic;
        @Option(names = "--index", defaultValue = "0", description = "the first account index (default ${DEFAULT-VALUE})") int index;
        @Option(names = "--count", defaultValue = "1", description = "how many accounts from there (default ${DEFAULT-VALUE}, at most 100)") int count;

        @Override public Integer call() {
            Flags.range("--index", index, 0, Integer.MAX_VALUE - 100, "");
            Flags.range("--count", count, 1, 100, " accounts");
            var keys = Mnemonics.accounts(Mnemonics.seed(mnemonic, ""), index, count);
            for (int i = 0; i < count; i++) {
                System.out.printf("m/44'/60'/0'/0/%-4d %s%n", index + i, Eip55.checksum(Mnemonics.address(keys.get(i))));
            }
            return 0;
        }
    }

    @Command(name = "balance", mixinStandardHelpOptions = true, description = "ETH and ALT of an account (default: each keystore account) on the L1 and the rollup.")
    static final class BalanceCmd implements Callable<Integer> {
        @Mixin KeystoreOptions ks;
        @Mixin NodeOptions node;
        @Parameters(arity = "0..1", description = "the address (EIP-55 checksum checked)") String address;

        @Override public Integer call() {
            List<Address> who = address != null ? List.of(Eip55.parse(address)) : ks.keystore().accounts();
            if (who.isEmpty()) throw new IllegalArgumentException("name an address, or keep an account in the keystore (`wallet new`)");
            WalletService w = node.connect();
            for (Address a : who) {
                System.out.println(Eip55.checksum(a));
                for (WalletService.Balance b : w.balances(a)) System.out.printf("  %-22s %28s  %28s%n", b.chain(), b.coin(), b.alt());
            }
            return 0;
        }
    }

    /** What signing needs: the account and a way to unlock its key. */
    abstract static class Signing implements Callable<Integer> {
        @Mixin KeystoreOptions ks;
        @Mixin NodeOptions node;
        @Option(names = "--from", required = true, description = "the sending account (in the keystore)") String from;

        /** Prints the preview, unlocks the key, sends, and waits for each receipt. */
        List<Hash> sendAndWait(WalletService w, WalletService.Prepared p) {
            WalletService.Quote q = p.quote();
            System.out.println(p.what());
            System.out.println("  fee, estimated: " + q.total().display() + " = L2 execution " + q.executionFee().display() + " + L1 data " + q.l1DataFee().display()
                    + " (" + q.gas() + " gas" + (p.txs().size() > 1 ? " in " + p.txs().size() + " transactions" : "") + ")");
            List<Hash> hashes = w.send(p, ks.keystore().unlockAccount(p.from(), ks.password("Password of " + Eip55.checksum(p.from()) + ": ")));
            for (Hash h : hashes) {
                WalletService.Sent s = w.history().stream().filter(x -> x.hash().equals(h)).findFirst().orElseThrow();
                WalletService.Progress pr = waitFor(w, s, 120);
                System.out.println("  " + h + ": " + pr.status().name().toLowerCase(Locale.ROOT) + " in block " + pr.block()
                        + (pr.l1Fee() != null ? ", L1 data fee " + pr.l1Fee().display() : ""));
                if (pr.status() == WalletService.Status.FAILED) throw new IllegalStateException("the transaction " + h + " failed on chain; see it in the explorer");
            }
            return hashes;
        }
    }

    /** What sending needs besides: the amount and token. */
    abstract static class Payment extends Signing {
        @Option(names = "--amount", required = true, description = "how much, in whole tokens (e.g. 1.5)") String amount;
        @Option(names = "--token", defaultValue = "ETH", description = "ETH or ALT (default ${DEFAULT-VALUE})") String token;

        Amount amount() {
            Amount.Token t = switch (token.toUpperCase(Locale.ROOT)) {
                case "ETH" -> Amount.Token.ETH;
                case "ALT" -> Amount.Token.ALT;
                default -> throw new IllegalArgumentException("--token must be ETH or ALT, not " + token);
            };
            return Amount.parse(amount, t);
        }
    }

    /** Sends what {@code prepare} makes of the account and the amount in ALT, then prints the account's stake. */
    abstract static class Staking extends Payment {
        abstract WalletService.Prepared prepare(WalletService w, Address sender, Amount alt);

        @Override public Integer call() {
            Address sender = Eip55.parse(from);
            WalletService w = node.connect();
            sendAndWait(w, prepare(w, sender, Amount.parse(amount, Amount.Token.ALT)));
            WalletStaking.Stake s = w.staking().stakeOf(sender);
            System.out.println("  staked: " + Amount.of(s.shares(), Amount.Token.ALT).display().replace("ALT", "stALT") + ", worth "
                    + Amount.of(s.worth(), Amount.Token.ALT).display() + "; unstaking: " + Amount.of(s.cooling(), Amount.Token.ALT).display());
            return 0;
        }
    }

    @Command(name = "stake", mixinStandardHelpOptions = true,
            description = "Stake ALT on L1 for stALT (the vault's ERC-4626 shares): rewards paid into the vault raise each share's worth.")
    static final class StakeCmd extends Staking {
        @Override WalletService.Prepared prepare(WalletService w, Address sender, Amount alt) {
            return w.staking().stake(sender, alt);
        }
    }

    @Command(name = "unstake", mixinStandardHelpOptions = true,
            description = "Start unstaking that much ALT: its stALT is burnt now and the ALT claimable after the 7-day cooldown (`wallet claim`).")
    static final class UnstakeCmd extends Staking {
        @Override WalletService.Prepared prepare(WalletService w, Address sender, Amount alt) {
            return w.staking().unstake(sender, alt);
        }
    }

    @Command(name = "delegate", mixinStandardHelpOptions = true,
            description = "Delegate ALT to a restaked operator's pool on L1: it counts in the operator's stake, and is lost with it if the operator is slashed.")
    static final class DelegateCmd extends Payment {
        @Option(names = "--to", required = true, description = "the operator (EIP-55 checksum checked)") String to;

        @Override public Integer call() {
            WalletService w = node.connect();
            sendAndWait(w, w.staking().delegate(Eip55.parse(from), Eip55.parse(to), Amount.parse(amount, Amount.Token.ALT)));
            return 0;
        }
    }

    @Command(name = "undelegate", mixinStandardHelpOptions = true,
            description = "Leave an operator's pool with that much ALT, claimable after the 7-day cooldown (`wallet claim`).")
    static final class UndelegateCmd extends Payment {
        @Option(names = "--to", required = true, description = "the operator delegated to") String to;

        @Override public Integer call() {
            WalletService w = node.connect();
            sendAndWait(w, w.staking().undelegate(Eip55.parse(from), Eip55.parse(to), Amount.parse(amount, Amount.Token.ALT)));
            return 0;
        }
    }

    @Command(name = "claim", mixinStandardHelpOptions = true, description = "Claim the ALT of every unstake and undelegation whose cooldown has passed.")
    static final class ClaimCmd extends Signing {
        @Override public Integer call() {
            Address sender = Eip55.parse(from);
            WalletService w = node.connect();
            sendAndWait(w, w.staking().claim(sender));
            return 0;
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true, description = "Send ETH or ALT on the L1 or the rollup, showing the fee split first.")
    static final class SendCmd extends Payment {
        @Option(names = "--to", required = true, description = "the recipient (EIP-55 checksum checked)") String to;
        @Option(names = "--chain", description = "chain id (default: the rollup)") Long chain;

        @Override public Integer call() {
            Amount a = amount();
            Address recipient = Eip55.parse(to);
            Address sender = Eip55.parse(from);
            WalletService w = node.connect();
            WalletChain c = chain == null ? w.rollups().get(0) : w.chain(chain);
            sendAndWait(w, w.transfer(sender, recipient, a, c));
            return 0;
        }
    }

    @Command(name = "deposit", mixinStandardHelpOptions = true, description = "Move ETH or ALT from the L1 to the rollup (ALT through the standard bridge) and wait for it there.")
    static final class DepositCmd extends Payment {
        @Override public Integer call() {
            Amount a = amount();
            Address sender = Eip55.parse(from);
            WalletService w = node.connect();
            WalletChain rollup = w.rollups().get(0);
            BigInteger before = balanceOn(w, rollup, sender, a);
            sendAndWait(w, w.deposit(sender, a, rollup));
            System.out.println("  waiting for the rollup to take the L1 block...");
            for (int i = 0; i < 600; i++) {
                if (balanceOn(w, rollup, sender, a).compareTo(before) > 0) {
                    System.out.println("  arrived on " + rollup + ": " + Amount.of(balanceOn(w, rollup, sender, a), a.token()));
                    return 0;
                }
                pause();
            }
            throw new IllegalStateException("the deposit landed on L1 but has not reached " + rollup + " after 2 minutes; is the node paused?");
        }
    }

    @Command(name = "withdraw", mixinStandardHelpOptions = true,
            description = "Move ETH or ALT from the rollup back to the L1: it is proven against an output, then finalized after the challenge window.")
    static final class WithdrawCmd extends Payment {
        @Option(names = "--wait", description = "follow the withdrawal's steps until it is finalized on L1") boolean await;

        @Override public Integer call() {
            Amount a = amount();
            Address sender = Eip55.parse(from);
            WalletService w = node.connect();
            List<Hash> h = sendAndWait(w, w.withdraw(sender, a, w.rollups().get(0)));
            WalletService.Sent s = w.history().stream().filter(x -> x.hash().equals(h.get(0))).findFirst().orElseThrow();
            String last = "";
            do {
                WalletService.WithdrawalSteps steps = w.withdrawalSteps(s);
                if (steps == null) throw new IllegalStateException("the transaction started no withdrawal");
                if (!steps.step().equals(last)) System.out.println("  withdrawal " + steps.withdrawal().shortHex() + ": " + (last = steps.step()));
                if (steps.finalized() || !await) return 0;
                pause();
            } while (true);
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Copy an account's keystore file (still encrypted) for another wallet.")
    static final class ExportCmd implements Callable<Integer> {
        @Mixin KeystoreOptions ks;
        @Parameters(index = "0", description = "the account") String address;
        @Option(names = "--to", required = true, description = "the file to write (refused if it exists)") Path to;

        @Override public Integer call() throws Exception {
            Path file = ks.keystore().export(Eip55.parse(address));
            Flags.writable("--to", to);
            if (java.nio.file.Files.exists(to)) throw new IllegalArgumentException("--to: " + to + " exists; choose a new file");
            java.nio.file.Files.copy(file, to);
            try {
                java.nio.file.Files.setPosixFilePermissions(to, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the folder's permissions
            }
            System.out.println("wrote " + to + " (keystore V3, encrypted with the account's password)");
            return 0;
        }
    }

    private static BigInteger balanceOn(WalletService w, WalletChain c, Address who, Amount a) {
        WalletService.Balance b = w.balances(who).stream().filter(x -> x.chain().equals(c)).findFirst().orElseThrow();
        return b.of(a.token()).units();
    }

    static WalletService.Progress waitFor(WalletService w, WalletService.Sent s, int seconds) {
        for (int i = 0; i < seconds * 5; i++) {
            WalletService.Progress p = w.progress(s);
            if (p.status() != WalletService.Status.PENDING) return p;
            pause();
        }
        throw new IllegalStateException(s.hash() + " is still pending after " + seconds + " s; is the node paused?");
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
