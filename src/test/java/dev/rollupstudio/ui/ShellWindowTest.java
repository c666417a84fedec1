package dev.rollupstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.spec.component.Celestia;
import dev.rollupstudio.spec.component.EthereumBlobs;
import dev.rollupstudio.spec.component.SingleSequencer;
import dev.rollupstudio.spec.component.Squad;
import dev.rollupstudio.spec.Catalog;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.SpecJson;
import dev.rollupstudio.ui.shell.Screen;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The studio window, headless (Monocle): navigation, drag and drop, checks, projects, undo, launch. */
@ExtendWith(ApplicationExtension.class)
class ShellWindowTest {
    private StudioApp.Studio studio;

    @BeforeAll
    static void dataFolder() throws Exception {
        System.setProperty("rollupstudio.home", Files.createTempDirectory("studio-test").toString());
    }

    @Start
    void start(Stage stage) {
        studio = StudioApp.Studio.open(stage);
        studio.settings.set("raas.confirm", "false"); // the dev wallet pays launch fees: no dialog (WalletWindowTest pays through it)
        studio.show();
    }

    @AfterEach
    void close() {
        studio.close();
    }

    private void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.sleep(150, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits up to 20 s for a condition (a slow machine takes longer; a broken one never gets there). */
    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within 20 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot r, String query) {
        return r.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void theOtherScreensAreBuiltAfterTheFirstWithoutBeingVisited(FxRobot robot) {
        boolean[] told = {false};
        robot.interact(() -> studio.shell.whenAllScreensBuilt(() -> told[0] = studio.shell.screensBuilt() == Screen.values().length));
        waitUntil(() -> told[0]);
    }

    @Test
    void everyScreenIsReachableFromTheSidebar(FxRobot robot) {
        for (Screen s : Screen.values()) {
            robot.clickOn("#nav-" + s.name().toLowerCase());
            assertThat(studio.shell.model().screenProperty().get()).isEqualTo(s);
            // only the screen shown is in the scene, so a theme switch restyles one screen, not all
            assertThat(robot.lookup("#screens").queryAs(javafx.scene.layout.StackPane.class).getChildren()).hasSize(1);
            if (s == Screen.EPHEMERAL) assertThat(robot.lookup("#eph-run").tryQuery()).isPresent();
        }
        assertThat(text(robot, "#status")).contains("Embedded runtime ready");
    }

    @Test
    void launchingAnEphemeralStackRunsItOnTheEphemeralScreen(FxRobot robot) {
        robot.interact(() -> studio.composer.newFromPreset("ephemeral-nft-mint"));
        settle();
        robot.interact(() -> studio.shell.launch());
        settle();
        assertThat(studio.shell.model().screenProperty().get()).isEqualTo(Screen.EPHEMERAL);
        assertThat(studio.runtimes.running()).as("not on the Runtime screen's runtime").isNull();
        waitUntil(() -> robot.lookup("#bar-7001-active").tryQuery().isPresent());
        assertThat(studio.shell.ephemeral().rollupsProperty().get()).extracting(s -> s.name()).containsExactly("Ephemeral NFT mint flash layer");
        assertThat(studio.composer.messageProperty().get()).contains("runs on the Ephemeral screen");
        assertThat(text(robot, "#eph-verdict")).startsWith("running Ephemeral NFT mint flash layer");

        // the Runtime screen watches it in place of the launched stack, then goes back
        robot.clickOn("#eph-row-7001");
        robot.clickOn("#eph-watch");
        assertThat(studio.shell.model().screenProperty().get()).isEqualTo(Screen.RUNTIME);
        assertThat(text(robot, "#watch-title")).isEqualTo("Ephemeral rollup Ephemeral NFT mint flash layer (chain 7001)");
        waitUntil(() -> !text(robot, "#watch-unsafe").equals("0"));
        assertThat(text(robot, "#watch-phase")).isIn("active", "draining", "settling");
        assertThat(text(robot, "#watch-note")).startsWith("live: read from its node");
        robot.clickOn("#watch-close");
        assertThat(robot.lookup("#runtime-watch").tryQuery()).isEmpty();
        assertThat(robot.lookup("#runtime-empty").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
        robot.interact(() -> studio.shell.ephemeral().stop());
    }

    @Test
    void draggingADaComponentOntoItsLaneUpdatesPropertiesAndEstimate(FxRobot robot) {
        settle();
        String daCostBefore = text(robot, "#estimate-da");
        robot.drag("#palette-dataAvailability-celestia").dropTo("#lane-dataAvailability");
        settle();
        assertThat(studio.composer.spec().is(Layer.DATA_AVAILABILITY, Celestia.ID)).isTrue();
        assertThat(text(robot, "#propertiesTitle")).isEqualTo("Celestia · properties");
        assertThat(robot.lookup("Gas price (utia/gas)").tryQuery()).isPresent();
        assertThat(text(robot, "#estimate-da")).isNotEqualTo(daCostBefore);
        assertThat(text(robot, "#composer-message")).isEqualTo("Celestia replaced Ethereum blobs");
    }

    @Test
    void aCardSaysWhichOfItsSettingsTheRuntimeDoesNotUse(FxRobot robot) {
        assertThat(robot.lookup("#effect-security").tryQuery()).isEmpty(); // "None" acts: no badge
        assertThat(text(robot, "#effect-settlement")).isEqualTo("partly modelled"); // its governance settings feed the risk view only
        assertThat(robot.lookup("#effect-settlement").queryAs(Label.class).getTooltip().getText()).startsWith("Upgrade delay. Estimates and risk view only:");
        // the palette item is below the fold at 1280x800; the context menu's "Add to the lane" does the same
        robot.interact(() -> studio.composer.place(dev.rollupstudio.spec.Catalog.standard().component(Layer.SECURITY, "vital")));
        settle();
        assertThat(studio.composer.spec().is(Layer.SECURITY, "vital")).isTrue();
        assertThat(robot.lookup("#effect-security").tryQuery()).isEmpty(); // VITAL runs now: no badge
    }

    @Test
    void aDropOnTheWrongLaneIsRefusedWithAReason(FxRobot robot) {
        robot.drag("#palette-dataAvailability-celestia").dropTo("#lane-proofs");
        settle();
        assertThat(studio.composer.spec().is(Layer.DATA_AVAILABILITY, EthereumBlobs.ID)).isTrue();
        assertThat(text(robot, "#composer-message")).isEqualTo("Celestia is a data availability component; it belongs on the Data availability lane, not Proofs");
    }

    @Test
    void anInvalidCombinationShowsItsMessageAndCannotLaunch(FxRobot robot) {
        robot.drag("#palette-proofs-zk-validity").dropTo("#lane-proofs");
        settle();
        ListView<?> problems = robot.lookup("#problems").queryAs(ListView.class);
        assertThat(problems.getItems()).extracting(Object::toString).anyMatch(s -> s.contains("validity proofs need a ZK-capable stack"));
        assertThat(robot.lookup("#launchButton").queryButton().isDisabled()).isTrue();
        robot.interact(studio.shell::launch); // Ctrl+R and Run > Launch say why
        settle();
        assertThat(text(robot, "#composer-message")).startsWith("Cannot launch: validity proofs need a ZK-capable stack");
        assertThat(studio.runtimes.running()).isNull();
        robot.drag("#palette-proofs-optimistic").dropTo("#lane-proofs"); // the fix
        settle();
        assertThat(text(robot, "#composer-message")).isEqualTo("Optimistic proofs replaced ZK validity proofs");
        assertThat(robot.lookup("#launchButton").queryButton().isDisabled()).isFalse();
    }

    @Test
    void typedValuesThatAreNotNumbersOrOutOfRangeAreSaidSo(FxRobot robot) {
        robot.clickOn("#lane-execution");
        settle();
        robot.doubleClickOn("#param-blockTimeMs").eraseText(6).write("abc");
        settle();
        ListView<?> problems = robot.lookup("#problems").queryAs(ListView.class);
        assertThat(problems.getItems()).extracting(Object::toString).anyMatch(s -> s.contains("(typed: 'abc')"));
        assertThat(robot.lookup("#launchButton").queryButton().isDisabled()).isTrue();
        robot.doubleClickOn("#param-blockTimeMs").eraseText(6).write("1000").type(javafx.scene.input.KeyCode.ENTER);
        settle();
        assertThat(problems.getItems()).isEmpty();
        assertThat(studio.composer.spec().get(Layer.EXECUTION, dev.rollupstudio.spec.component.OpStack.BLOCK_TIME)).isEqualTo(1_000L);

        var load = robot.lookup("#tpsSpinner").queryAs(javafx.scene.control.Spinner.class);
        robot.doubleClickOn(load.getEditor()).eraseText(8).write("999999").type(javafx.scene.input.KeyCode.ENTER);
        settle();
        assertThat(load.getValue()).isEqualTo(100_000);
        assertThat(text(robot, "#composer-message")).isEqualTo("Load is 1 to 100,000 tx/s: 999999 was set to 100,000");
    }

    @Test
    void undoAndRedoFromTheKeyboard(FxRobot robot) {
        robot.drag("#palette-sequencing-squad").dropTo("#lane-sequencing");
        settle();
        assertThat(studio.composer.spec().is(Layer.SEQUENCING, Squad.ID)).isTrue();
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Z).release(javafx.scene.input.KeyCode.Z, javafx.scene.input.KeyCode.CONTROL);
        settle();
        assertThat(studio.composer.spec().is(Layer.SEQUENCING, SingleSequencer.ID)).isTrue();
        assertThat(studio.composer.canRedoProperty().get()).as("redo available after undo").isTrue();
        robot.clickOn("#redoButton");
        settle();
        assertThat(studio.composer.spec().is(Layer.SEQUENCING, Squad.ID)).isTrue();
        robot.clickOn("#lane-sequencing").type(javafx.scene.input.KeyCode.DELETE);
        settle();
        assertThat(studio.composer.spec().choice(Layer.SEQUENCING)).isNull();
    }

    @Test
    void saveAndReopenGiveTheSameProject(FxRobot robot) throws Exception {
        robot.drag("#palette-dataAvailability-eigenda").dropTo("#lane-dataAvailability");
        settle();
        Path file = Files.createTempDirectory("proj").resolve("mine.rollup.json");
        robot.interact(() -> studio.shell.saveTo(file));
        var saved = studio.composer.spec();
        assertThat(studio.composer.dirtyProperty().get()).isFalse();
        robot.interact(() -> studio.composer.newFromPreset("sovereign-devnet"));
        robot.interact(() -> studio.shell.open(file));
        settle();
        assertThat(studio.composer.spec()).isEqualTo(saved).isEqualTo(SpecJson.load(file));
        assertThat(studio.settings.recent()).extracting(r -> r.path()).contains(file.toAbsolutePath());
    }

    @Test
    void theDashboardChartsTheRunAndPausesAndStepsOneBlock(FxRobot robot) throws Exception {
        robot.clickOn("#launchButton");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> speed = robot.lookup("#speed").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> speed.setValue("10x")); // the combo box fires its action, as a pick from its list does
        waitUntil(() -> studio.charts().points() > 0 && studio.charts().throughput.seriesList().get(1).getDataCount() > 0);
        assertThat(studio.charts().points()).as("message: %s; running: %s", studio.composer.messageProperty().get(), studio.runtimes.running()).isPositive();
        assertThat(studio.charts().throughput.seriesList().get(1).getDataCount()).isPositive();
        // every chart shows the same time window, its y axis above its highest point, a legend of what it plots
        robot.interact(studio.charts()::frame);
        assertThat(studio.charts().all().stream().map(c -> c.timeAxis().getMin() + ".." + c.timeAxis().getMax()).distinct()).hasSize(1);
        var included = studio.charts().throughput.seriesList().get(1);
        double highest = java.util.stream.IntStream.range(0, included.getDataCount()).mapToDouble(i -> included.get(1, i)).max().orElseThrow();
        assertThat(studio.charts().throughput.leftAxis().getMax()).isGreaterThan(highest);
        assertThat(studio.charts().throughput.legendNames()).contains("submitted", "included", "refused");
        assertThat(studio.charts().batches.showsEmptyNote() == (studio.charts().batches.seriesList().get(0).getDataCount() == 0)).isTrue();
        // the chooser: four charts at once by default, one more on a click, all in the window without scrolling
        var screen = robot.lookup(".runtime-screen").queryAs(dev.rollupstudio.ui.dashboard.RuntimeScreen.class);
        assertThat(screen.shownCharts()).containsExactly("chart-throughput", "chart-pool", "chart-da", "chart-heads");
        robot.clickOn("#show-chart-latency");
        assertThat(screen.shownCharts()).hasSize(5).contains("chart-latency");
        WaitForAsyncUtils.waitForFxEvents();
        var latencyChart = studio.charts().latency;
        assertThat(latencyChart.localToScene(latencyChart.getBoundsInLocal()).getMaxY()).isLessThanOrEqualTo(studio.stage.getScene().getHeight());
        robot.clickOn("#show-chart-latency");
        robot.clickOn("#pause");
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        long paused = studio.runtimes.runtime().node().chain().head().number();
        WaitForAsyncUtils.sleep(1, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(studio.runtimes.runtime().node().chain().head().number()).isEqualTo(paused);
        robot.clickOn("#step");
        waitUntil(() -> studio.runtimes.runtime().node().chain().head().number() > paused);
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(studio.runtimes.runtime().node().chain().head().number()).isEqualTo(paused + 1);
        assertThat(robot.lookup("#runtime-layers").queryAs(javafx.scene.layout.FlowPane.class).getChildren()).hasSize(8);
        // the pipeline: live counters, explanations naming this stack's components, a followed transaction
        robot.clickOn("#pause");
        assertThat(Long.parseLong(text(robot, "#stage-block-count").replace(",", ""))).isGreaterThanOrEqualTo(paused + 1);
        robot.clickOn("#stage-da");
        assertThat(text(robot, "#stage-explanation")).startsWith("DA: ").endsWith("Here: Ethereum blobs.");
        robot.clickOn("#follow");
        // read on the FX thread, which redraws the journey (clear, then its steps) as the transaction moves
        waitUntil(() -> WaitForAsyncUtils.asyncFx(() -> !robot.lookup("#journey").queryAs(javafx.scene.layout.VBox.class).getChildren().isEmpty())
                .get(5, java.util.concurrent.TimeUnit.SECONDS));
        // each chart exports what it plots
        Path dir = Files.createTempDirectory("charts");
        studio.charts().throughput.exportCsv(dir.resolve("tps.csv"));
        assertThat(Files.readAllLines(dir.resolve("tps.csv"))).first().isEqualTo("series,time_s,value");
        assertThat(Files.readAllLines(dir.resolve("tps.csv"))).anyMatch(l -> l.startsWith("included,"));
        robot.interact(() -> {
            try {
                studio.charts().throughput.exportPng(dir.resolve("gas.png")); // a chart on screen, with its title and legend
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(javax.imageio.ImageIO.read(dir.resolve("gas.png").toFile()).getWidth()).isGreaterThan(300);
        robot.clickOn("#stop");
    }

    @Test
    void theExplorerOpensBlocksTransactionsAndAccountsAndSearches(FxRobot robot) {
        robot.clickOn("#launchButton");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> speed = robot.lookup("#speed").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> speed.setValue("max"));
        waitUntil(() -> studio.runtimes.runtime() != null && studio.runtimes.runtime().node().chain().head().number() > 10);
        robot.clickOn("#pause");
        robot.clickOn("#nav-explorer");
        WaitForAsyncUtils.sleep(1, java.util.concurrent.TimeUnit.SECONDS);
        javafx.scene.control.TableView<?> table = robot.lookup("#blocks-table").queryAs(javafx.scene.control.TableView.class);
        assertThat(table.getItems()).isNotEmpty();
        robot.clickOn(".table-row-cell");
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(text(robot, "#detail-title")).startsWith("Block ");
        var head = studio.runtimes.runtime().node().chain().block(5);
        var tx = head.block().transactions().get(head.block().transactions().size() - 1);
        robot.clickOn("#explorer-search").write(tx.hash().toHex()).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(text(robot, "#detail-title")).isEqualTo("Transaction");
        robot.clickOn(dev.rollupstudio.chain.Eip55.shortForm(tx.sender())); // addresses show with their EIP-55 checksum
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(text(robot, "#detail-title")).isEqualTo("Account");
        robot.clickOn("#explorer-search").eraseText(80).write("12abc").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(text(robot, "#explorer-message")).contains("is not a block number");
        assertThat(studio.explorer.lastQueryMicrosProperty().get()).isPositive();
        robot.clickOn("#nav-runtime").clickOn("#stop");
    }

    @Test
    void theExplorerShowsDecodedTransfersAndWhyACallReverted(FxRobot robot) throws Exception {
        robot.clickOn("#launchButton");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<dev.rollupstudio.workload.Scenario> scenario = robot.lookup("#scenario").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> scenario.setValue(dev.rollupstudio.workload.Scenario.MIXED));
        waitUntil(() -> studio.runtimes.runtime() != null);
        var rt = studio.runtimes.runtime();
        // a call that reverts with a require message, from an account the workload does not use on L2
        int k = rt.accounts().size() - 1;
        var u = dev.rollupstudio.chain.UnsignedTransaction.transfer(rt.options().rollup().chainId(), 0,
                dev.rollupstudio.contracts.GenesisContracts.COLLECTIBLE, java.math.BigInteger.ZERO, java.math.BigInteger.TEN.pow(9),
                java.math.BigInteger.TEN.pow(11)).withData(dev.rollupstudio.chain.abi.Abi.call("mintBatch(uint256)", 21)).withGasLimit(150_000);
        var reverted = dev.rollupstudio.chain.TxEncoder.sign(u, rt.accounts().key(k));
        rt.submitFromAnyThread(java.util.List.of(reverted));
        @SuppressWarnings("unchecked")
        javafx.scene.control.ComboBox<String> speed = robot.lookup("#speed").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> speed.setValue("max"));
        waitUntil(() -> rt.status().unsafe() > 15);
        WaitForAsyncUtils.sleep(500, java.util.concurrent.TimeUnit.MILLISECONDS);
        snapshot(robot, "runtime-mixed.png");
        robot.clickOn("#pause");
        dev.rollupstudio.chain.Transaction token = null;
        for (long n = 2; token == null; n++) {
            for (var t : rt.node().chain().block(n).block().transactions()) {
                if (dev.rollupstudio.contracts.GenesisContracts.TOKEN.equals(t.to())) token = t;
            }
        }
        robot.clickOn("#nav-explorer");
        search(robot, token.hash().toHex());
        WaitForAsyncUtils.sleep(700, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(robot.lookup(".log-line").queryAs(javafx.scene.control.Label.class).getText()).startsWith("ERC-20 Transfer ").contains(" STT from ");
        snapshot(robot, "explorer-token-transfer.png");
        search(robot, reverted.hash().toHex());
        WaitForAsyncUtils.sleep(700, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(text(robot, "#tx-status")).isEqualTo("failed: reverted: \"mint 1 to 20 per call\"");
        snapshot(robot, "explorer-reverted.png");
        search(robot, dev.rollupstudio.contracts.GenesisContracts.TOKEN.toString());
        WaitForAsyncUtils.sleep(700, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertThat(text(robot, "#detail-title")).isEqualTo("Account");
        assertThat(robot.lookup("Studio Token (STT), an OpenZeppelin ERC-20, in the genesis allocation").tryQuery()).isPresent();
        snapshot(robot, "explorer-contract.png");
        robot.clickOn("#nav-runtime").clickOn("#stop");
    }

    private static void search(FxRobot robot, String text) {
        javafx.scene.control.TextField field = robot.lookup("#explorer-search").queryAs(javafx.scene.control.TextField.class);
        robot.interact(() -> field.setText(text));
        robot.clickOn(field).type(javafx.scene.input.KeyCode.ENTER);
    }

    /** The window as a PNG under target/screens, for people to look at. */
    private void snapshot(FxRobot robot, String name) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("target", "screens");
        Files.createDirectories(dir);
        javafx.scene.image.WritableImage[] img = {null};
        robot.interact(() -> img[0] = studio.stage.getScene().snapshot(null));
        javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(img[0], null), "png", dir.resolve(name).toFile());
    }

    @Test
    void launchRunsTheStackAndShowsTheRuntime(FxRobot robot) {
        robot.clickOn("#launchButton");
        assertThat(studio.shell.model().screenProperty().get()).isEqualTo(Screen.RUNTIME);
        waitUntil(() -> studio.runtimes.runtime() != null && studio.runtimes.runtime().metrics().blocks() > 0);
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#runtime-title")).isEqualTo("OP Stack on Ethereum blobs");
        assertThat(Long.parseLong(text(robot, "#head-unsafe").replace(",", ""))).isGreaterThanOrEqualTo(1);
        assertThat(text(robot, "#status")).contains("unsafe");
        // the running rollup's JSON-RPC URL is shown and copied on a click
        waitUntil(() -> text(robot, "#rpc-url").startsWith("http://127.0.0.1:"));
        robot.clickOn("#rpc-copy");
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo(text(robot, "#rpc-url"));
        robot.clickOn("#rpc-wallet");
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).contains("\"chainId\": \"0x385\"").contains("\"rpcUrls\": [\"" + text(robot, "#rpc-url") + "\"]").contains("\"symbol\": \"ETH\"");
        try {
            snapshot(robot, "runtime-rpc.png");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        robot.clickOn("#stop");
        waitUntil(() -> studio.runtimes.running() == null);
    }
}
