package dev.rollupstudio.spec;

import java.util.List;

/**
 * One parameter of a component: its type, unit, default and allowed range or choices, a
 * sentence saying what it does, and whether the runtime acts on it. {@code source} names the
 * reference.md row the default comes from. Components keep their parameters as typed constants
 * and read them with {@link StackSpec#get(Layer, Param)}, so no key string is repeated.
 */
public record Param<T>(String key, String label, Type type, Class<T> javaType, String unit, T defaultValue, Double min, Double max,
                       List<String> choices, String description, String source, Effect effect) {

    public enum Type { INTEGER, DECIMAL, BOOLEAN, CHOICE, TEXT }

    public static Param<Long> integer(String key, String label, String unit, long def, long min, long max, String description, String source) {
        return new Param<>(key, label, Type.INTEGER, Long.class, unit, def, (double) min, (double) max, List.of(), description, source, Effect.RUNTIME);
    }

    public static Param<Double> decimal(String key, String label, String unit, double def, double min, double max, String description, String source) {
        return new Param<>(key, label, Type.DECIMAL, Double.class, unit, def, min, max, List.of(), description, source, Effect.RUNTIME);
    }

    public static Param<Boolean> bool(String key, String label, boolean def, String description) {
        return new Param<>(key, label, Type.BOOLEAN, Boolean.class, "", def, null, null, List.of(), description, null, Effect.RUNTIME);
    }

    public static Param<String> choice(String key, String label, String def, List<String> choices, String description) {
        return new Param<>(key, label, Type.CHOICE, String.class, "", def, null, null, choices, description, null, Effect.RUNTIME);
    }

    public static Param<String> text(String key, String label, String def, String description) {
        return new Param<>(key, label, Type.TEXT, String.class, "", def, null, null, List.of(), description, null, Effect.RUNTIME);
    }

    /** The same parameter, modelled in estimates and the risk view only, for the reason given. */
    public Param<T> modelled(String why) {
        return withEffect(Effect.modelled(why));
    }

    /** The same parameter, acting only once the work named lands. */
    public Param<T> coming(String what) {
        return withEffect(Effect.coming(what));
    }

    private Param<T> withEffect(Effect e) {
        return new Param<>(key, label, type, javaType, unit, defaultValue, min, max, choices, description, source, e);
    }

    /** A stored value (a JSON number may arrive as any Number) as this parameter's type. */
    public T read(Object raw) {
        Object v = switch (type) {
            case INTEGER -> ((Number) raw).longValue();
            case DECIMAL -> ((Number) raw).doubleValue();
            default -> raw;
        };
        return javaType.cast(v);
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
