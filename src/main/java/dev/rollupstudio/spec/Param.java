package dev.rollupstudio.spec;

import java.util.List;

/**
 * One parameter of a component: its type, unit, default and allowed range or choices, and a
 * sentence saying what it does. {@code source} names the reference.md row the default comes from.
 */
public record Param(String key, String label, Type type, String unit, Object defaultValue, Double min, Double max,
                    List<String> choices, String description, String source) {

    public enum Type { INTEGER, DECIMAL, BOOLEAN, CHOICE, TEXT }

    public static Param integer(String key, String label, String unit, long def, long min, long max, String description, String source) {
        return new Param(key, label, Type.INTEGER, unit, def, (double) min, (double) max, List.of(), description, source);
    }

    public static Param decimal(String key, String label, String unit, double def, double min, double max, String description, String source) {
        return new Param(key, label, Type.DECIMAL, unit, def, min, max, List.of(), description, source);
    }

    public static Param bool(String key, String label, boolean def, String description) {
        return new Param(key, label, Type.BOOLEAN, "", def, null, null, List.of(), description, null);
    }

    public static Param choice(String key, String label, String def, List<String> choices, String description) {
        return new Param(key, label, Type.CHOICE, "", def, null, null, choices, description, null);
    }

    public static Param text(String key, String label, String def, String description) {
        return new Param(key, label, Type.TEXT, "", def, null, null, List.of(), description, null);
    }

    /** Why {@code value} is not allowed, or null if it is. */
    public String problem(Object value) {
        switch (type) {
            case INTEGER, DECIMAL -> {
                if (!(value instanceof Number n)) return label + " must be a number";
                if (type == Type.INTEGER && n.doubleValue() != Math.rint(n.doubleValue())) return label + " must be a whole number";
                double v = n.doubleValue();
                if (min != null && v < min) return label + " must be at least " + fmt(min) + unitSuffix() + ", not " + fmt(v);
                if (max != null && v > max) return label + " must be at most " + fmt(max) + unitSuffix() + ", not " + fmt(v);
                return null;
            }
            case BOOLEAN -> {
                return value instanceof Boolean ? null : label + " must be true or false";
            }
            case CHOICE -> {
                return choices.contains(value) ? null : label + " must be one of " + String.join(", ", choices) + ", not " + value;
            }
            default -> {
                return value instanceof String ? null : label + " must be text";
            }
        }
    }

    private String unitSuffix() {
        return unit.isEmpty() ? "" : " " + unit;
    }

    static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
