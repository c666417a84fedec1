package dev.rollupstudio.ephemeral;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * An ephemeral rollup as other threads see it (the screen, the report, RPC): immutable, taken on
 * the loop thread.
 *
 * @param entered     sim time each phase began
 * @param tps         one sample per second of sim time: {start millis, transactions}
 * @param l1FeesWei   what its batches paid on L1 (and to its DA layer, in wei)
 * @param raasFeeAlt  the RaaS fee paid at provisioning, in whole ALT
 * @param dropped     transactions still pooled when draining timed out
 * @param settlement  null until it settled
 */
public record EphemeralStatus(long chainId, String name, Phase phase, Map<Phase, Long> entered, String failure, String trigger,
                              long txsServed, double peakTps, List<double[]> tps, long daBytes, long batches, BigInteger l1FeesWei,
                              BigDecimal raasFeeAlt, long dropped, long finalBlock, Settlement settlement, long nowMillis) {

    /** Sim milliseconds spent in {@code p} (so far, for the phase it is in); 0 if it never entered it, and for an end (it lasts). */
    public long millisIn(Phase p) {
        Long start = entered.get(p);
        if (start == null || p.isEnd()) return 0;
        long end = nowMillis;
        for (Phase later : Phase.values()) {
            Long t = entered.get(later);
            if (later.ordinal() > p.ordinal() && t != null) end = Math.min(end, t);
        }
        return Math.max(0, end - start);
    }
}
