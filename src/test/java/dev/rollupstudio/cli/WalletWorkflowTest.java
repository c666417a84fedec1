package dev.rollupstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.rpc.DevnetFixture;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.sim.Pace;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The `wallet` commands against a running devnet, as a user would type them: import a key,
 * read balances, deposit ALT through the bridge, send it on the rollup with the fee split shown,
 * withdraw it back to L1 through every step, and create a wallet from new words confirmed by the
 * user. Each bad input is refused with what to do, sends nothing, and no output ever holds the
 * key, the words or the password.
 */
class WalletWorkflowTest {
    /** Dev account 5's key: funded with ETH and ALT on the devnet, and in no keystore yet. */
    static final String KEY = "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba";
    static final String ACCOUNT = "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc";
    static final String DEV2 = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    static final String PASSWORD = "correct horse battery";
    static DevnetFixture devnet;
    static final List<String> everything = new ArrayList<>();

    @TempDir static Path dir;

    @BeforeAll static void start() {
        RuntimeOptions o = RuntimeOptions.defaults().withPace(Pace.realtime(20));
        devnet = new DevnetFixture(true, o.withRollup(o.rollup().withChallengeWindowSeconds(12)));
    }

    /** The secret scan: no output of any command (standard output or error), nor any keystore file, holds the key or the password. */
    @AfterAll static void stopAndScan() throws Exception {
        devnet.close();
        for (String text : everything) assertThat(text).doesNotContain(KEY.substring(2)).doesNotContain(PASSWORD);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.getParent().getFileName().toString().startsWith("keys")).toList()) {
                assertThat(Files.readString(f)).doesNotContain(KEY.substring(2)).doesNotContain(PASSWORD);
            }
        }
    }

    private static String[] wallet(String... args) {
        List<String> a = new ArrayList<>(List.of("wallet"));
        a.addAll(List.of(args));
        String[] r = CliRun.run(a.toArray(String[]::new));
        everything.add(r[1]);
        everything.add(r[2]);
        return r;
    }

    private static String[] node(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--keystore", dir.resolve("keys").toString(), "--password-file", dir.resolve("password").toString(),
                "--rpc", devnet.rollupUrl(), "--l1-rpc", devnet.l1Url()));
        return wallet(a.toArray(String[]::new));
    }

    @Test void importBalanceDepositSendAndWithdrawAltThroughTheEndpoint() throws Exception {
        Files.writeString(dir.resolve("password"), PASSWORD + "\n");
        Files.writeString(dir.resolve("key"), KEY + "\n");
        String[] imported = wallet("import", "--key-file", dir.resolve("key").toString(), "--keystore", dir.resolve("keys").toString(),
                "--password-file", dir.resolve("password").toString(), "--lightkdf");
        assertThat(imported[0]).as(imported[2]).isEqualTo("0");
        assertThat(imported[1].strip()).isEqualTo("imported " + ACCOUNT);
        assertThat(wallet("list", "--keystore", dir.resolve("keys").toString())[1].strip()).isEqualTo("(0) " + ACCOUNT);

        String[] balance = node("balance");
        assertThat(balance[0]).as(balance[2]).isEqualTo("0");
        assertThat(balance[1]).contains("L1 (chain 900)").contains("10000 ETH").contains("1000000 ALT").contains("rollup 901 (chain 901)").contains("0 ALT");

        String[] deposit = node("deposit", "--from", ACCOUNT, "--amount", "100", "--token", "ALT");
        assertThat(deposit[0]).as(deposit[2]).isEqualTo("0");
        assertThat(deposit[1]).contains("deposit 100 ALT to rollup 901").contains("L1 data 0 ETH").contains("in 2 transactions")
                .contains("arrived on rollup 901 (chain 901): 100 ALT");

        String[] send = node("send", "--from", ACCOUNT, "--to", DEV2, "--amount", "25.5", "--token", "ALT");
        assertThat(send[0]).as(send[2]).isEqualTo("0");
        assertThat(send[1]).contains("send 25.5 ALT to " + DEV2 + " on rollup 901").containsPattern("fee, estimated: ~?[0-9.]+ ETH = L2 execution ~?[0-9.]+ ETH \\+ L1 data ~?[0-9.]+ ETH")
                .containsPattern("included in block \\d+, L1 data fee ~?[0-9.]+ ETH");
        assertThat(node("balance", DEV2)[1]).contains("25.5 ALT");

        String[] withdraw = node("withdraw", "--from", ACCOUNT, "--amount", "10", "--token", "ALT", "--wait");
        assertThat(withdraw[0]).as(withdraw[2]).isEqualTo("0");
        assertThat(withdraw[1]).contains("initiated; waiting for an output").contains("finalized");
        assertThat(withdraw[1].indexOf("finalized")).isGreaterThan(withdraw[1].indexOf("proven"));
        String after = node("balance")[1];
        assertThat(after).contains("999910 ALT").contains("64.5 ALT"); // L1: 1,000,000 - 100 + 10; rollup: 100 - 25.5 - 10
    }

    @Test void onARollupWhoseGasIsAltTheWalletDepositsSendsAndPaysFeesInAlt() throws Exception {
        RuntimeOptions o = RuntimeOptions.defaults().withPace(Pace.realtime(20));
        var fees = o.rollup().fees().withFeeToken(new dev.rollupstudio.runtime.config.FeeToken("ALT", 20_000, 1, dev.rollupstudio.contracts.Alt.L1_TOKEN));
        try (DevnetFixture alt = new DevnetFixture(true, o.withRollup(o.rollup().withFees(fees)))) {
            Files.writeString(dir.resolve("pw4"), PASSWORD + "\n");
            Files.writeString(dir.resolve("key7"), "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356\n");
            String keys = dir.resolve("keys-alt").toString();
            wallet("import", "--key-file", dir.resolve("key7").toString(), "--keystore", keys, "--password-file", dir.resolve("pw4").toString(), "--lightkdf");
            String from = "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955";
            List<String> common = List.of("--keystore", keys, "--password-file", dir.resolve("pw4").toString(), "--rpc", alt.rollupUrl(), "--l1-rpc", alt.l1Url());
            assertThat(run(common, "balance")[1]).contains("rollup 901 (chain 901)").contains("10000 ALT"); // the native coin is ALT
            String[] deposit = run(common, "deposit", "--from", from, "--amount", "100", "--token", "ALT");
            assertThat(deposit[0]).as(deposit[2]).isEqualTo("0");
            assertThat(deposit[1]).contains("arrived on rollup 901 (chain 901): 10100 ALT");
            String[] send = run(common, "send", "--from", from, "--to", DEV2, "--amount", "5", "--token", "ALT");
            assertThat(send[0]).as(send[2]).isEqualTo("0");
            assertThat(send[1]).containsPattern("fee, estimated: ~?[0-9.]+ ALT = L2 execution ~?[0-9.]+ ALT \\+ L1 data ~?[0-9.]+ ALT")
                    .containsPattern("L1 data fee ~?[0-9.]+ ALT");
            assertThat(run(common, "send", "--from", from, "--to", DEV2, "--amount", "1")[2]).contains("rollup 901 has no ETH: its native coin is ALT");
            assertThat(run(common, "deposit", "--from", from, "--amount", "1")[2]).contains("rollup 901 has no ETH");
        }
    }

    @Test void stakeAltForStAltUnstakeAndClaimOnlyAfterTheCooldown() throws Exception {
        Files.writeString(dir.resolve("pw9"), PASSWORD + "\n");
        Files.writeString(dir.resolve("key9"), "0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6\n");
        String keys = dir.resolve("keys-stake").toString();
        wallet("import", "--key-file", dir.resolve("key9").toString(), "--keystore", keys, "--password-file", dir.resolve("pw9").toString(), "--lightkdf");
        String from = "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720";
        List<String> common = List.of("--keystore", keys, "--password-file", dir.resolve("pw9").toString(), "--rpc", devnet.rollupUrl(), "--l1-rpc", devnet.l1Url());
        String[] stake = run(common, "stake", "--from", from, "--amount", "1000");
        assertThat(stake[0]).as(stake[2]).isEqualTo("0");
        assertThat(stake[1]).contains("stake 1000 ALT for stALT").contains("in 2 transactions").contains("staked: 1000 stALT, worth 1000 ALT; unstaking: 0 ALT");
        String[] unstake = run(common, "unstake", "--from", from, "--amount", "400");
        assertThat(unstake[0]).as(unstake[2]).isEqualTo("0");
        assertThat(unstake[1]).contains("staked: 600 stALT, worth 600 ALT; unstaking: 400 ALT");
        String[] early = run(common, "claim", "--from", from);
        assertThat(early[0]).isNotEqualTo("0");
        assertThat(early[2]).contains("nothing to claim yet").contains("(the cooldown is 7 days)");
        assertThat(run(common, "balance", from)[1]).contains("999000 ALT"); // L1: 1,000,000 - 1,000 staked
        assertThat(run(common, "unstake", "--from", from, "--amount", "601")[2]).contains("has staked 600 ALT, less than 601 ALT");
        // this devnet's rollup has no restaked operators: a delegation to anyone is refused, naming why
        assertThat(run(common, "delegate", "--from", from, "--to", DEV2, "--amount", "10")[2]).contains(DEV2 + " is not a registered operator");
    }

    @Test void aDelegationToAMachOperatorCountsInItsStakeUntilUndelegated() throws Exception {
        var mach = dev.rollupstudio.app.SpecRuntimes.options(dev.rollupstudio.spec.Presets.get("zk-eigenda-mach"), dev.rollupstudio.spec.Prices.defaults(),
                RuntimeOptions.defaults().withPace(Pace.realtime(20)));
        try (DevnetFixture d = new DevnetFixture(true, mach)) {
            Files.writeString(dir.resolve("pw8"), PASSWORD + "\n");
            Files.writeString(dir.resolve("key8"), "0xdbda1821b80551c9d65939329250298aa3472ba22feea921c0cf5d620ea67b97\n");
            String keys = dir.resolve("keys-delegate").toString();
            wallet("import", "--key-file", dir.resolve("key8").toString(), "--keystore", keys, "--password-file", dir.resolve("pw8").toString(), "--lightkdf");
            String from = "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f";
            String operator = dev.rollupstudio.chain.Eip55.checksum(dev.rollupstudio.wallet.DevAccounts.machOperator(903, 0).address());
            List<String> common = List.of("--keystore", keys, "--password-file", dir.resolve("pw8").toString(), "--rpc", d.rollupUrl(), "--l1-rpc", d.l1Url());
            String[] delegate = run(common, "delegate", "--from", from, "--to", operator, "--amount", "2500");
            assertThat(delegate[0]).as(delegate[2]).isEqualTo("0");
            assertThat(delegate[1]).contains("delegate 2500 ALT to operator " + operator).contains("in 2 transactions");
            var rpc = new dev.rollupstudio.wallet.RpcClient(d.l1Url());
            byte[] stake = rpc.call(dev.rollupstudio.chain.Eip55.parse(from), dev.rollupstudio.contracts.OperatorRegistry.ADDRESS,
                    dev.rollupstudio.chain.abi.Abi.call("stakeOf(address)", dev.rollupstudio.chain.Eip55.parse(operator)));
            BigInteger alt = BigInteger.TEN.pow(18);
            assertThat(dev.rollupstudio.chain.abi.Abi.uint(stake, 0)).isEqualTo(alt.multiply(BigInteger.valueOf(100_000 + 2_500))); // bond + delegation
            String[] undelegate = run(common, "undelegate", "--from", from, "--to", operator, "--amount", "1000");
            assertThat(undelegate[0]).as(undelegate[2]).isEqualTo("0");
            stake = rpc.call(dev.rollupstudio.chain.Eip55.parse(from), dev.rollupstudio.contracts.OperatorRegistry.ADDRESS,
                    dev.rollupstudio.chain.abi.Abi.call("stakeOf(address)", dev.rollupstudio.chain.Eip55.parse(operator)));
            assertThat(dev.rollupstudio.chain.abi.Abi.uint(stake, 0)).isEqualTo(alt.multiply(BigInteger.valueOf(100_000 + 1_500)));
            assertThat(run(common, "undelegate", "--from", from, "--to", operator, "--amount", "1501")[2]).contains("has 1500 ALT delegated to " + operator);
            assertThat(run(common, "claim", "--from", from)[2]).containsPattern("nothing to claim yet: the next is claimable in (6 d 23 h|7 d 0 h)");
            // what the Wallet screen's staking table shows: the delegation's worth, and the undelegated ALT in its cooldown
            var positions = dev.rollupstudio.app.WalletService.connect(d.l1Url(), List.of(d.rollupUrl())).staking().positions(dev.rollupstudio.chain.Eip55.parse(from));
            assertThat(positions).extracting(dev.rollupstudio.app.WalletStaking.Position::where).containsExactly("operator " + operator.substring(0, 6) + "…" + operator.substring(38), "undelegated");
            assertThat(positions.get(0).worth()).isEqualTo(alt.multiply(BigInteger.valueOf(1_500)));
            assertThat(positions.get(0).earned()).isZero();
            assertThat(positions.get(0).status()).isEqualTo("active");
            assertThat(positions.get(1).cooling()).isEqualTo(alt.multiply(BigInteger.valueOf(1_000)));
            assertThat(positions.get(1).status()).matches("in the cooldown; claim in (6 d 23 h|7 d 0 h)");
        }
    }

    @Test void badInputIsRefusedWithWhatToDoAndSendsNothing() throws Exception {
        Path keys = dir.resolve("bad");
        Files.writeString(dir.resolve("pw2"), PASSWORD + "\n");
        Files.writeString(dir.resolve("wrong"), "not the password\n");
        Files.writeString(dir.resolve("key6"), "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e\n");
        wallet("import", "--key-file", dir.resolve("key6").toString(), "--keystore", keys.toString(), "--password-file", dir.resolve("pw2").toString(), "--lightkdf");
        String from = "0x976EA74026E726554dB657fA54763abd0C3a0aa9";
        List<String> common = List.of("--keystore", keys.toString(), "--rpc", devnet.rollupUrl(), "--l1-rpc", devnet.l1Url());
        String[] wrongPassword = run(common, "send", "--from", from, "--to", DEV2, "--amount", "1", "--password-file", dir.resolve("wrong").toString());
        assertThat(wrongPassword[0]).isEqualTo("2");
        assertThat(wrongPassword[2]).contains("wrong password");
        String[] badChecksum = run(common, "send", "--from", from, "--to", DEV2.replace('C', 'c').replaceFirst("c", "C"), "--amount", "1",
                "--password-file", dir.resolve("pw2").toString());
        assertThat(badChecksum[2]).contains("fails its EIP-55 checksum");
        assertThat(run(common, "send", "--from", from, "--to", DEV2, "--amount", "0.0000000000000000001", "--password-file", dir.resolve("pw2").toString())[2])
                .contains("ETH has 18 decimals");
        assertThat(run(common, "send", "--from", from, "--to", DEV2, "--amount", "-1", "--password-file", dir.resolve("pw2").toString())[2])
                .contains("the amount is negative");
        assertThat(run(common, "send", "--from", from, "--to", DEV2, "--amount", "1", "--token", "ALT", "--password-file", dir.resolve("pw2").toString())[2])
                .contains("not enough ALT on rollup 901: 1 ALT to move").contains("1 ALT missing").contains("deposit ALT from the L1");
        assertThat(run(common, "send", "--from", from, "--to", DEV2, "--amount", "20000", "--password-file", dir.resolve("pw2").toString())[2])
                .contains("not enough ETH on rollup 901");
        Files.writeString(dir.resolve("notakeystore.json"), "{\"hello\": 1}");
        assertThat(wallet("import", "--keystore-file", dir.resolve("notakeystore.json").toString(), "--keystore", keys.toString(),
                "--password-file", dir.resolve("pw2").toString())[2]).contains("notakeystore.json is not an Ethereum keystore");
        Files.writeString(dir.resolve("words"), "test test test test test test test test test test test test\n");
        assertThat(wallet("import", "--mnemonic-file", dir.resolve("words").toString(), "--keystore", dir.resolve("other").toString(),
                "--password-file", dir.resolve("pw2").toString())[2]).contains("checksum");
        // nothing was sent: the account's nonce on the rollup is still 0
        assertThat(new dev.rollupstudio.wallet.RpcClient(devnet.rollupUrl()).nonce(dev.rollupstudio.types.Address.fromHex(from))).isZero();
    }

    @Test void aNewWalletShowsItsWordsOnceAndSavesOnlyWhenTheChosenWordsAreConfirmed() throws Exception {
        Files.writeString(dir.resolve("pw3"), PASSWORD + "\n");
        String[] refused = withAnswers(false, "new", "--keystore", dir.resolve("new1").toString(), "--password-file", dir.resolve("pw3").toString(), "--lightkdf");
        assertThat(refused[0]).isEqualTo("2");
        assertThat(refused[2]).contains("does not match; nothing was saved");
        assertThat(dir.resolve("new1")).doesNotExist();

        String[] made = withAnswers(true, "new", "--words", "24", "--accounts", "2", "--keystore", dir.resolve("new2").toString(),
                "--password-file", dir.resolve("pw3").toString(), "--lightkdf");
        assertThat(made[0]).as(made[2]).isEqualTo("0");
        List<String> words = words(made[1]);
        assertThat(words).hasSize(24);
        assertThat(made[1]).contains("Saved, encrypted, 2 accounts");
        String[] addresses = wallet("address", "--mnemonic", String.join(" ", words), "--count", "2");
        assertThat(made[1]).contains(addresses[1].lines().toList().get(0)).contains(addresses[1].lines().toList().get(1));
        assertThat(Files.readString(dir.resolve("new2").resolve("seed.json"))).doesNotContain(words.get(0) + " ");
    }

    private static String[] run(List<String> common, String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(common);
        return wallet(a.toArray(String[]::new));
    }

    /** Runs `wallet` with standard input answering each "Confirm: word N?" from the words it printed (or wrongly). */
    private static String[] withAnswers(boolean right, String... args) {
        InputStream in = System.in;
        java.io.PrintStream out = System.out, err = System.err;
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream(), errors = new java.io.ByteArrayOutputStream();
        int[] answered = {0};
        System.setOut(new java.io.PrintStream(all, true, java.nio.charset.StandardCharsets.UTF_8));
        System.setErr(new java.io.PrintStream(errors, true, java.nio.charset.StandardCharsets.UTF_8));
        System.setIn(new InputStream() {
            private ByteArrayInputStream answer;

            @Override public int read() {
                if (answer == null || answer.available() == 0) {
                    String text = all.toString(java.nio.charset.StandardCharsets.UTF_8);
                    Matcher m = Pattern.compile("Confirm: word (\\d+)\\? ").matcher(text);
                    int k = 0;
                    String word = null;
                    while (m.find()) if (k++ == answered[0]) word = right ? words(text).get(Integer.parseInt(m.group(1)) - 1) : "wrong";
                    if (word == null) return -1;
                    answered[0]++;
                    answer = new ByteArrayInputStream((word + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                return answer.read();
            }
        });
        try {
            List<String> a = new ArrayList<>(List.of("wallet"));
            a.addAll(List.of(args));
            int code = Cli.execute(a.toArray(String[]::new));
            String[] r = {Integer.toString(code), all.toString(java.nio.charset.StandardCharsets.UTF_8), errors.toString(java.nio.charset.StandardCharsets.UTF_8)};
            everything.add(r[2]);
            return r;
        } finally {
            System.setIn(in);
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(\\d+)\\. ([a-z]+)").matcher(text);
        while (m.find()) out.add(m.group(2));
        return out;
    }
}
