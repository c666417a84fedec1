package dev.rollupstudio.spec;

/** The layers of a modular rollup, one component each; {@code key} is the JSON name. */
public enum Layer {
    EXECUTION("execution", "Execution"),
    SEQUENCING("sequencing", "Sequencing"),
    SETTLEMENT("settlement", "Settlement"),
    DATA_AVAILABILITY("dataAvailability", "Data availability"),
    PROOFS("proofs", "Proofs"),
    SECURITY("security", "Restaked security"),
    LIFECYCLE("lifecycle", "Lifecycle"),
    GAS_TOKEN("gasToken", "Gas token");

    public final String key;
    public final String title;

    Layer(String key, String title) {
        this.key = key;
        this.title = title;
    }

    public static Layer ofKey(String key) {
        for (Layer l : values()) if (l.key.equals(key)) return l;
        return null;
    }
}
