package dev.rollupstudio.spec;

/** A stack file that cannot be read; names the JSON path and what is wrong. */
public class SpecFileException extends RuntimeException {
    private final String path;
    private final java.util.List<SpecFileException> all;

    public SpecFileException(String path, String message) {
        super(path + ": " + message);
        this.path = path;
        this.all = java.util.List.of(this);
    }

    private SpecFileException(java.util.List<SpecFileException> all) {
        super(all.size() == 1 ? all.get(0).getMessage()
                : all.size() + " problems: " + String.join("; ", all.stream().map(Throwable::getMessage).toList()));
        this.path = all.get(0).path;
        this.all = java.util.List.copyOf(all);
    }

    /** One exception for several problems found in one file; its message lists them all. */
    static SpecFileException all(java.util.List<SpecFileException> found) {
        return found.size() == 1 ? found.get(0) : new SpecFileException(found);
    }

    public String path() {
        return path;
    }

    /** Every problem found, each with its own path and message: one, unless the file had several. */
    public java.util.List<SpecFileException> problems() {
        return all;
    }
}
