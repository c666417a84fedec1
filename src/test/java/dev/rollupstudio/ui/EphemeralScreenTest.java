package dev.rollupstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.ui.ephemeral.EphemeralScreen;
import dev.rollupstudio.ui.ephemeral.EphemeralViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Ephemeral screen, headless: a scenario runs, and the timeline grows a bar for each phase of
 * each rollup in order (provisioning, active, draining, settling), its now-line moves, the event
 * log fills, and each rollup that dissolved gets its card; the verdict reports the value check.
 */
@ExtendWith(ApplicationExtension.class)
class EphemeralScreenTest {
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private EphemeralViewModel vm;
    private volatile dev.rollupstudio.ephemeral.EphemeralStatus opened;
    private volatile dev.rollupstudio.ephemeral.EphemeralStatus watched;

    @Start void start(Stage stage) throws Exception {
        dev.rollupstudio.ui.common.Themes.apply(false);
        vm = new EphemeralViewModel(background, Platform::runLater);
        Path file = Files.createTempFile("two-flash", ".json");
        Files.writeString(file, """
                {"format": "rollup-studio/ephemeral-scenario", "version": 1, "name": "two flash layers", "parent": "op-stack-blobs",
                 "template": "ephemeral-nft-mint", "accounts": 6,
                 "params": {"lifecycle.lifetimeSeconds": 60, "lifecycle.provisioningSeconds": 5, "proofs.challengeWindowSeconds": 60},
                 "rollups": [{"name": "mint-a", "atSeconds": 0, "load": {"mix": "nft-mint", "tps": 8, "forSeconds": 50, "maxTxs": 300, "senders": 6}},
                             {"name": "mint-b", "atSeconds": 10, "load": {"mix": "transfers", "tps": 8, "forSeconds": 50, "maxTxs": 300, "senders": 6}}]}""");
        vm.scenarioProperty().set(file.toString());
        vm.speedProperty().set(100);
        EphemeralScreen screen = new EphemeralScreen(vm, s -> opened = s, s -> watched = s);
        Scene scene = new Scene(screen, 1280, 800);
        scene.getStylesheets().add(EphemeralScreenTest.class.getResource("/css/studio.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach void stop() {
        vm.stop();
        background.shutdownNow();
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("not reached within " + seconds + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test void theTimelineAdvancesThroughThePhasesAndEachDissolvedRollupGetsItsCard(FxRobot robot) {
        assertThat(robot.lookup("#eph-stop").queryAs(javafx.scene.control.Button.class).isDisabled()).isTrue();
        robot.clickOn("#eph-run");
        waitUntil(30, () -> robot.lookup("#bar-7001-provisioning").tryQuery().isPresent());
        waitUntil(30, () -> robot.lookup("#bar-7001-active").tryQuery().isPresent());
        Node now = robot.lookup("#eph-now").query();
        double x0 = now.getLayoutX();
        waitUntil(30, () -> robot.lookup("#bar-7002-active").tryQuery().isPresent());
        waitUntil(60, () -> robot.lookup("#bar-7001-draining").tryQuery().isPresent());
        waitUntil(60, () -> robot.lookup("#bar-7001-settling").tryQuery().isPresent());
        // the bars follow one another along the time axis
        double active = robot.lookup("#bar-7001-active").query().getLayoutX();
        double settling = robot.lookup("#bar-7001-settling").query().getLayoutX();
        assertThat(settling).isGreaterThan(active);
        assertThat(robot.lookup("#eph-row-7001").lookup(".eph-phase").queryAs(Label.class).getText()).isIn("draining", "settling", "dissolved");
        waitUntil(120, () -> robot.lookup("#eph-card-7001").tryQuery().isPresent() && robot.lookup("#eph-card-7002").tryQuery().isPresent());
        waitUntil(30, () -> !vm.runningProperty().get());
        assertThat(robot.lookup("#eph-verdict").queryAs(Label.class).getText())
                .isEqualTo("2 dissolved, 0 failed, 600 transactions served; value conserved to the wei (L1 plus every rollup, ETH and ALT)");
        assertThat(vm.events()).extracting(c -> c.to().label()).containsSubsequence("requested", "provisioning", "active", "draining", "settling", "dissolved");
        // the now-line moved with sim time, and the axis rescaled as time passed
        assertThat(robot.lookup("#eph-now").query().getLayoutX()).isNotEqualTo(x0);
        assertThat(robot.lookup("#eph-card-7001").lookup(".label").queryAllAs(Label.class)).extracting(Label::getText).contains("conserved to the wei");

        // a dissolved rollup stays browsable: double-click its row, and its archive answers the explorer's questions
        robot.doubleClickOn("#eph-row-7001");
        assertThat(opened.chainId()).isEqualTo(7001);
        var explorer = vm.explorerFor(opened).orElseThrow();
        assertThat(explorer.latestBlock()).isEqualTo(opened.finalBlock());
        var blocks = explorer.blocks(0, 1000);
        assertThat(blocks.get(0).number()).isEqualTo(opened.finalBlock());
        assertThat(blocks.stream().mapToLong(b -> b.txCount()).sum()).isGreaterThanOrEqualTo(300); // its 300 mints, and deposits
        var withTx = blocks.stream().filter(b -> b.txCount() > 1).findFirst().orElseThrow();
        var block = explorer.block(withTx.number()).orElseThrow();
        var tx = explorer.transaction(block.transactions().get(1).hash()).orElseThrow();
        assertThat(tx.block()).isEqualTo(withTx.number());
        var account = explorer.account(tx.from(), 50);
        assertThat(account.nonce()).isPositive();
        assertThat(account.history()).isNotEmpty();

        // and the Runtime screen reads it from its archive: heads at the final block, what it served
        robot.clickOn("#eph-row-7001");
        robot.clickOn("#eph-watch");
        assertThat(watched.chainId()).isEqualTo(7001);
        var watch = vm.watch(watched).orElseThrow();
        robot.interact(watch::refresh);
        assertThat(watch.phaseProperty().get()).isEqualTo("dissolved");
        assertThat(watch.unsafeProperty().get()).isEqualTo(opened.finalBlock());
        assertThat(watch.finalizedProperty().get()).isEqualTo(opened.finalBlock()); // it settled only once all was final
        assertThat(watch.txsProperty().get()).isEqualTo(300);
        assertThat(watch.noteProperty().get()).startsWith("dissolved: read from its archive");
    }
}
