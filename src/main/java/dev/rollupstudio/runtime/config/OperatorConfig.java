package dev.rollupstudio.runtime.config;

import java.math.BigInteger;

/**
 * One restaked operator of MACH fast finality: its bond in ALT and restaked ETH (wei), and how it
 * behaves, so a teacher can show a quorum lost and a bad block signed.
 *
 * @param delayMillis for {@link Behaviour#SLOW}: how long after a check its attestation arrives
 */
public record OperatorConfig(String name, BigInteger bondAlt, BigInteger restakedEth, Behaviour behaviour, long delayMillis) {
    public enum Behaviour {
        /** Re-executes each block and signs only what it computed itself. */
        HONEST,
        /** Signs nothing. */
        OFFLINE,
        /** Honest, but its attestations arrive {@code delayMillis} late. */
        SLOW,
        /** Signs whatever the sequencer sealed, unchecked, bad blocks included. */
        MALICIOUS
    }

    public OperatorConfig {
        if (bondAlt.signum() < 0 || restakedEth.signum() < 0) throw new IllegalArgumentException("an operator's stake cannot be negative");
        if (delayMillis < 0) throw new IllegalArgumentException("an operator's delay cannot be negative");
    }
}
