package dev.rollupstudio.runtime.event;

/**
 * Published by the verifier when what L1 carries cannot be derived, or derives something other
 * than what was sequenced or proposed. {@code l2Block} is the block it concerns, or the next one
 * the verifier waits for.
 */
public record VerifierFinding(long atMillis, long l2Block, Kind kind, String what) implements RuntimeEvent {

    public enum Kind {
        /** A batch or channel that breaks a derivation rule: dropped, as the OP Stack's derivation does. */
        BATCH_DROPPED,
        /** An inbox entry whose data the DA layer does not serve: derivation waits at this block. */
        DATA_UNAVAILABLE,
        /** A derived block differs from the sequenced one. */
        BLOCK_DIFFERS,
        /** A proposed output root differs from the one the verifier derived. */
        OUTPUT_DIFFERS,
        /** A proposed output for a block the verifier did not derive or no longer holds: not checked. */
        OUTPUT_UNVERIFIABLE
    }
}
