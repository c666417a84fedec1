package dev.rollupstudio.ui;

import dev.rollupstudio.app.AppPaths;
import dev.rollupstudio.app.RuntimeService;
import dev.rollupstudio.app.StudioSettings;
import dev.rollupstudio.ui.common.RuntimeBridge;
import dev.rollupstudio.ui.common.Themes;
import dev.rollupstudio.ui.composer.ComposerViewModel;
import dev.rollupstudio.ui.explorer.ExplorerViewModel;
import dev.rollupstudio.ui.shell.ShellController;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The desktop studio: services wired once, an AtlantaFX theme, the window where it was left. */
public final class StudioApp extends Application {
    public static final String TITLE = "Rollup Studio";
    private Studio studio;

    private static volatile boolean smoke;
    private static volatile int benchSeconds;

    public static void launchStudio(String[] args) {
        beforeWindow();
        openSettingsEarly();
        Application.launch(StudioApp.class, args);
    }

    /** The settings database (H2 and its migrations, ~0.8 s cold) opens while JavaFX starts, on the other core. */
    private static java.util.concurrent.CompletableFuture<StudioSettings> settingsOpening;

    private static void openSettingsEarly() {
        // Logging starts up on whichever thread logs first; SLF4J then notes (harmlessly) that it replayed the other's calls.
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        settingsOpening = java.util.concurrent.CompletableFuture.supplyAsync(() -> StudioSettings.open(AppPaths.dataDir()));
    }

    /** What every way of opening a window checks and sets first. */
    private static void beforeWindow() {
        requireDisplay();
        quietClassPathWarning();
    }

    /** Held so the logger's level is not lost to garbage collection. */
    private static java.util.logging.Logger javafxLog;

    /**
     * {@code java -jar rollup-studio.jar} loads JavaFX from the class path: a single jar cannot
     * carry named modules, so JavaFX warns "Unsupported JavaFX configuration" at every start.
     * It runs the same (JavaFX 21 on the class path is what the jar was built and tested with);
     * {@code mvn javafx:run} and the installers load JavaFX as modules and never warn. The
     * warning only misleads a newcomer, so the jar keeps it quiet; the README says why.
     */
    private static void quietClassPathWarning() {
        if (Application.class.getModule().isNamed()) return;
        javafxLog = java.util.logging.Logger.getLogger("javafx");
        javafxLog.setLevel(java.util.logging.Level.SEVERE);
    }

    /**
     * On Linux and the BSDs a window needs an X11 or Wayland display; without one JavaFX says only
     * "Unable to open DISPLAY". Say what is missing and what works instead, then exit 1.
     */
    static void requireDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "Monocle".equals(System.getProperty("glass.platform"))) return;
        if (System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null) return;
        System.err.println("""
                The studio window needs a display, and none is set (no DISPLAY or WAYLAND_DISPLAY).
                Start it from a desktop session, or on a server under a virtual one: xvfb-run -a java -jar rollup-studio.jar
                On Linux it also needs GTK 3 and OpenGL: sudo apt-get install libgtk-3-0 libgl1 libxtst6 libxxf86vm1
                The command line needs neither: rollup-studio --help""");
        System.exit(1);
    }

    /**
     * Opens the main window, loads every screen once and exits 0; exits 1 with the error if
     * anything fails. Installers and CI run it to check a build really starts.
     */
    public static void launchSmoke() {
        beforeWindow();
        smoke = true;
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            System.err.println("smoke test failed: " + e);
            e.printStackTrace();
            System.exit(1);
        });
        Application.launch(StudioApp.class);
    }

    /**
     * The responsiveness benchmark: the default stack under 5,000 tx/s of load on the Runtime
     * screen (charts and pipeline live) for {@code seconds}, then the FX pulse figures. Needs a display.
     */
    public static void launchUiBench(int seconds) {
        launchUiBench(seconds, false);
    }

    private static boolean benchEphemeral;

    /** With {@code ephemeral}: the NFT mint scenario on the Ephemeral screen instead (five flash layers under load at 30x real time). */
    public static void launchUiBench(int seconds, boolean ephemeral) {
        beforeWindow();
        benchSeconds = seconds;
        benchEphemeral = ephemeral;
        Application.launch(StudioApp.class);
    }

    private static boolean startupBench;

    /**
     * Cold start to the first frame: prints when the process started, when JavaFX handed over,
     * when the window was built and shown and when its first frame was laid out, then exits.
     */
    public static void launchStartupBench() {
        beforeWindow();
        openSettingsEarly();
        startupBench = true;
        Application.launch(StudioApp.class);
    }

    /**
     * Milliseconds since the process started. ProcessHandle's start instant is off by up to a
     * second on Linux (it adds the boot time, which /proc gives in whole seconds), so on Linux
     * this reads the start in clock ticks (USER_HZ, 100) against /proc/uptime: 10 ms steps.
     * Elsewhere it counts from the JVM's creation, a few tens of milliseconds after the process.
     */
    static long sinceProcessStart() {
        try {
            double uptime = Double.parseDouble(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/uptime")).split(" ")[0]);
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            long startTicks = Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[19]); // field 22, starttime
            return Math.round((uptime - startTicks / 100.0) * 1000);
        } catch (java.io.IOException | RuntimeException notLinux) {
            return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        }
    }

    /**
     * Prints when the window's first frame was laid out (taken in that pulse) and when the first
     * frame with the composer on it was (it is built right after the first), then times theme switches.
     */
    private void reportFirstFrame(long fxStartMillis, long builtMillis, long shownMillis) {
        Scene scene = studio.stage.getScene();
        long[] firstFrame = {-1};
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            firstFrame[0] = sinceProcessStart();
        };
        scene.addPostLayoutPulseListener(once[0]);
        studio.shell.whenFirstScreenShown(() -> {
            System.out.printf("fx_start_ms=%d window_built_ms=%d shown_ms=%d first_frame_ms=%d composer_frame_ms=%d%n", fxStartMillis, builtMillis,
                    shownMillis, firstFrame[0], sinceProcessStart());
            timeThemeSwitch(4, () -> {
                studio.close();
                Platform.exit();
                System.exit(0);
            });
        });
    }

    private void startBench() {
        if (benchEphemeral) {
            startEphemeralBench();
            return;
        }
        var monitor = studio.shell.monitor();
        studio.composer.tpsProperty().set(5_000);
        studio.shell.launch();
        monitor.start();
        var done = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(benchSeconds));
        done.setOnFinished(e -> {
            var rt = studio.runtimes.runtime();
            System.out.printf("ui_bench_seconds=%d%n", benchSeconds);
            System.out.printf("pulses=%d p50_pulse_ms=%.1f p99_pulse_ms=%.1f%n", monitor.pulses(), monitor.p50MillisSinceStart(), monitor.p99MillisSinceStart());
            if (rt != null) {
                var st = rt.status();
                System.out.printf("offered_tps=5000 submitted=%d included=%d rejected=%d blocks=%d chart_points=%d%n", st.submitted(),
                        st.included(), st.rejected(), st.blocks(), studio.charts().points());
            }
            timeThemeSwitch(2, () -> {
                studio.close();
                Platform.exit();
                System.exit(0);
            });
        });
        done.play();
    }

    /** Starts the scenario once the shell has built every screen, so the pulses measured are the load's, not start-up's. */
    private void startEphemeralBench() {
        studio.shell.whenAllScreensBuilt(this::runEphemeralBench);
    }

    private void runEphemeralBench() {
        var monitor = studio.shell.monitor();
        var vm = studio.shell.ephemeral();
        studio.shell.model().show(dev.rollupstudio.ui.shell.Screen.EPHEMERAL);
        vm.speedProperty().set(30);
        vm.runScenario();
        int[] maxLive = {0};
        var watch = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.millis(250), e -> maxLive[0] = Math.max(maxLive[0],
                (int) vm.rollupsProperty().get().stream().filter(r -> r.phase() == dev.rollupstudio.ephemeral.Phase.ACTIVE).count())));
        watch.setCycleCount(javafx.animation.Animation.INDEFINITE);
        watch.play();
        monitor.start();
        var done = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(benchSeconds));
        done.setOnFinished(e -> {
            watch.stop();
            System.out.printf("ui_bench_seconds=%d mode=ephemeral scenario=nft-mint speed=30x%n", benchSeconds);
            System.out.printf("pulses=%d p50_pulse_ms=%.1f p99_pulse_ms=%.1f%n", monitor.pulses(), monitor.p50MillisSinceStart(), monitor.p99MillisSinceStart());
            long txs = vm.rollupsProperty().get().stream().mapToLong(dev.rollupstudio.ephemeral.EphemeralStatus::txsServed).sum();
            System.out.printf("most_active_at_once=%d rollups=%d txs_served=%d%n", maxLive[0], vm.rollupsProperty().get().size(), txs);
            vm.stop();
            studio.close();
            Platform.exit();
            System.exit(0);
        });
        done.play();
    }

    /** Switches the theme {@code times} times, printing how long each took to the next laid-out frame, then runs {@code then}. */
    private void timeThemeSwitch(int times, Runnable then) {
        if (times == 0) {
            then.run();
            return;
        }
        boolean dark = !"light".equals(studio.settings.get("theme").orElse("dark"));
        long start = System.nanoTime();
        studio.shell.setDarkTheme(!dark);
        long applied = System.nanoTime();
        dev.rollupstudio.ui.common.FxFrames.afterNextFrame(studio.stage.getScene(), () -> {
            System.out.printf("theme_switch_ms=%.0f (to %s; stylesheet set in %.0f ms)%n", (System.nanoTime() - start) / 1e6, dark ? "light" : "dark", (applied - start) / 1e6);
            timeThemeSwitch(times - 1, then);
        });
    }

    @Override public void start(Stage stage) {
        try {
            long fxStart = sinceProcessStart();
            studio = Studio.open(stage);
            studio.shell.deferFirstScreen(); // the window's first frame does not wait for the composer
            long built = sinceProcessStart();
            studio.show();
            if (startupBench) reportFirstFrame(fxStart, built, sinceProcessStart());
            if (getParameters().getRaw().contains("--present")) studio.shell.presentationProperty().set(true);
            getParameters().getRaw().stream().filter(a -> a.endsWith(".json")).findFirst()
                    .ifPresent(f -> studio.shell.open(java.nio.file.Path.of(f)));
            if (benchSeconds > 0) startBench();
            if (smoke) {
                int n = studio.shell.visitEveryScreen();
                Platform.runLater(() -> {
                    System.out.println("smoke ok: main window opened, " + n + " screens loaded, Rollup Studio " + dev.rollupstudio.app.About.version());
                    studio.close();
                    Platform.exit();
                    System.exit(0);
                });
            }
        } catch (RuntimeException e) {
            if (!smoke) throw e;
            System.err.println("smoke test failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    @Override public void stop() {
        if (studio != null) studio.close();
    }

    /** Everything one window needs; tests build it the same way. */
    public static final class Studio implements AutoCloseable {
        public final Stage stage;
        public final StudioSettings settings;
        public final RuntimeService runtimes;
        public final RuntimeBridge bridge = new RuntimeBridge();
        public final ComposerViewModel composer;
        private dev.rollupstudio.ui.dashboard.DashboardCharts charts;
        public final ShellController shell;
        public final ExplorerViewModel explorer;
        public final dev.rollupstudio.ui.wallet.WalletViewModel wallet;
        private dev.rollupstudio.explorer.ExplorerQueries queries;
        private java.nio.file.Path queriesDir;
        private final ExecutorService analysis = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "composer-analysis");
            t.setDaemon(true);
            return t;
        });

        private Studio(Stage stage) {
            this.stage = stage;
            this.settings = settingsOpening != null ? settingsOpening.join() : StudioSettings.open(AppPaths.dataDir());
            this.runtimes = new RuntimeService(AppPaths.dataDir());
            this.composer = new ComposerViewModel(analysis, Platform::runLater);
            this.explorer = new ExplorerViewModel(this::explorerQueries, this::explorerCoin, analysis, Platform::runLater);
            ExecutorService walletWork = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "wallet");
                t.setDaemon(true);
                return t;
            });
            this.wallet = new dev.rollupstudio.ui.wallet.WalletViewModel(
                    new dev.rollupstudio.wallet.Keystore(AppPaths.dataDir().resolve("keystore"),
                            // geth's --lightkdf for tests and demos: scrypt N=4096 rather than 262,144
                            Boolean.getBoolean("rollupstudio.lightkdf") ? dev.rollupstudio.wallet.Keystore.Strength.LIGHT : dev.rollupstudio.wallet.Keystore.Strength.STANDARD),
                    dev.rollupstudio.wallet.DevAccounts.derive(10), runtimes::wallet, walletWork, Platform::runLater, System::currentTimeMillis);
            wallet.idleLockMinutesProperty().set((int) settings.number("wallet.lockMinutes", 5));
            wallet.idleLockMinutesProperty().addListener((o, a, b) -> settings.set("wallet.lockMinutes", Integer.toString(b.intValue())));
            this.shell = new ShellController(stage, settings, runtimes, bridge, composer, this::charts, explorer, wallet);
        }

        /**
         * The Runtime screen's charts, made on first use: ChartFX's classes and eight charts take
         * about 0.8 s to load and build, which the first frame does not wait for.
         */
        public synchronized dev.rollupstudio.ui.dashboard.DashboardCharts charts() {
            if (charts == null) charts = new dev.rollupstudio.ui.dashboard.DashboardCharts();
            return charts;
        }

        public static Studio open(Stage stage) {
            return new Studio(stage);
        }

        public void show() {
            Themes.apply(!"light".equals(settings.get("theme").orElse("dark")));
            Scene scene = new Scene(shell.load());
            scene.getStylesheets().add(StudioApp.class.getResource("/css/studio.css").toExternalForm());
            stage.setScene(scene);
            for (int size : new int[] {16, 32, 48, 64, 128, 256}) {
                var icon = StudioApp.class.getResourceAsStream("/icons/rollup-studio-" + size + ".png");
                if (icon != null) stage.getIcons().add(new javafx.scene.image.Image(icon));
            }
            stage.setMinWidth(1024);
            stage.setMinHeight(640);
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            stage.setWidth(Math.min(settings.number("window.width", 1280), screen.getWidth()));
            stage.setHeight(Math.min(settings.number("window.height", 800), screen.getHeight()));
            stage.centerOnScreen();
            restorePosition();
            stage.setOnCloseRequest(e -> {
                if (!shell.confirmDiscard()) e.consume();
                else remember();
            });
            stage.show();
            dev.rollupstudio.ui.common.FxFrames.afterNextFrame(scene, shell::showFirstScreen); // then the other screens, after the first screen's frame
        }

        private void restorePosition() {
            double x = settings.number("window.x", Double.NaN);
            double y = settings.number("window.y", Double.NaN);
            if (Double.isNaN(x) || Double.isNaN(y)) return;
            boolean visible = Screen.getScreens().stream().map(Screen::getVisualBounds)
                    .anyMatch((Rectangle2D b) -> b.contains(x + 40, y + 20));
            if (visible) {
                stage.setX(x);
                stage.setY(y);
            }
        }

        private void remember() {
            settings.set("window.x", Double.toString(stage.getX()));
            settings.set("window.y", Double.toString(stage.getY()));
            settings.set("window.width", Double.toString(stage.getWidth()));
            settings.set("window.height", Double.toString(stage.getHeight()));
        }

        /** The explorer reads the chain of the running stack, or else of the stack in the composer. */
        /** The gas token of the chain the explorer shows (the running stack's, else the composed one's). */
        private String explorerCoin() {
            dev.rollupstudio.spec.StackSpec spec = runtimes.running() != null ? runtimes.running() : composer.spec();
            return spec.gasToken() == null ? "ETH" : spec.gasToken().symbol(spec);
        }

        private synchronized java.util.Optional<dev.rollupstudio.explorer.ExplorerQueries> explorerQueries() {
            dev.rollupstudio.spec.StackSpec spec = runtimes.running() != null ? runtimes.running() : composer.spec();
            java.nio.file.Path dir = runtimes.database(spec);
            if (queries != null && dir.equals(queriesDir)) return java.util.Optional.of(queries);
            if (queries != null) queries.close();
            queries = dev.rollupstudio.app.Explorers.open(dir).orElse(null);
            queriesDir = queries == null ? null : dir;
            return java.util.Optional.ofNullable(queries);
        }

        @Override public void close() {
            synchronized (this) {
                if (queries != null) queries.close();
            }
            runtimes.close();
            shell.ephemeral().close();
            synchronized (this) {
                if (charts != null) charts.close();
            }
            analysis.shutdownNow();
            settings.close();
        }
    }
}
