package dev.rollupstudio.runtime.config;

import java.math.BigInteger;
import java.util.List;

/**
 * VITAL verification: restaked operators check each proposed output root against the rollup's
 * derivation from L1 data and sign their verdict; once verdicts of "wrong" carry the quorum of
 * the bonded ALT and of the restaked ETH, they raise an alert and one of them disputes the output.
 */
public record VitalConfig(List<OperatorConfig> operators, int quorumPct) {
    public VitalConfig {
        operators = List.copyOf(operators);
        if (operators.isEmpty()) throw new IllegalArgumentException("VITAL needs at least one operator");
        if (quorumPct < 1 || quorumPct > 100) throw new IllegalArgumentException("the VITAL quorum is a share of stake from 1 to 100%");
    }

    public static VitalConfig of(int count, int quorumPct, int offline, int slow, long slowMillis, int malicious) {
        return new VitalConfig(OperatorConfig.set(count, offline, slow, slowMillis, malicious), quorumPct);
    }

    /** Whether {@code part} of {@code total} reaches the quorum, exactly. */
    public boolean reaches(BigInteger part, BigInteger total) {
        return OperatorConfig.reaches(part, total, quorumPct);
    }
}
