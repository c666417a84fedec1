package dev.rollupstudio.runtime.config;

import java.util.function.UnaryOperator;

/**
 * The configuration a composed stack builds up, one layer at a time: each component of the
 * spec updates the part it decides (see {@code spec.Component#configure}).
 */
public final class RuntimeSetup {
    private RollupConfig rollup;
    private L1Config l1;

    public RuntimeSetup(RollupConfig rollup, L1Config l1) {
        this.rollup = rollup;
        this.l1 = l1;
    }

    public RuntimeSetup rollup(UnaryOperator<RollupConfig> change) {
        rollup = change.apply(rollup);
        return this;
    }

    public RuntimeSetup fees(UnaryOperator<FeeConfig> change) {
        rollup = rollup.withFees(change.apply(rollup.fees()));
        return this;
    }

    public RuntimeSetup sequencing(UnaryOperator<SequencingConfig> change) {
        rollup = rollup.withSequencing(change.apply(rollup.sequencing()));
        return this;
    }

    public RuntimeSetup l1(UnaryOperator<L1Config> change) {
        l1 = change.apply(l1);
        return this;
    }

    public RollupConfig rollup() {
        return rollup;
    }

    public L1Config l1() {
        return l1;
    }
}
