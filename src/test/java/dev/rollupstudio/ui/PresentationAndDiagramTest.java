package dev.rollupstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.spec.Catalog;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.component.Celestia;
import dev.rollupstudio.ui.dashboard.RuntimeScreen;
import dev.rollupstudio.ui.diagram.DiagramExport;
import dev.rollupstudio.ui.diagram.DiagramView;
import dev.rollupstudio.ui.diagram.StackDiagram;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Presentation mode (F5) for a room, and the composer's stack diagram with its exports, headless. */
@ExtendWith(ApplicationExtension.class)
class PresentationAndDiagramTest {
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

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, condition);
    }

    /** Every visible text on screen outside the stack diagram (which scales as a whole). */
    private static java.util.List<Labeled> visibleTexts(Parent root) {
        // a label made since the last pulse (a chart's legend) has no style yet: style everything now
        WaitForAsyncUtils.asyncFx(root::applyCss);
        WaitForAsyncUtils.waitForFxEvents();
        java.util.List<Labeled> out = new java.util.ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node n, java.util.List<Labeled> out) {
        if (!n.isVisible() || n.getStyleClass().contains("stack-diagram")) return;
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isEmpty()) out.add(l);
        if (n instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) collect(c, out);
    }

    @Test
    void presentationModeMakesEveryScreenReadableInARoom(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        double normal = visibleTexts(studio.stage.getScene().getRoot()).stream().mapToDouble(l -> l.getFont().getSize()).max().orElseThrow();
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(studio.shell.presentationProperty().get()).isTrue();
        assertThat(studio.stage.getScene().getRoot().getStyleClass()).contains("presentation");
        // the composer: lanes and the diagram, no palette; text no smaller than 15 px anywhere, body text at 18 px
        assertThat(robot.lookup(".palette").tryQuery()).isEmpty();
        assertThat(robot.lookup("#stack-diagram").queryAs(DiagramView.class).isVisible()).isTrue();
        var composerTexts = visibleTexts(studio.stage.getScene().getRoot());
        assertThat(composerTexts).allSatisfy(l -> assertThat(l.getFont().getSize()).as(l.getText()).isGreaterThanOrEqualTo(15));
        assertThat(composerTexts.stream().mapToDouble(l -> l.getFont().getSize()).max().orElseThrow()).isGreaterThan(normal);
        assertThat(robot.lookup("#lane-execution .lane-component").queryAs(Labeled.class).getFont().getSize()).isGreaterThanOrEqualTo(18);
        // the Runtime screen: two charts with 18 px ticks, no layer chips
        robot.clickOn("#launchButton");
        waitUntil(() -> studio.charts().points() > 0);
        RuntimeScreen screen = robot.lookup(".runtime-screen").queryAs(RuntimeScreen.class);
        assertThat(screen.shownCharts()).containsExactly("chart-throughput", "chart-heads");
        assertThat(robot.lookup("#runtime-layers").queryAs(Node.class).isVisible()).isFalse();
        for (var chart : java.util.List.of(studio.charts().throughput, studio.charts().heads)) {
            assertThat(chart.leftAxis().getTickLabelStyle().getFont().getSize()).isGreaterThanOrEqualTo(18);
            assertThat(chart.timeAxis().getTickLabelStyle().getFont().getSize()).isGreaterThanOrEqualTo(18);
        }
        assertThat(visibleTexts(studio.stage.getScene().getRoot()))
                .allSatisfy(l -> assertThat(l.getFont().getSize()).as(l.getText()).isGreaterThanOrEqualTo(15));
        // the explorer: blocks by number, transactions, age and status; hash and gas step aside
        robot.clickOn("#nav-explorer");
        WaitForAsyncUtils.waitForFxEvents();
        var blocks = robot.lookup("#blocks-table").queryAs(javafx.scene.control.TableView.class);
        assertThat(blocks.getVisibleLeafColumns()).hasSize(4);
        robot.clickOn("#nav-runtime");
        // leaving it brings back what was there
        robot.press(KeyCode.F5).release(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(screen.shownCharts()).hasSize(4);
        assertThat(robot.lookup("#runtime-layers").queryAs(Node.class).isVisible()).isTrue();
        assertThat(studio.charts().throughput.leftAxis().getTickLabelStyle().getFont().getSize()).isLessThan(18);
        assertThat(blocks.getVisibleLeafColumns()).hasSize(6);
        robot.clickOn("#stop");
    }

    @Test
    void theDiagramFollowsEachEditAndExportsForSlides(FxRobot robot) throws Exception {
        robot.clickOn("Diagram");
        DiagramView view = robot.lookup("#stack-diagram").queryAs(DiagramView.class);
        assertThat(view.shown().box("da").component()).isEqualTo("Ethereum blobs");
        robot.interact(() -> studio.composer.drop(Catalog.standard().component(Layer.DATA_AVAILABILITY, Celestia.ID), Layer.DATA_AVAILABILITY));
        waitUntil(() -> view.shown().box("da").component().equals("Celestia") && view.shown().box("da").heading().contains("carries"));
        assertThat(view.shown().box("inbox").figure()).isEqualTo("commitments");
        assertThat(robot.lookup("#diagram-da").tryQuery()).isPresent();
        // exports of three presets, kept in target/diagrams for the README and release notes
        Path dir = Files.createDirectories(Path.of("target", "diagrams"));
        for (String preset : java.util.List.of("op-stack-blobs", "orbit-celestia", "zk-eigenda-mach")) {
            var spec = Presets.get(preset);
            StackDiagram d = StackDiagram.of(spec, dev.rollupstudio.spec.Estimator.estimate(spec, dev.rollupstudio.spec.Workload.defaults(),
                    dev.rollupstudio.spec.Prices.defaults()), 100);
            robot.interact(() -> {
                try {
                    DiagramExport.png(d, dir.resolve(preset + ".png"), 2, studio.stage.getScene().getStylesheets());
                    DiagramExport.svg(d, dir.resolve(preset + ".svg"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            var png = javax.imageio.ImageIO.read(dir.resolve(preset + ".png").toFile());
            assertThat(png.getWidth()).isEqualTo((int) (2 * StackDiagram.WIDTH));
            assertThat(png.getHeight()).isEqualTo((int) (2 * StackDiagram.HEIGHT));
            String svg = Files.readString(dir.resolve(preset + ".svg"));
            assertThat(svg).contains("data:image/png;base64,").contains(spec.component(Layer.EXECUTION).name());
        }
    }
}
