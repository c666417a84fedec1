package dev.rollupstudio.runtime.config;

/**
 * How outputs become trustworthy: optimistic (disputable for a challenge window), validity (a
 * proof verified on L1 after a proving delay), or none. The delay is what a withdrawal waits
 * after its output, and for validity proofs also what the finalized head waits for.
 */
public record ProofSystem(Kind kind, long delaySeconds) {

    public enum Kind { OPTIMISTIC, VALIDITY, NONE }

    public static ProofSystem optimistic(long challengeWindowSeconds) {
        return new ProofSystem(Kind.OPTIMISTIC, challengeWindowSeconds);
    }

    public static ProofSystem validity(long provingLatencySeconds) {
        return new ProofSystem(Kind.VALIDITY, provingLatencySeconds);
    }

    public static ProofSystem none() {
        return new ProofSystem(Kind.NONE, 0);
    }

    public long delayMillis() {
        return delaySeconds * 1000;
    }
}
