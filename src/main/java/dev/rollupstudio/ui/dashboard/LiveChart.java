package dev.rollupstudio.ui.dashboard;

import dev.rollupstudio.ui.common.Format;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.spi.CircularDoubleErrorDataSet;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javax.imageio.ImageIO;

/**
 * One live chart: a title with a line-swatch legend, time on x, one or two y axes, series in
 * bounded ring buffers. Points are written from a background thread (never the FX thread;
 * ChartFX locks its datasets). The owner sets the time window ({@link #frame}), the same for
 * every chart, so charts line up; the y axes are fitted here with headroom above the highest
 * point. Pausing the scroll (or zooming) freezes the axes so a user can read; export writes CSV
 * or PNG.
 */
public final class LiveChart extends VBox {
    public static final int CAPACITY = 600;
    /** Series colours that read on both themes; the first chart series is also dashed (see {@link #styled}). */
    static final List<String> PALETTE = List.of("#4493f8", "#f0713f", "#2fa84f", "#c99a17", "#a371f7", "#1fa8b3", "#db61a2", "#8b949e");
    private final XYChart chart;
    private final DefaultNumericAxis time = new DefaultNumericAxis("time", "s");
    private final DefaultNumericAxis left;
    private DefaultNumericAxis right;
    private final ErrorDataSetRenderer leftRenderer = renderer();
    private ErrorDataSetRenderer rightRenderer;
    private final List<CircularDoubleErrorDataSet> series = new CopyOnWriteArrayList<>();
    private final List<CircularDoubleErrorDataSet> rightSeries = new CopyOnWriteArrayList<>();
    private final FlowPane legend = new FlowPane(12, 2);
    private final Label empty = new Label();
    private final Zoomer zoomer = new Zoomer();
    private final String title;
    private final String shortName;
    private boolean scrollPaused;

    public LiveChart(String id, String title, String shortName, String leftName, String leftUnit) {
        this.title = title;
        this.shortName = shortName;
        setId(id);
        getStyleClass().add("live-chart");
        left = axis(leftName, leftUnit);
        time.setAutoRanging(false);
        time.setMinorTickCount(0);
        time.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override public String toString(Number n) {
                // simulated seconds, to a tenth where the ticks fall between seconds (2.5, not a rounded 3)
                return java.math.BigDecimal.valueOf(Math.round(n.doubleValue() * 10) / 10.0).stripTrailingZeros().toPlainString();
            }

            @Override public Number fromString(String s) {
                return Double.parseDouble(s);
            }
        });
        chart = new XYChart(time, left);
        chart.setAnimated(false);
        chart.setLegendVisible(false); // ours: line swatches, and only the series that have points
        chart.getRenderers().setAll(leftRenderer);
        chart.getPlugins().add(zoomer);
        chart.setMinHeight(48); // small enough that two rows still fit under the MACH, governance and fault lines in a small window
        VBox.setVgrow(chart, Priority.ALWAYS);
        Label heading = new Label(title);
        heading.getStyleClass().add("live-chart-title");
        legend.getStyleClass().add("live-chart-legend");
        legend.setAlignment(Pos.CENTER_RIGHT);
        HBox.setHgrow(legend, Priority.ALWAYS);
        HBox header = new HBox(12, heading, legend);
        header.setAlignment(Pos.CENTER_LEFT);
        heading.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        empty.getStyleClass().addAll("text-muted", "live-chart-empty");
        empty.setWrapText(true);
        empty.setMouseTransparent(true);
        empty.setText("No points yet");
        StackPane plot = new StackPane(chart, empty);
        VBox.setVgrow(plot, Priority.ALWAYS);
        getChildren().addAll(header, plot);
        MenuItem csv = new MenuItem("Export CSV…");
        csv.setOnAction(e -> ChartExport.choose(this, title + ".csv", this::exportCsv));
        MenuItem png = new MenuItem("Export PNG…");
        png.setOnAction(e -> ChartExport.choose(this, title + ".png", this::exportPng));
        ContextMenu menu = new ContextMenu(csv, png);
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
    }

    private static DefaultNumericAxis axis(String name, String unit) {
        DefaultNumericAxis a = unit == null || unit.isEmpty() ? new DefaultNumericAxis(name) : new DefaultNumericAxis(name, unit);
        a.setTickLabelFormatter(SI_TICKS);
        a.setAutoRanging(false);
        a.set(0, 4);
        a.setMinorTickCount(0); // ten minor ticks per major one read as a ruler, not a scale
        return a;
    }

    /** Tick labels with SI prefixes and at most three significant figures: 12.5k, 0.25, 800p; never 1.25E4 or -0.000. */
    static final javafx.util.StringConverter<Number> SI_TICKS = new javafx.util.StringConverter<>() {
        private static final String[] BIG = {"", "k", "M", "G", "T"};
        private static final String[] SMALL = {"m", "µ", "n", "p", "f"};

        @Override public String toString(Number n) {
            double v = n.doubleValue();
            double a = Math.abs(v);
            if (a < 1e-15 || Double.isNaN(v)) return "0";
            if (a >= 1e-3) {
                int k = 0;
                while (a >= 1000 && k < BIG.length - 1) {
                    v /= 1000;
                    a /= 1000;
                    k++;
                }
                return Format.significant(v) + BIG[k];
            }
            int k = -1;
            while (a < 1 && k < SMALL.length - 1) {
                v *= 1000;
                a *= 1000;
                k++;
            }
            return Format.significant(v) + SMALL[k];
        }

        @Override public Number fromString(String s) {
            throw new UnsupportedOperationException("tick labels are not parsed");
        }
    };

    private static ErrorDataSetRenderer renderer() {
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setErrorStyle(ErrorStyle.NONE);
        r.setDrawMarker(false);
        return r;
    }

    /** What the chart says while its window holds no point, e.g. why no batch has been posted yet. */
    public LiveChart whenEmpty(String text) {
        empty.setText(text);
        return this;
    }

    /** A series on the left axis (FX thread, or before the chart is shown). */
    public CircularDoubleErrorDataSet series(String name) {
        CircularDoubleErrorDataSet ds = styled(new CircularDoubleErrorDataSet(name, CAPACITY));
        leftRenderer.getDatasets().add(ds);
        return ds;
    }

    /** A series on the left axis created while the chart is live (any thread): it joins the plot on the FX thread. */
    public CircularDoubleErrorDataSet seriesLater(String name) {
        CircularDoubleErrorDataSet ds = styled(new CircularDoubleErrorDataSet(name, CAPACITY));
        Platform.runLater(() -> leftRenderer.getDatasets().add(ds));
        return ds;
    }

    /** A series on a second axis at the right (created on first use). */
    public CircularDoubleErrorDataSet rightSeries(String name, String axisName, String unit) {
        if (right == null) {
            right = axis(axisName, unit);
            right.setSide(Side.RIGHT);
            rightRenderer = renderer();
            rightRenderer.getAxes().add(right);
            chart.getRenderers().add(rightRenderer);
        }
        CircularDoubleErrorDataSet ds = styled(new CircularDoubleErrorDataSet(name, CAPACITY));
        rightRenderer.getDatasets().add(ds);
        rightSeries.add(ds);
        return ds;
    }

    /**
     * The first series of a chart is drawn dashed and the others solid and wider, so a series
     * that runs on top of another ("included" on "submitted" when the chain keeps up) still shows.
     */
    private CircularDoubleErrorDataSet styled(CircularDoubleErrorDataSet ds) {
        String color = PALETTE.get(series.size() % PALETTE.size());
        var style = io.fair_acc.dataset.utils.DataSetStyleBuilder.newInstance().setDatasetColor(color).setLineColor(color);
        if (series.isEmpty()) style.setLineWidth(1.5).setLineDashes(7, 4);
        else style.setLineWidth(2.5);
        ds.setStyle(style.build());
        series.add(ds);
        return ds;
    }

    /** Freezes (true) or resumes (false) the scrolling axes. */
    public void setScrollPaused(boolean paused) {
        scrollPaused = paused;
    }

    /**
     * Shows [from, to] seconds (FX thread): the shared window every chart draws, its y axes
     * fitted to the points inside it, and a legend of the series that have points there.
     */
    public void frame(double from, double to) {
        if (scrollPaused || !zoomer.zoomStackDeque().isEmpty() || !(to > from)) return;
        time.set(from, to);
        boolean any = fit(left, without(rightSeries), from, to);
        if (right != null) any |= fit(right, rightSeries, from, to);
        empty.setVisible(!any);
        showLegend(from, to);
    }

    private List<CircularDoubleErrorDataSet> without(List<CircularDoubleErrorDataSet> others) {
        return series.stream().filter(s -> !others.contains(s)).toList();
    }

    /** Sets an axis to 0 (or the lowest point) up to the highest point plus a tenth, rounded to a readable tick. */
    private static boolean fit(DefaultNumericAxis axis, List<CircularDoubleErrorDataSet> list, double from, double to) {
        double[] range = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (CircularDoubleErrorDataSet ds : list) {
            ds.lock().readLockGuard(() -> {
                for (int i = 0; i < ds.getDataCount(); i++) {
                    double x = ds.get(0, i);
                    double y = ds.get(1, i);
                    if (x < from || x > to || !Double.isFinite(y)) continue;
                    range[0] = Math.min(range[0], y);
                    range[1] = Math.max(range[1], y);
                }
            });
        }
        boolean any = range[0] <= range[1];
        double[] nice = niceRange(any ? range[0] : 0, any ? range[1] : 0);
        axis.setTickUnit(nice[2]);
        axis.set(nice[0], nice[1]);
        return any;
    }

    /**
     * {min, max, tick}: from 0 (or below, for negative points) to about 10% above the highest
     * point, ending on a tick of 1, 2, 2.5 or 5 times a power of ten, about four ticks in all;
     * 0 to 4 when everything is 0, so an idle series lies on the floor, not across the middle,
     * and an empty count axis does not read 0.25 transactions.
     */
    static double[] niceRange(double lo, double hi) {
        lo = Math.min(0, lo);
        hi = Math.max(0, hi);
        if (hi - lo < 1e-12) return new double[] {0, 4, 1};
        double tick = niceStep((hi - lo) / 4);
        double min = lo < 0 ? Math.floor(lo * 1.1 / tick) * tick : 0;
        double max = hi > 0 ? Math.ceil(hi * 1.1 / tick) * tick : 0;
        if (max - min < tick) max = min + tick;
        return new double[] {min, max, tick};
    }

    private static double niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5}) if (m * power >= raw) return m * power;
        return 10 * power;
    }

    private void showLegend(double from, double to) {
        List<CircularDoubleErrorDataSet> shown = series.stream().filter(ds -> hasPointIn(ds, from, to)).toList();
        if (shown.size() == legend.getChildren().size()
                && shown.stream().map(CircularDoubleErrorDataSet::getName).toList().equals(legend.getChildren().stream().map(n -> ((Label) n).getText()).toList())) {
            return;
        }
        legend.getChildren().setAll(shown.stream().map(this::legendItem).toList());
    }

    private static boolean hasPointIn(CircularDoubleErrorDataSet ds, double from, double to) {
        int n = ds.getDataCount();
        return n > 0 && ds.get(0, n - 1) >= from;
    }

    /** A legend entry: a short line in the series' colour and dash, then its name. */
    private Label legendItem(CircularDoubleErrorDataSet ds) {
        int i = series.indexOf(ds);
        Line swatch = new Line(0, 0, 22, 0);
        swatch.setStroke(Color.web(PALETTE.get(i % PALETTE.size())));
        swatch.setStrokeWidth(i == 0 ? 2 : 3);
        if (i == 0) swatch.getStrokeDashArray().setAll(6.0, 3.0);
        Label l = new Label(ds.getName(), swatch);
        l.getStyleClass().add("legend-item");
        return l;
    }

    public List<CircularDoubleErrorDataSet> seriesList() {
        return series;
    }

    /** The names in the legend now (for tests). */
    public List<String> legendNames() {
        return legend.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    public boolean showsEmptyNote() {
        return empty.isVisible();
    }

    public XYChart chart() {
        return chart;
    }

    public DefaultNumericAxis timeAxis() {
        return time;
    }

    public DefaultNumericAxis leftAxis() {
        return left;
    }

    public String title() {
        return title;
    }

    /** The chart's name on the chart chooser. */
    public String shortName() {
        return shortName;
    }

    /** One row per point: series, time (s), value. */
    public void exportCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("series,time_s,value\n");
            for (CircularDoubleErrorDataSet ds : series) {
                ds.lock().readLockGuard(() -> {
                    try {
                        for (int i = 0; i < ds.getDataCount(); i++) {
                            w.write(String.format(Locale.ROOT, "%s,%.3f,%s%n", ds.getName(), ds.get(0, i), ds.get(1, i)));
                        }
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        }
    }

    /** The chart with its title and legend, as it looks on screen. */
    public void exportPng(Path file) throws IOException {
        ImageIO.write(SwingFXUtils.fromFXImage(snapshot(null, null), null), "png", file.toFile());
    }
}
