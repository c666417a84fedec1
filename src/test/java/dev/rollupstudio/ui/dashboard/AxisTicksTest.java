package dev.rollupstudio.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Chart ticks as a reader wants them: SI prefixes, three significant figures, never exponents or -0.000. */
class AxisTicksTest {

    @Test
    void ticksUseSiPrefixes() {
        assertThat(LiveChart.SI_TICKS.toString(12_500)).isEqualTo("12.5k");
        assertThat(LiveChart.SI_TICKS.toString(30_000_000)).isEqualTo("30M");
        assertThat(LiveChart.SI_TICKS.toString(8e-10)).isEqualTo("800p");
        assertThat(LiveChart.SI_TICKS.toString(0.25)).isEqualTo("0.25");
        assertThat(LiveChart.SI_TICKS.toString(-0.0)).isEqualTo("0");
        assertThat(LiveChart.SI_TICKS.toString(-1e-17)).isEqualTo("0");
        assertThat(LiveChart.SI_TICKS.toString(714.2857)).isEqualTo("714");
    }

    /** Headroom above the highest point, a readable top, and an idle series on the floor. */
    @Test
    void axesEndOnAReadableTickAboveTheHighestPoint() {
        assertThat(LiveChart.niceRange(0, 100)).containsExactly(0, 125, 25);
        assertThat(LiveChart.niceRange(0, 30)).containsExactly(0, 40, 10);
        assertThat(LiveChart.niceRange(3, 17.5)).containsExactly(0, 20, 5);
        assertThat(LiveChart.niceRange(0, 0)).containsExactly(0, 4, 1);
        assertThat(LiveChart.niceRange(-10, 10)).containsExactly(-15, 15, 5);
        double[] tiny = LiveChart.niceRange(0, 8e-10);
        assertThat(tiny[1]).isGreaterThan(8e-10 * 1.05).isLessThan(8e-10 * 1.6);
    }
}
