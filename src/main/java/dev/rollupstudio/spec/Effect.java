package dev.rollupstudio.spec;

/**
 * What a component or parameter does once launched: it acts in the runtime, it is modelled in
 * estimates and the risk view only (and says why), or it is coming with a named later piece of
 * work and runs as the plain default until then. The composer shows this on every card, so a
 * choice is never a label the runtime silently ignores.
 */
public record Effect(Kind kind, String note) {

    public enum Kind { RUNTIME, MODELLED, COMING }

    public static final Effect RUNTIME = new Effect(Kind.RUNTIME, "");

    /** Acts in the runtime, with a simplification the user should know of. */
    public static Effect runtime(String simplification) {
        return new Effect(Kind.RUNTIME, simplification);
    }

    /** Modelled in estimates and the risk view only; {@code why} says what the runtime does instead. */
    public static Effect modelled(String why) {
        return new Effect(Kind.MODELLED, why);
    }

    /** Not in the runtime yet; {@code what} says what will make it act and how the stack runs until then. */
    public static Effect coming(String what) {
        return new Effect(Kind.COMING, what);
    }

    public boolean acts() {
        return kind == Kind.RUNTIME;
    }

    /** One line for a card or a tooltip. */
    public String describe() {
        return switch (kind) {
            case RUNTIME -> note.isEmpty() ? "Acts in the runtime." : "Acts in the runtime; " + note + ".";
            case MODELLED -> "Estimates and risk view only: " + note + ".";
            case COMING -> "Coming: " + note + ".";
        };
    }
}
