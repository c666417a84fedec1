package dev.rollupstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.ui.shell.Screen;
import dev.rollupstudio.ui.wallet.WalletViewModel.AccountRow;
import dev.rollupstudio.ui.wallet.WalletViewModel.BalanceRow;
import dev.rollupstudio.ui.wallet.WalletViewModel.HistoryRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wallet as a user meets it, headless: create a wallet (the words revealed only while held,
 * two typed back), launch a stack and pay its RaaS fee in ALT through the dialog (funded from
 * the dev wallet), deposit ALT to the rollup and send some there, and see balances, the history
 * and the fee history change. Then the secret scan: the words, the key and the password are in
 * no database, log, screenshot text or message of the whole workflow.
 */
@ExtendWith(ApplicationExtension.class)
class WalletWindowTest {
    private static final String PASSWORD = "correct horse battery";
    private static final String DEV2 = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
    private static Path home;
    private StudioApp.Studio studio;

    @BeforeAll static void dataFolder() throws Exception {
        home = Files.createTempDirectory("studio-wallet-test");
        System.setProperty("rollupstudio.home", home.toString());
        System.setProperty("rollupstudio.lightkdf", "true");
    }

    /** Everything logged and every message shown during the workflow, for the secret scan. */
    private final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs = new ch.qos.logback.core.read.ListAppender<>();
    private final List<String> messages = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ch.qos.logback.classic.Level rootLevel;

    @Start void start(Stage stage) {
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        logs.start();
        root.addAppender(logs);
        org.slf4j.LoggerFactory.getLogger(WalletWindowTest.class).debug("secret scan starts"); // proves the capture is wired
        studio = StudioApp.Studio.open(stage);
        studio.wallet.messageProperty().addListener((o, a, b) -> messages.add(b));
        studio.composer.messageProperty().addListener((o, a, b) -> messages.add(b));
        studio.show();
    }

    @AfterEach void close() {
        studio.close();
        var root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        root.setLevel(rootLevel);
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test void createAWalletPayTheLaunchFeeInAltDepositAndSendAlt(FxRobot robot) throws Exception {
        robot.clickOn("#nav-wallet");
        waitUntil(10, () -> studio.wallet.accounts().size() == 10); // the dev wallet, nothing of yours yet
        assertThat(studio.wallet.accounts()).allMatch(AccountRow::dev);

        // create: password twice, the words masked until the button is held, two of them typed back
        robot.clickOn("#wallet-create");
        robot.clickOn("#wallet-new-password").write(PASSWORD);
        robot.clickOn("#wallet-new-password-again").write(PASSWORD);
        robot.clickOn("OK");
        Label shown = robot.lookup("#wallet-words").queryAs(Label.class);
        assertThat(shown.getText()).doesNotContainPattern("\\d+\\. [a-z]+").contains("•••••");
        robot.moveTo("#wallet-reveal").press(MouseButton.PRIMARY);
        List<String> words = words(shown.getText());
        robot.release(MouseButton.PRIMARY);
        assertThat(words).hasSize(12);
        assertThat(shown.getText()).contains("•••••");
        robot.clickOn("OK");
        int first = Integer.parseInt(robot.lookup(n -> n instanceof Label l && l.getText().matches("Word \\d+")).queryAll().stream()
                .map(n -> ((Label) n).getText().substring(5)).sorted(java.util.Comparator.comparingInt(Integer::parseInt)).findFirst().orElseThrow());
        int second = robot.lookup(n -> n instanceof Label l && l.getText().matches("Word \\d+")).queryAll().stream()
                .mapToInt(n -> Integer.parseInt(((Label) n).getText().substring(5))).max().orElseThrow();
        robot.clickOn("#wallet-confirm-1").write(words.get(first - 1));
        robot.clickOn("#wallet-confirm-2").write(words.get(second - 1));
        robot.clickOn("OK");
        waitUntil(20, () -> studio.wallet.accounts().size() == 11 && !studio.wallet.accounts().get(0).dev());
        AccountRow mine = studio.wallet.accounts().get(0);
        assertThat(studio.wallet.selectedProperty().get()).isEqualTo(mine);

        // launch: the RaaS fee dialog; the new account has no ALT, so the dev wallet funds it, then it pays
        robot.clickOn("#nav-composer");
        robot.clickOn("#launchButton");
        waitUntil(60, () -> robot.lookup("#fee-payer").tryQuery().isPresent() && robot.lookup("#fee-after").queryAs(Label.class).getText().contains("missing"));
        assertThat(robot.lookup("#fee-amount").queryAs(Label.class).getText()).startsWith("1000 ALT");
        assertThat(robot.lookup("#fee-after").queryAs(Label.class).getText()).isEqualTo("1000 ALT missing: fund it from the dev wallet");
        robot.clickOn("#fee-fund");
        waitUntil(60, () -> robot.lookup("#fee-after").queryAs(Label.class).getText().equals("0 ALT"));
        robot.clickOn("#fee-password").write(PASSWORD);
        snapshotOf(robot, robot.lookup("#fee-pay").query().getScene(), "launch-fee.png");
        robot.clickOn("#fee-pay");
        waitUntil(60, () -> robot.lookup("#fee-pay").tryQuery().isEmpty());
        assertThat(studio.runtimes.running()).isNotNull();

        // the fee history shows the payment, included on L1
        robot.clickOn("#nav-wallet");
        waitUntil(60, () -> studio.wallet.fees().size() == 1 && !studio.wallet.fees().get(0).status().startsWith("pending"));
        assertThat(studio.wallet.fees().get(0).what()).contains("RaaS fee").contains("1000 ALT");
        // its link opens the L1 transaction in the explorer: an ALT Transfer to the treasury
        robot.interact(() -> robot.lookup(".wallet .scroll-pane").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.doubleClickOn(robot.lookup("#wallet-fees .table-row-cell").match(n -> ((javafx.scene.control.TableRow<?>) n).getItem() != null)
                .queryAs(javafx.scene.Node.class));
        try {
            waitUntil(30, () -> studio.explorer.detailProperty().get() instanceof dev.rollupstudio.explorer.ExplorerModel.TxDetail t && t.onL1());
        } catch (AssertionError e) {
            throw new AssertionError("explorer: " + studio.explorer.messageProperty().get() + " / " + studio.explorer.detailProperty().get()
                    + " / screen " + studio.shell.model().screenProperty().get(), e);
        }
        assertThat(studio.shell.model().screenProperty().get()).isEqualTo(Screen.EXPLORER);
        var paid = (dev.rollupstudio.explorer.ExplorerModel.TxDetail) studio.explorer.detailProperty().get();
        assertThat(paid.to()).isEqualTo(dev.rollupstudio.contracts.Alt.L1_TOKEN);
        assertThat(paid.logs()).singleElement().satisfies(l -> assertThat(dev.rollupstudio.explorer.Decoded.log(l)).isEqualTo("ERC-20 Transfer 1000 ALT from " + dev.rollupstudio.chain.Eip55.shortForm(mine.address()) + " to " + dev.rollupstudio.chain.Eip55.shortForm(dev.rollupstudio.contracts.Alt.TREASURY)));
        robot.clickOn("#nav-wallet");
        robot.interact(() -> robot.lookup(".wallet .scroll-pane").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(0));

        // fund again for the rollup, deposit 50 ALT, and send 20 of it on the rollup
        robot.interact(() -> studio.wallet.fundFromDev(dev.rollupstudio.types.Amount.parse("100", dev.rollupstudio.types.Amount.Token.ALT), mine.address(), p -> {}));
        waitUntil(60, () -> balance("L1").alt().equals("100 ALT"));
        robot.clickOn("#wallet-bridge-amount").write("50");
        robot.interact(() -> robot.lookup("#wallet-bridge-token").<dev.rollupstudio.types.Amount.Token>queryComboBox().setValue(dev.rollupstudio.types.Amount.Token.ALT));
        robot.clickOn("#wallet-deposit");
        waitUntil(90, () -> balance("rollup").alt().equals("50 ALT"));
        assertThat(balance("L1").alt()).isEqualTo("50 ALT");
        // and ETH for the rollup's fees: 0.5 of the 1 ETH the dev wallet sent with each funding
        robot.doubleClickOn("#wallet-bridge-amount").write("0.5");
        robot.interact(() -> robot.lookup("#wallet-bridge-token").<dev.rollupstudio.types.Amount.Token>queryComboBox().setValue(dev.rollupstudio.types.Amount.Token.ETH));
        robot.clickOn("#wallet-deposit");
        waitUntil(90, () -> balance("rollup").coin().equals("0.5 ETH"));
        robot.clickOn("#wallet-to").write(DEV2);
        robot.clickOn("#wallet-amount").write("20");
        robot.interact(() -> robot.lookup("#wallet-token").<dev.rollupstudio.types.Amount.Token>queryComboBox().setValue(dev.rollupstudio.types.Amount.Token.ALT));
        robot.clickOn("#wallet-preview");
        waitUntil(30, () -> robot.lookup("#wallet-fee").queryAs(Label.class).getText().startsWith("send 20 ALT"));
        assertThat(robot.lookup("#wallet-fee").queryAs(Label.class).getText()).as(studio.wallet.messageProperty().get()).containsPattern("L2 execution ~?[0-9.]+ ETH \\+ L1 data ~?[0-9.]+ ETH");
        robot.clickOn("#wallet-send");
        waitUntil(60, () -> balance("rollup").alt().equals("30 ALT"));
        assertThat(balance("rollup").coin()).startsWith("~0.49"); // the fee came out of the deposited ETH
        waitUntil(60, () -> studio.wallet.history().stream().anyMatch(h -> h.what().startsWith("send 20 ALT") && h.status().startsWith("included")
                || h.what().startsWith("send 20 ALT") && h.status().startsWith("safe")));
        assertThat(studio.wallet.history()).extracting(HistoryRow::what).anyMatch(w -> w.startsWith("deposit 50 ALT to rollup"));
        snapshot(robot, "wallet-workflow.png");

        // governance: dev account 0 (its ALT delegated to itself at genesis) proposes a gas limit from the form and votes for it
        robot.interact(() -> studio.wallet.selectedProperty().set(studio.wallet.accounts().stream().filter(a -> a.dev() && a.index() == 0).findFirst().orElseThrow()));
        robot.interact(() -> robot.lookup(".wallet .scroll-pane").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#gov-value").write("60000000");
        robot.clickOn("#gov-propose");
        waitUntil(60, () -> studio.wallet.proposals().size() == 1);
        var proposal = studio.wallet.proposals().get(0);
        assertThat(proposal.number()).isEqualTo("#1");
        assertThat(proposal.change()).matches("Rollup \\d+: gas limit 60,000,000");
        assertThat(List.of(proposal.forVotes(), proposal.against(), proposal.abstain())).containsExactly("0", "0", "0");
        waitUntil(60, () -> studio.wallet.proposals().get(0).state().equals("active"));
        assertThat(studio.wallet.proposals().get(0).next()).matches("voting ends in \\d+ L1 blocks \\(~.*\\)");
        robot.clickOn(robot.lookup("#wallet-proposals .table-row-cell").match(n -> ((javafx.scene.control.TableRow<?>) n).getItem() != null)
                .queryAs(javafx.scene.Node.class));
        robot.clickOn("#gov-vote-for");
        try {
            // dev 0 funded the new account 1,100 ALT of its 1,000,000
            waitUntil(60, () -> studio.wallet.proposals().get(0).forVotes().equals("998.9k"));
        } catch (AssertionError e) {
            throw new AssertionError("vote: " + studio.wallet.messageProperty().get() + " / " + studio.wallet.proposals(), e);
        }

        // the secret scan: nothing the studio wrote holds the words or the password
        studio.close();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(text).as(f.toString()).doesNotContain(PASSWORD).doesNotContain(String.join(" ", words.subList(0, 3)));
            }
        }
        List<String> said = new java.util.ArrayList<>(messages);
        for (var e : logs.list) {
            said.add(e.getFormattedMessage());
            for (var t = e.getThrowableProxy(); t != null; t = t.getCause()) said.add(t.getMessage());
        }
        assertThat(logs.list).as("the capture is wired").anyMatch(e -> e.getFormattedMessage().equals("secret scan starts"));
        for (String text : said) assertThat(text).doesNotContain(PASSWORD).doesNotContain(String.join(" ", words.subList(0, 3)));
    }

    private BalanceRow balance(String chainPrefix) {
        return studio.wallet.balances().stream().filter(b -> b.chain().startsWith(chainPrefix)).findFirst().orElse(new BalanceRow("", "", ""));
    }

    private static List<String> words(String text) {
        List<String> out = new java.util.ArrayList<>();
        Matcher m = Pattern.compile("(\\d+)\\. ([a-z]+)").matcher(text);
        while (m.find()) out.add(m.group(2));
        return out;
    }

    private void snapshot(FxRobot robot, String name) throws Exception {
        snapshotOf(robot, studio.stage.getScene(), name);
    }

    private static void snapshotOf(FxRobot robot, javafx.scene.Scene scene, String name) throws Exception {
        Path dir = Path.of("target", "screens");
        Files.createDirectories(dir);
        javafx.scene.image.WritableImage[] img = {null};
        robot.interact(() -> img[0] = scene.snapshot(null));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img[0], null), "png", dir.resolve(name).toFile());
    }
}
