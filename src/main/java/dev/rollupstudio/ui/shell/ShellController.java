package dev.rollupstudio.ui.shell;

import dev.rollupstudio.app.RuntimeService;
import dev.rollupstudio.app.StudioSettings;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Problem;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.ui.common.Format;
import dev.rollupstudio.ui.common.RuntimeBridge;
import dev.rollupstudio.ui.common.Themes;
import dev.rollupstudio.ui.composer.ComposerController;
import dev.rollupstudio.ui.composer.ComposerViewModel;
import dev.rollupstudio.metrics.ChainSampler;
import dev.rollupstudio.ui.dashboard.DashboardCharts;
import dev.rollupstudio.ui.dashboard.PipelineView;
import dev.rollupstudio.ui.dashboard.RuntimeScreen;
import dev.rollupstudio.ui.explorer.ExplorerScreen;
import dev.rollupstudio.ui.explorer.ExplorerViewModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.javafx.FontIcon;

/** The main window: menus, the sidebar of screens, the screens themselves and the status bar. */
public final class ShellController {
    private final ShellViewModel model = new ShellViewModel();
    private final Stage stage;
    private final StudioSettings settings;
    private final RuntimeService runtimes;
    private final RuntimeBridge bridge;
    private final ComposerViewModel composer;
    private final ProjectFiles files;
    private final java.util.List<Runnable> onAllScreens = new java.util.ArrayList<>();
    private final java.util.function.Supplier<DashboardCharts> charts;
    private PipelineView pipeline; // made with the Runtime screen: the first frame does not wait for it
    private boolean deferred;
    private boolean firstScreenShown;
    private final java.util.List<Runnable> onFirstScreen = new java.util.ArrayList<>();
    private final java.util.concurrent.ExecutorService background = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "runtime-control");
        t.setDaemon(true);
        return t;
    });
    private final dev.rollupstudio.ui.common.FxMonitor monitor = new dev.rollupstudio.ui.common.FxMonitor();
    private final ExplorerViewModel explorer;
    private final dev.rollupstudio.ui.wallet.WalletViewModel wallet;
    private dev.rollupstudio.ui.wallet.WalletScreen walletScreen;
    private dev.rollupstudio.ui.ephemeral.EphemeralScreen ephemeralScreen;
    private dev.rollupstudio.ui.ephemeral.EphemeralViewModel ephemeral;
    private final Map<Screen, Node> views = new EnumMap<>(Screen.class);
    private final Map<Screen, java.util.function.Supplier<Node>> factories = new EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> navButtons = new EnumMap<>(Screen.class);
    private final javafx.beans.property.BooleanProperty presentation = new javafx.beans.property.SimpleBooleanProperty();
    private ComposerController composerView;
    private RuntimeScreen runtimeScreen;
    private ExplorerScreen explorerScreen;
    @FXML private javafx.scene.layout.BorderPane shellRoot;
    @FXML private MenuBar menus;
    @FXML private VBox navigation;
    @FXML private StackPane screens;
    @FXML private Label status;

    public ShellController(Stage stage, StudioSettings settings, RuntimeService runtimes, RuntimeBridge bridge, ComposerViewModel composer,
                           java.util.function.Supplier<DashboardCharts> charts, ExplorerViewModel explorer, dev.rollupstudio.ui.wallet.WalletViewModel wallet) {
        this.charts = charts;
        this.wallet = wallet;
        this.explorer = explorer;
        this.stage = stage;
        this.settings = settings;
        this.runtimes = runtimes;
        this.bridge = bridge;
        this.composer = composer;
        this.files = new ProjectFiles(stage, settings, composer, () -> model.show(Screen.COMPOSER));
    }

    public Parent load() {
        FXMLLoader loader = new FXMLLoader(ShellController.class.getResource("/fxml/shell/ShellView.fxml"));
        loader.setController(this);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("the main window layout could not be loaded", e);
        }
    }

    @FXML private void initialize() {
        // Only the first screen is built before the window shows; the others on first visit or
        // right after the first frame (buildRemainingScreens). Only the screen shown is in the
        // scene: a hidden one would still cost CSS and layout on every theme switch.
        factories.put(Screen.COMPOSER, () -> {
            composerView = new ComposerController(composer, this::launch);
            Parent view = composerView.load();
            composerView.setPresentation(presentation.get());
            return view;
        });
        factories.put(Screen.RUNTIME, () -> {
            runtimeScreen = new RuntimeScreen(runtimes, bridge, charts.get(), pipeline(), background, this::launch, this::stop);
            runtimeScreen.setPresentation(presentation.get());
            return runtimeScreen;
        });
        presentation.addListener((o, a, on) -> applyPresentation(on));
        factories.put(Screen.EXPLORER, () -> {
            explorerScreen = new ExplorerScreen(explorer);
            explorerScreen.setPresentation(presentation.get());
            return explorerScreen;
        });
        factories.put(Screen.EPHEMERAL, () -> {
            ephemeralScreen = new dev.rollupstudio.ui.ephemeral.EphemeralScreen(ephemeral(), this::openInExplorer, this::openInRuntime);
            ephemeralScreen.setPresentation(presentation.get());
            return ephemeralScreen;
        });
        factories.put(Screen.WALLET, () -> {
            walletScreen = new dev.rollupstudio.ui.wallet.WalletScreen(wallet, hash -> {
                model.show(Screen.EXPLORER);
                explorer.openTransaction(hash);
            });
            walletScreen.setPresentation(presentation.get());
            return walletScreen;
        });
        ToggleGroup group = new ToggleGroup();
        for (Screen s : Screen.values()) {
            FontIcon icon = new FontIcon(s.icon);
            icon.setIconSize(20);
            ToggleButton b = new ToggleButton(null, icon);
            b.setId("nav-" + s.name().toLowerCase());
            b.setToggleGroup(group);
            b.setTooltip(new javafx.scene.control.Tooltip(s.title + "  (Ctrl+" + (s.ordinal() + 1) + ")"));
            b.getStyleClass().addAll("nav-button", "button-icon");
            b.setOnAction(e -> model.show(s));
            navigation.getChildren().add(b);
            navButtons.put(s, b);
        }
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null && old != null) old.setSelected(true);
        });
        model.screenProperty().addListener((o, a, s) -> render(s));
        render(model.screenProperty().get());
        buildMenus();
        status.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.statusProperty().get() + (monitor.summaryProperty().get().isEmpty() ? "" : "   ·   " + monitor.summaryProperty().get()),
                model.statusProperty(), monitor.summaryProperty()));
        bridge.snapshotProperty().addListener((o, a, s) -> model.statusProperty().set(s.running()
                ? s.stack() + "  ·  unsafe " + Format.integer(s.unsafe()) + "  ·  safe " + Format.integer(s.safe()) + "  ·  finalized " + Format.integer(s.finalized())
                : "Embedded runtime ready · no rollup running"));
        composer.dirtyProperty().addListener((o, a, b) -> refreshTitle());
        composer.specProperty().addListener((o, a, b) -> refreshTitle());
        refreshTitle();
        settings.problemLater().thenAccept(problem -> problem.ifPresent(p -> javafx.application.Platform.runLater(
                () -> composer.messageProperty().set("Recent projects will not be remembered: " + p))));
    }

    private PipelineView pipeline() {
        if (pipeline == null) pipeline = new PipelineView();
        return pipeline;
    }

    /**
     * Call before {@link #load()}: the window's first frame shows the shell alone (menus, sidebar,
     * status bar) and {@link #showFirstScreen()} builds the screen after it. The composer's CSS and
     * layout take about a second on a 2-core machine, which the window need not wait for.
     */
    public void deferFirstScreen() {
        deferred = true;
    }

    /** After the window's first frame: the current screen, built now if it was deferred; after its own frame, the others. */
    public void showFirstScreen() {
        if (deferred) {
            deferred = false;
            render(model.screenProperty().get());
        }
        dev.rollupstudio.ui.common.FxFrames.afterNextFrame(screens.getScene(), () -> {
            firstScreenShown = true;
            onFirstScreen.forEach(Runnable::run);
            onFirstScreen.clear();
            buildRemainingScreens();
        });
    }

    /** Runs {@code r} once the first screen has been drawn (now, if it has). */
    public void whenFirstScreenShown(Runnable r) {
        if (firstScreenShown) r.run();
        else onFirstScreen.add(r);
    }

    /** Shows every screen once (for --smoke): a screen that fails to build or render throws. */
    public int visitEveryScreen() {
        deferred = false;
        for (Screen s : Screen.values()) {
            model.show(s);
            screens.applyCss();
            screens.layout();
        }
        AboutDialog.create(null).getDialogPane().applyCss();
        model.show(Screen.COMPOSER);
        return Screen.values().length;
    }

    public ShellViewModel model() {
        return model;
    }

    /** Shows an ephemeral rollup's chain in the explorer: live, or its archive once dissolved. */
    private void openInExplorer(dev.rollupstudio.ephemeral.EphemeralStatus s) {
        ephemeral().explorerFor(s).ifPresentOrElse(q -> {
            explorer.pin("Ephemeral rollup " + s.name() + " (chain " + s.chainId() + "), " + s.phase().label()
                    + (s.phase().isEnd() ? ": its archive" : ""), ephemeral().coin(), q);
            model.show(Screen.EXPLORER);
        }, () -> status.setText(s.name() + " has no blocks yet: it goes live after provisioning"));
    }

    /** Shows an ephemeral rollup in the Runtime screen in place of the launched stack: live, or its archive once dissolved. */
    private void openInRuntime(dev.rollupstudio.ephemeral.EphemeralStatus s) {
        ephemeral().watch(s).ifPresentOrElse(w -> {
            view(Screen.RUNTIME);
            runtimeScreen.watch(w);
            model.show(Screen.RUNTIME);
        }, () -> status.setText(s.name() + " has no blocks yet: it goes live after provisioning"));
    }

    /** The Ephemeral screen's view model (made on first use). */
    public dev.rollupstudio.ui.ephemeral.EphemeralViewModel ephemeral() {
        if (ephemeral == null) ephemeral = new dev.rollupstudio.ui.ephemeral.EphemeralViewModel(background, javafx.application.Platform::runLater);
        return ephemeral;
    }

    /**
     * Builds the screens not built yet, in sidebar order, one a frame; call after the window's
     * first frame. All at once held the FX thread for 1.4-1.9 s on 2 cores (CSS, layout and class
     * loading while the JIT compilers took the CPU), and the window drew nothing meanwhile.
     */
    public void buildRemainingScreens() {
        for (Screen s : Screen.values()) {
            if (views.containsKey(s)) continue;
            view(s);
            if (screens.getScene() != null) dev.rollupstudio.ui.common.FxFrames.afterNextFrame(screens.getScene(), this::buildRemainingScreens);
            return;
        }
        onAllScreens.forEach(Runnable::run);
        onAllScreens.clear();
    }

    /** How many screens have been built so far (the shown one first, then the rest a frame apart). */
    public int screensBuilt() {
        return views.size();
    }

    /** Runs {@code r} once every screen has been built (now, if they have): the UI bench measures load, not start-up. */
    public void whenAllScreensBuilt(Runnable r) {
        if (views.size() == Screen.values().length) r.run();
        else onAllScreens.add(r);
    }

    private Node view(Screen s) {
        Node v = views.get(s);
        if (v == null) {
            v = factories.getOrDefault(s, () -> emptyState(s)).get();
            views.put(s, v);
        }
        return v;
    }

    private void render(Screen s) {
        navButtons.get(s).setSelected(true);
        if (deferred) {
            Label opening = new Label("Opening " + s.title.toLowerCase() + "…");
            opening.getStyleClass().add("text-muted");
            screens.getChildren().setAll(opening);
            return;
        }
        screens.getChildren().setAll(view(s));
        if (s == Screen.EXPLORER) explorer.refresh();
    }

    private static Node emptyState(Screen s) {
        VBox box = dev.rollupstudio.ui.common.EmptyState.of(s.icon, s.headline, s.description);
        box.getChildren().get(1).setId("headline-" + s.name().toLowerCase());
        return box;
    }

    private void refreshTitle() {
        stage.setTitle((composer.dirtyProperty().get() ? "• " : "") + composer.spec().name() + " — Rollup Studio");
    }

    private void buildMenus() {
        Menu file = files.menu(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        Menu edit = new Menu("Edit", null, item("Undo", "Shortcut+Z", composer::undo), item("Redo", "Shortcut+Shift+Z", composer::redo),
                item("Remove selected component", "Delete", () -> {
                    Layer l = composer.selectedProperty().get();
                    if (l != null) composer.remove(l);
                }));
        Menu view = new Menu("View");
        int n = 1;
        for (Screen s : Screen.values()) view.getItems().add(item(s.title, "Shortcut+" + n++, () -> model.show(s)));
        darkItem.setAccelerator(KeyCombination.keyCombination("Shortcut+T"));
        darkItem.setSelected(!"light".equals(settings.get("theme").orElse("dark")));
        darkItem.setOnAction(e -> setDarkTheme(darkItem.isSelected()));
        view.getItems().add(darkItem);
        CheckMenuItem present = new CheckMenuItem("Presentation mode");
        present.setAccelerator(KeyCombination.keyCombination("F5"));
        present.selectedProperty().bindBidirectional(presentation);
        view.getItems().add(present);
        CheckMenuItem perf = new CheckMenuItem("Performance monitor");
        perf.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+M"));
        perf.setOnAction(e -> {
            if (perf.isSelected()) monitor.start();
            else monitor.stop();
        });
        view.getItems().add(perf);
        Menu run = new Menu("Run", null, item("Launch", "Shortcut+R", this::launch), item("Stop", "Shortcut+PERIOD", this::stop));
        Menu help = new Menu("Help", null, item("About Rollup Studio", null, () -> AboutDialog.create(stage).showAndWait()));
        menus.getMenus().setAll(file, edit, view, run, help);
    }

    private final CheckMenuItem darkItem = new CheckMenuItem("Dark theme");

    /**
     * Presentation mode (View menu, F5, or {@code --present}): text and chart ticks at 18 px for a
     * room, and each screen cut to what a class needs to see (the composer opens its diagram,
     * the Runtime screen shows the pipeline and two charts without the layer chips, the
     * explorer's blocks lose their hash and gas columns).
     */
    public javafx.beans.property.BooleanProperty presentationProperty() {
        return presentation;
    }

    private void applyPresentation(boolean on) {
        if (on) {
            if (!shellRoot.getStyleClass().contains("presentation")) shellRoot.getStyleClass().add("presentation");
        } else {
            shellRoot.getStyleClass().remove("presentation");
        }
        if (composerView != null) composerView.setPresentation(on);
        if (runtimeScreen != null) runtimeScreen.setPresentation(on);
        if (explorerScreen != null) explorerScreen.setPresentation(on);
        if (walletScreen != null) walletScreen.setPresentation(on);
        if (ephemeralScreen != null) ephemeralScreen.setPresentation(on);
    }

    /** Switches the theme and remembers it. */
    public void setDarkTheme(boolean dark) {
        darkItem.setSelected(dark);
        Themes.apply(dark);
        settings.set("theme", dark ? "dark" : "light");
    }

    static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem m = new MenuItem(text);
        if (accelerator != null) m.setAccelerator(KeyCombination.keyCombination(accelerator));
        m.setOnAction(e -> action.run());
        return m;
    }

    /**
     * Launching is a RaaS purchase: the fee is paid in ALT on the new devnet's L1 after the user
     * confirms it (or, with the setting raas.confirm=false, by the dev wallet at once, for demos);
     * a launch whose fee is not paid is stopped.
     */
    private void chargeLaunchFee(StackSpec stack) {
        dev.rollupstudio.types.Amount fee = dev.rollupstudio.app.SpecRuntimes.launchFee(stack);
        if (fee.units().signum() == 0) return;
        if (settings.get("raas.confirm").map("false"::equals).orElse(false)) {
            wallet.payLaunchFeeFromDev(fee, stack.name(), p -> {
                if (p != null) composer.messageProperty().set("The launch fee was not paid: " + p);
            });
            return;
        }
        var lifetime = stack.lifecycle().lifetimeSeconds(stack);
        String breakdown = lifetime.isPresent() ? "deployment fee and " + (lifetime.getAsLong() + 3_599) / 3_600 + " h of lifetime at the hourly rate" : "deployment fee";
        if (!dev.rollupstudio.ui.wallet.LaunchFeeDialog.show(stage, wallet, fee, stack.name(), breakdown)) {
            stop();
            composer.messageProperty().set("Not launched: the RaaS fee for " + stack.name() + " was not paid");
            model.show(Screen.COMPOSER);
        }
    }

    /** Launches the composed stack; an invalid stack stays in the composer and says why. */
    public void launch() {
        Optional<Problem> error = composer.problems().stream().filter(p -> p.severity() == Problem.Severity.ERROR).findFirst();
        if (error.isPresent() || composer.hasErrors()) {
            composer.messageProperty().set("Cannot launch: " + error.map(Problem::message).orElse("the stack has errors; see Checks"));
            model.show(Screen.COMPOSER);
            return;
        }
        var stack = composer.spec();
        double tps = composer.tpsProperty().get();
        if (stack.is(dev.rollupstudio.spec.Layer.LIFECYCLE, dev.rollupstudio.spec.component.Ephemeral.ID)) {
            // an ephemeral stack lives its life on the Ephemeral screen: spawned, loaded, drained, settled on L1, dissolved
            model.show(Screen.EPHEMERAL);
            if (ephemeral().runningProperty().get()) {
                composer.messageProperty().set("An ephemeral scenario is running: stop it on the Ephemeral screen first");
                return;
            }
            ephemeral().launch(stack, Math.min(tps, 200)); // its 20 senders keep to 10 tx/s each, as wallets would
            composer.messageProperty().set(stack.name() + " runs on the Ephemeral screen: it settles back to L1 and dissolves after its lifetime");
            return;
        }
        StackSpec running = runtimes.running();
        if (running != null && stage.isShowing() && !confirmRelaunch(running, stack)) return;
        charts.get().clear();
        PipelineView flowView = pipeline();
        bridge.started(stack.name());
        composer.messageProperty().set("Launching " + stack.name() + " …");
        model.show(Screen.RUNTIME);
        // Opening a runtime may resume a long stored chain: never on the FX thread.
        background.execute(() -> {
            try {
                runtimes.launch(stack, runtimes.pace(), tps, rt -> {
                    // made for every run of this launch, a reset's too, after the previous run stopped: counters start from this chain
                    bridge.started(stack.name());
                    ChainSampler sampler = new ChainSampler(rt, charts.get()::onBlock, charts.get()::onBatch);
                    var flow = flowView.attach(rt, stack);
                    return e -> {
                        bridge.onEvent(e);
                        sampler.accept(e);
                        flow.accept(e);
                    };
                });
                javafx.application.Platform.runLater(() -> {
                    composer.messageProperty().set("Launched " + stack.name() + " on the embedded runtime");
                    chargeLaunchFee(stack);
                });
            } catch (RuntimeException e) {
                bridge.stopped();
                javafx.application.Platform.runLater(() -> {
                    composer.messageProperty().set("Cannot launch: " + e.getMessage());
                    model.show(Screen.COMPOSER);
                });
            }
        });
    }

    /** Launching while a rollup runs stops it: only with the user's word. */
    private boolean confirmRelaunch(StackSpec running, StackSpec next) {
        var alert = new Alert(Alert.AlertType.CONFIRMATION, "Its chain stays stored and resumes the next time it is launched.", ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(stage);
        alert.setTitle("A rollup is running");
        alert.setHeaderText("Stop " + running.name() + " and launch " + next.name() + "?");
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    public void stop() {
        background.execute(runtimes::stop);
        bridge.stopped();
        composer.messageProperty().set("Stopped; the stack can be launched again");
    }

    /** Runtime controls that may take a moment (stop, reset) go off the FX thread. */
    public java.util.concurrent.Executor control() {
        return background;
    }

    public dev.rollupstudio.ui.common.FxMonitor monitor() {
        return monitor;
    }

    public ExplorerViewModel explorer() {
        return explorer;
    }

    public DashboardCharts charts() {
        return charts.get();
    }

    /** Opens a stack file in the composer, or says what is wrong with it. */
    public void open(Path path) {
        files.open(path);
    }

    public boolean saveTo(Path path) {
        return files.saveTo(path);
    }

    /** Asks before unsaved changes are lost; true when it is fine to go on. */
    public boolean confirmDiscard() {
        return files.confirmDiscard();
    }
}
