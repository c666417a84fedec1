package dev.rollupstudio.spec;

/** A validation finding: how bad, where in the file (and which layer, for the composer), and what to change. */
public record Problem(Severity severity, String path, Layer layer, String message, String rule) {

    public enum Severity { ERROR, WARNING }

    @Override public String toString() {
        return severity.name().toLowerCase() + "  " + path + "  " + message;
    }
}
