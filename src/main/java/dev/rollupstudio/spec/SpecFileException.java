package dev.rollupstudio.spec;

/** A stack file that cannot be read; names the JSON path and what is wrong. */
public class SpecFileException extends RuntimeException {
    private final String path;

    public SpecFileException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
