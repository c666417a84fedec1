package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.types.Wei;

/**
 * Running sums that make value conservation checkable: everything minted (genesis, deposits)
 * equals every balance plus what was burnt and what left through withdrawals.
 */
public record ChainTotals(Wei burntBaseFees, Wei deposited, Wei withdrawn, long txCount, long gasUsed) {
    public static final ChainTotals ZERO = new ChainTotals(Wei.ZERO, Wei.ZERO, Wei.ZERO, 0, 0);

    public ChainTotals plus(ChainTotals o) {
        return new ChainTotals(burntBaseFees.add(o.burntBaseFees), deposited.add(o.deposited), withdrawn.add(o.withdrawn),
                txCount + o.txCount, gasUsed + o.gasUsed);
    }
}
