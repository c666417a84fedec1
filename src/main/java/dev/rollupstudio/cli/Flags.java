package dev.rollupstudio.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Checks of flag values, made before any work starts; each message names the flag and its range. */
final class Flags {
    /** What the generator can be asked for: well above what two cores sign (~2,400 tx/s), far below what exhausts memory. */
    static final double MAX_TPS = 100_000;

    private Flags() {}

    /** A value named on the command line with the simulated second it acts at: {@code sequencer-down@30}. */
    record Timed<T>(T value, long millis) {}

    /** Parses {@code name[@seconds]}; without {@code @} it acts at {@code defaultSeconds}. */
    static <T> Timed<T> timed(String flag, String text, java.util.function.Function<String, T> parse, double defaultSeconds) {
        int at = text.lastIndexOf('@');
        String name = at < 0 ? text : text.substring(0, at);
        double seconds = defaultSeconds;
        if (at >= 0) {
            try {
                seconds = Double.parseDouble(text.substring(at + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(flag + " " + text + ": after @ comes the simulated second to act at, e.g. " + name + "@30");
            }
        }
        range(flag, seconds, 0, 365 * 86_400, " simulated seconds");
        try {
            return new Timed<>(parse.apply(name), Math.round(seconds * 1000));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + " " + text + ": " + e.getMessage());
        }
    }

    static void range(String flag, double v, double min, double max, String unit) {
        if (Double.isNaN(v) || v < min || v > max) {
            throw new IllegalArgumentException(flag + " must be between " + fmt(min) + " and " + fmt(max) + unit + ", not " + fmt(v));
        }
    }

    static void positive(String flag, double v, String unit) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v <= 0) throw new IllegalArgumentException(flag + " must be a positive number" + unit + ", not " + fmt(v));
    }

    static void atLeast(String flag, long v, long min) {
        if (v < min) throw new IllegalArgumentException(flag + " must be at least " + min + ", not " + v);
    }

    /** The file's folder must exist and be writable now, not after a long run. */
    static void writable(String flag, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) throw new IllegalArgumentException(flag + ": the folder " + dir + " does not exist; create it or choose another path");
        if (!Files.isWritable(dir) || (Files.exists(file) && !Files.isWritable(file))) {
            throw new IllegalArgumentException(flag + ": cannot write " + file.toAbsolutePath() + "; choose a path you may write to");
        }
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v) : Double.toString(v);
    }
}
