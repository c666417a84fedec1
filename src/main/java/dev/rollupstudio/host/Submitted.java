package dev.rollupstudio.host;

import dev.rollupstudio.types.Hash;

/** What a chain said to a submitted transaction: pooled (its hash), or refused with a stable code and a sentence. */
public record Submitted(Hash hash, String code, String message) {
    public static Submitted pooled(Hash hash) {
        return new Submitted(hash, null, null);
    }

    public static Submitted refused(Hash hash, String code, String message) {
        return new Submitted(hash, code, message);
    }

    public boolean accepted() {
        return code == null;
    }
}
