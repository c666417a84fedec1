package dev.rollupstudio.runtime.fault;

/**
 * An injected fault as the report and the studio show it; times in sim seconds since genesis.
 *
 * @param detectedAt null while nothing has noticed it
 * @param detectedBy what noticed it, and how
 * @param outcome    a sentence: what it did and how the system came back (or "under way")
 */
public record Fault(FaultKind kind, double injectedAt, Double detectedAt, String detectedBy, String outcome) {}
