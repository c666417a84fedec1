package dev.rollupstudio.state;

/** A genesis file that cannot be used; names the JSON path at fault and how to fix it. */
public class GenesisException extends RuntimeException {
    public GenesisException(String message) {
        super(message);
    }
}
