package dev.rollupstudio.runtime.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * One restaked operator (of MACH fast finality or VITAL verification): its bond in ALT and restaked ETH (wei), and how it
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

    /** Each operator's bond by default: 100,000 ALT and 32 restaked ETH. */
    public static final BigInteger BOND_ALT = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(100_000));
    public static final BigInteger RESTAKED_ETH = BigInteger.TEN.pow(18).multiply(BigInteger.valueOf(32));

    /**
     * {@code count} operators with the default bonds; the first {@code offline} act on nothing, the
     * next {@code slow} act {@code slowMillis} late, the next {@code malicious} sign unchecked.
     */
    public static List<OperatorConfig> set(int count, int offline, int slow, long slowMillis, int malicious) {
        if (offline + slow + malicious > count) throw new IllegalArgumentException("more misbehaving operators than operators");
        List<OperatorConfig> ops = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Behaviour b = i < offline ? Behaviour.OFFLINE
                    : i < offline + slow ? Behaviour.SLOW
                    : i < offline + slow + malicious ? Behaviour.MALICIOUS
                    : Behaviour.HONEST;
            ops.add(new OperatorConfig("operator-" + (i + 1), BOND_ALT, RESTAKED_ETH, b, b == Behaviour.SLOW ? slowMillis : 0));
        }
        return ops;
    }

    /** Whether {@code part} of {@code total} reaches {@code quorumPct}, exactly (no rounding: 65.9% of 66% is short). */
    public static boolean reaches(BigInteger part, BigInteger total, int quorumPct) {
        return total.signum() > 0 && part.multiply(BigInteger.valueOf(100)).compareTo(total.multiply(BigInteger.valueOf(quorumPct))) >= 0;
    }

    public OperatorConfig {
        if (bondAlt.signum() < 0 || restakedEth.signum() < 0) throw new IllegalArgumentException("an operator's stake cannot be negative");
        if (delayMillis < 0) throw new IllegalArgumentException("an operator's delay cannot be negative");
    }
}
