package dev.rollupstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `wallet address` derives and forgets; a wrong mnemonic is refused by what is wrong, without echoing the words. */
class WalletCliTest {
    static final String DEV = "test test test test test test test test test test test junk";

    @Test void derivesTheDevAccountsAndRefusesAWrongWordWithoutRepeatingIt() {
        String[] r = CliRun.run("wallet", "address", "--mnemonic", DEV, "--index", "2");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1].strip()).isEqualTo("m/44'/60'/0'/0/2    0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC");

        String[] bad = CliRun.run("wallet", "address", "--mnemonic", DEV.replace("junk", "junky"));
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2]).contains("word 12 is not in the BIP-39 English word list").doesNotContain("junky").doesNotContain("test test");
        assertThat(CliRun.run("wallet", "address", "--mnemonic", DEV, "--count", "101")[2]).contains("--count must be between 1 and 100");
    }
}
