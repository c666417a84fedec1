package dev.rollupstudio.runtime.rollup;

import java.math.BigInteger;

/**
 * Running sums that make value conservation checkable: everything minted (genesis, deposits)
 * equals every balance plus what was burnt and what left through withdrawals.
 */
public record ChainTotals(BigInteger burntBaseFees, BigInteger deposited, BigInteger withdrawn, long txCount, long gasUsed) {
    public static final ChainTotals ZERO = new ChainTotals(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, 0, 0);

    public ChainTotals plus(ChainTotals o) {
        return new ChainTotals(burntBaseFees.add(o.burntBaseFees), deposited.add(o.deposited), withdrawn.add(o.withdrawn),
                txCount + o.txCount, gasUsed + o.gasUsed);
    }
}
