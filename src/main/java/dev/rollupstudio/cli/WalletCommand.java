package dev.rollupstudio.cli;

import dev.rollupstudio.chain.Eip55;
import dev.rollupstudio.wallet.Mnemonics;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The wallet from the command line; for now what needs no keystore: the addresses of a mnemonic. */
@Command(name = "wallet", mixinStandardHelpOptions = true, description = "Keys and accounts (BIP-39, BIP-44 path m/44'/60'/0'/0/i).",
        subcommands = {WalletCommand.AddressCmd.class})
final class WalletCommand implements Runnable {
    @Override public void run() {
        picocli.CommandLine.usage(this, System.out);
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
}
