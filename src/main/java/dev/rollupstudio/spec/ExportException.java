package dev.rollupstudio.spec;

/** A stack that cannot be exported to the asked target, and why. */
public class ExportException extends RuntimeException {
    public ExportException(String message) {
        super(message);
    }
}
