package dev.rollupstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** `node` refuses what would be unsafe or wrong before it binds anything, each time saying what to change. */
class NodeCliTest {

    @Test
    void anAddressOtherMachinesReachNeedsAllowRemote() {
        String[] r = CliRun.run("node", "--host", "0.0.0.0", "--db", "none");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("--host 0.0.0.0 would let other machines reach the dev accounts").contains("--allow-remote");
    }

    @Test
    void badFlagsAreRefusedWithTheReason() {
        assertThat(CliRun.run("node", "--db", "none", "--mnemonic", "foo bar baz")[2]).contains("not a valid BIP-39 mnemonic");
        assertThat(CliRun.run("node", "--db", "none", "--balance", "0.0000000000000000001")[2]).contains("--balance: at most 18 decimals");
        assertThat(CliRun.run("node", "--db", "none", "--rollups", "17")[2]).contains("--rollups: 1 to 16");
        assertThat(CliRun.run("node", "--db", "none", "--block-time", "-5")[2]).contains("--block-time must be 0 (automine) or more");
        assertThat(CliRun.run("node", "--db", "none", "--port", "70000")[2]).contains("--port must be 0 to 65535");
    }
}
