package dev.rollupstudio.sim;

/** How simulated time relates to wall time: as fast as possible, or wall time times a speed factor. */
public record Pace(double speed) {
    public static final Pace MAX = new Pace(Double.POSITIVE_INFINITY);
    public static final double MIN_SPEED = 0.1;
    public static final double MAX_SPEED = 100;

    public Pace {
        if (!(speed == Double.POSITIVE_INFINITY || (speed >= MIN_SPEED && speed <= MAX_SPEED))) {
            throw new IllegalArgumentException("speed must be 'max' or between " + MIN_SPEED + "x and " + MAX_SPEED + "x, got " + speed);
        }
    }

    public static Pace realtime(double speed) {
        return new Pace(speed);
    }

    /** "max" or a factor such as "1", "10", "0.5". */
    public static Pace parse(String text) {
        if (text.equalsIgnoreCase("max")) return MAX;
        try {
            return new Pace(Double.parseDouble(text.endsWith("x") ? text.substring(0, text.length() - 1) : text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("speed must be 'max' or a number between 0.1 and 100, got '" + text + "'");
        }
    }

    public boolean isMax() {
        return speed == Double.POSITIVE_INFINITY;
    }

    @Override public String toString() {
        return isMax() ? "max" : speed + "x";
    }
}
