package dev.rollupstudio.runtime.security;

import dev.rollupstudio.runtime.config.OperatorConfig.Behaviour;
import dev.rollupstudio.types.Address;
import java.math.BigInteger;
import java.util.List;

/**
 * MACH as the Runtime screen and the run report show it, taken on the loop thread: the fast-final
 * head and the stake that attested to it, each operator, and the alerts raised.
 *
 * @param lastAlert the latest alert's sentence, or null
 * @param rejected  attestations refused: not from an operator, or not signed by it
 */
public record MachStatus(long fastFinalHead, BigInteger altBehindHead, BigInteger ethBehindHead, BigInteger totalAlt, BigInteger totalEth,
                         int quorumPct, List<OperatorStatus> operators, long alerts, String lastAlert, long missedQuorums, long rejected) {

    /**
     * @param behaviour    as it behaves now (a fault may have taken it offline)
     * @param lastAttested the highest block it signed, or -1
     * @param ejected      caught signing two blocks at one height: its stake no longer counts
     */
    public record OperatorStatus(String name, Address address, BigInteger bondAlt, BigInteger restakedEth, Behaviour behaviour, long lastAttested,
                                 boolean ejected) {}

    /** The share of the bonded ALT that counts (less ejected operators') that attested to the fast-final head, in percent. */
    public double altSharePct() {
        return totalAlt.signum() == 0 ? 0 : altBehindHead.multiply(BigInteger.valueOf(10_000)).divide(totalAlt).doubleValue() / 100;
    }
}
