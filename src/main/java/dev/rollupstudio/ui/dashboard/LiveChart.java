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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.VBox;
import javax.imageio.ImageIO;

/**
 * One live chart: time on x, one or two y axes, series in bounded ring buffers. Points are
 * written from a background thread (never the FX thread; ChartFX locks its datasets). Pausing
 * the scroll freezes the time axis so a user can zoom and read; export writes CSV or PNG.
 */
public final class LiveChart extends VBox {
    public static final int WINDOW = 600;
    private final XYChart chart;
    private final DefaultNumericAxis time = new DefaultNumericAxis("time", "s");
    private final DefaultNumericAxis left;
    private DefaultNumericAxis right;
    private final List<CircularDoubleErrorDataSet> series = new ArrayList<>();
    private final String title;

    public LiveChart(String id, String title, String leftName, String leftUnit) {
        this.title = title;
        setId(id);
        getStyleClass().add("live-chart");
        left = axis(leftName, leftUnit);
        left.setForceZeroInRange(true);
        left.setAutoRangePadding(0.1);
        time.setAutoRangePadding(0.01);
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
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.getRenderers().clear();
        chart.getRenderers().add(renderer());
        chart.getPlugins().add(new Zoomer());
        chart.setMinHeight(200);
        chart.setPrefHeight(250);
        chart.setMaxHeight(280);
        getChildren().add(chart);
        MenuItem csv = new MenuItem("Export CSV…");
        csv.setOnAction(e -> ChartExport.choose(this, title + ".csv", p -> exportCsv(p)));
        MenuItem png = new MenuItem("Export PNG…");
        png.setOnAction(e -> ChartExport.choose(this, title + ".png", p -> exportPng(p)));
        ContextMenu menu = new ContextMenu(csv, png);
        setOnContextMenuRequested(e -> menu.show(this, e.getScreenX(), e.getScreenY()));
    }

    private static DefaultNumericAxis axis(String name, String unit) {
        DefaultNumericAxis a = unit == null || unit.isEmpty() ? new DefaultNumericAxis(name) : new DefaultNumericAxis(name, unit);
        a.setTickLabelFormatter(SI_TICKS);
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

    /** A series on the left axis. */
    public CircularDoubleErrorDataSet series(String name) {
        CircularDoubleErrorDataSet ds = new CircularDoubleErrorDataSet(name, WINDOW);
        ((ErrorDataSetRenderer) chart.getRenderers().get(0)).getDatasets().add(ds);
        return styled(ds);
    }

    /**
     * The first series of a chart is drawn dashed and the others solid and wider, so a series
     * that runs on top of another ("included" on "submitted" when the chain keeps up) still shows.
     */
    private CircularDoubleErrorDataSet styled(CircularDoubleErrorDataSet ds) {
        var style = io.fair_acc.dataset.utils.DataSetStyleBuilder.newInstance();
        if (series.isEmpty()) style.setLineWidth(1.5).setLineDashes(7, 4);
        else style.setLineWidth(2.5);
        ds.setStyle(style.build());
        series.add(ds);
        return ds;
    }

    /** A series on a second axis at the right (created on first use). */
    public CircularDoubleErrorDataSet rightSeries(String name, String axisName, String unit) {
        if (right == null) {
            right = axis(axisName, unit);
            right.setSide(Side.RIGHT);
            right.setForceZeroInRange(true);
            right.setAutoRangePadding(0.1);
            ErrorDataSetRenderer r = renderer();
            r.getAxes().add(right);
            chart.getRenderers().add(r);
        }
        CircularDoubleErrorDataSet ds = new CircularDoubleErrorDataSet(name, WINDOW);
        ((ErrorDataSetRenderer) chart.getRenderers().get(1)).getDatasets().add(ds);
        return styled(ds);
    }

    /** Freezes (true) or resumes (false) the scrolling time axis. */
    public void setScrollPaused(boolean paused) {
        time.setAutoRanging(!paused);
    }

    public List<CircularDoubleErrorDataSet> seriesList() {
        return series;
    }

    public XYChart chart() {
        return chart;
    }

    public String title() {
        return title;
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

    public void exportPng(Path file) throws IOException {
        ImageIO.write(SwingFXUtils.fromFXImage(chart.snapshot(null, null), null), "png", file.toFile());
    }
}
