package dev.rollupstudio.ui.common;

import java.util.Locale;

/** Numbers as people read them: durations, dollars, throughput. */
public final class Format {
    private Format() {}

    public static String duration(double seconds) {
        if (seconds < 1) return String.format(Locale.ROOT, "%.2f s", seconds);
        if (seconds < 60) return String.format(Locale.ROOT, "%.0f s", seconds);
        if (seconds < 3_600) return String.format(Locale.ROOT, "%d min %d s", (long) seconds / 60, (long) seconds % 60);
        if (seconds < 86_400) return String.format(Locale.ROOT, "%d h %d min", (long) seconds / 3_600, (long) seconds % 3_600 / 60);
        return String.format(Locale.ROOT, "%d d %d h", (long) seconds / 86_400, (long) seconds % 86_400 / 3_600);
    }

    /** $12.35, and below a cent three significant figures as a plain decimal: $0.000178, never $1.78e-4. */
    public static String usd(double v) {
        if (v == 0) return "$0";
        if (Math.abs(v) >= 0.01) return String.format(Locale.ROOT, "$%,.2f", v);
        return "$" + significant(v);
    }

    /** Bytes with SI prefixes: 512 B, 816 kB, 1.04 MB. */
    public static String bytes(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) return significant(v / 1e9) + " GB";
        if (a >= 1e6) return significant(v / 1e6) + " MB";
        if (a >= 1e3) return significant(v / 1e3) + " kB";
        return trim(v) + " B";
    }

    /** Three significant figures as a plain decimal: 0.000178, 1.04, 816; never an exponent. */
    public static String significant(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    public static String tps(double v) {
        return String.format(Locale.ROOT, "%,.0f tx/s", v);
    }

    /** 30000000 -> 30M, 604800 -> 604,800, -999999 -> -999,999, 0.002 -> 0.002: exact below a million, M and G above. */
    public static String compact(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) return trim(v / 1e9) + "G";
        if (a >= 1e6) return trim(v / 1e6) + "M";
        if (v == Math.rint(v)) return integer((long) v);
        return trim(v);
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.3f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    public static String integer(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** A parameter's value for a one-line summary: "yes", "7 d 0 h" for seconds, "30M gas", "pectra". */
    public static String paramValue(Object v, String unit) {
        if (v instanceof Boolean f) return f ? "yes" : "no";
        if (v instanceof Number n && unit.equals("s")) return duration(n.doubleValue());
        if (v instanceof Number n) return compact(n.doubleValue()) + (unit.isEmpty() ? "" : " " + unit);
        return String.valueOf(v);
    }
}
