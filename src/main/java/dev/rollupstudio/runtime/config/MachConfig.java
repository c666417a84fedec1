package dev.rollupstudio.runtime.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * MACH fast finality (reference.md "MACH"): operators re-execute new blocks every check interval
 * and sign attestations; a block is fast-final once signers holding the quorum of the bonded ALT
 * and of the restaked ETH (AltLayer's dual staking: both) have attested to it.
 */
public record MachConfig(List<OperatorConfig> operators, int quorumPct, long checkIntervalMillis) {
    public MachConfig {
        operators = List.copyOf(operators);
        if (operators.isEmpty()) throw new IllegalArgumentException("MACH needs at least one operator");
        if (quorumPct < 1 || quorumPct > 100) throw new IllegalArgumentException("the MACH quorum is a share of stake from 1 to 100%");
    }

    /**
     * {@code count} operators with equal bonds; the first {@code offline} sign nothing, the next
     * {@code slow} attest {@code slowMillis} late, the next {@code malicious} sign unchecked.
     */
    public static MachConfig of(int count, int quorumPct, long checkIntervalMillis, int offline, int slow, long slowMillis, int malicious) {
        return new MachConfig(OperatorConfig.set(count, offline, slow, slowMillis, malicious), quorumPct, checkIntervalMillis);
    }

    public BigInteger totalBondAlt() {
        return operators.stream().map(OperatorConfig::bondAlt).reduce(BigInteger.ZERO, BigInteger::add);
    }

    public BigInteger totalRestakedEth() {
        return operators.stream().map(OperatorConfig::restakedEth).reduce(BigInteger.ZERO, BigInteger::add);
    }

    /** Whether {@code part} of {@code total} reaches the quorum, exactly (no rounding: 65.9% of 66% is short). */
    public boolean reaches(BigInteger part, BigInteger total) {
        return OperatorConfig.reaches(part, total, quorumPct);
    }
}
