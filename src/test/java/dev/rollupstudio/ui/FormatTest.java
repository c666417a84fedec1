package dev.rollupstudio.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.ui.common.Format;
import org.junit.jupiter.api.Test;

/** Numbers as the screens print them: never in exponent notation, prefixes only where they help. */
class FormatTest {

    @Test
    void dollarsBelowACentArePlainDecimals() {
        assertThat(Format.usd(1.78e-4)).isEqualTo("$0.000178");
        assertThat(Format.usd(1.2600000000000003E-4)).isEqualTo("$0.000126");
        assertThat(Format.usd(4e-5)).isEqualTo("$0.00004");
        assertThat(Format.usd(1234.5)).isEqualTo("$1,234.50");
        assertThat(Format.usd(0)).isEqualTo("$0");
    }

    @Test
    void bytesUseSiPrefixes() {
        assertThat(Format.bytes(512)).isEqualTo("512 B");
        assertThat(Format.bytes(816_000)).isEqualTo("816 kB");
        assertThat(Format.bytes(1_037_000)).isEqualTo("1.04 MB");
    }

    @Test
    void compactIsExactBelowAMillion() {
        assertThat(Format.compact(30_000_000)).isEqualTo("30M");
        assertThat(Format.compact(604_800)).isEqualTo("604,800");
        assertThat(Format.compact(-999_999)).isEqualTo("-999,999");
        assertThat(Format.compact(0.002)).isEqualTo("0.002");
    }
}
