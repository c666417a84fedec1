package dev.rollupstudio.spec.component;

import dev.rollupstudio.runtime.config.RuntimeSetup;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.Settlement;
import dev.rollupstudio.spec.StackSpec;

/** The embedded L1: the runtime's own Ethereum-like chain, holding outputs, the bridge and the inbox. */
public final class EmbeddedL1Settlement extends CatalogEntry implements Settlement {
    public static final String ID = "embedded-l1";
    private static final String GOVERNANCE = "they describe who may upgrade the L1 contracts, and the runtime's contracts are never upgraded";
    public static final Param<Long> UPGRADE_DELAY_DAYS = Param.integer("upgradeDelayDays", "Upgrade delay", "days", 0, 0, 365,
            "how long a contract upgrade waits before it takes effect (0: instant)", "Risk view: Exit window").modelled(GOVERNANCE);
    public static final Param<Boolean> SECURITY_COUNCIL = Param.bool("securityCouncil", "Security council", false,
            "a 6-of-8 (or similar) council with a blocking minority outside the team").modelled(GOVERNANCE);

    public EmbeddedL1Settlement() {
        super(ID, Layer.SETTLEMENT, "Embedded Ethereum L1", "fth-database",
                "A local Ethereum-like L1 with 12 s slots and finality two epochs back. It holds the output roots, the bridge and the batch inbox.",
                Effect.RUNTIME, UPGRADE_DELAY_DAYS, SECURITY_COUNCIL);
    }

    @Override public long upgradeDelaySeconds(StackSpec s) {
        return get(s, UPGRADE_DELAY_DAYS) * 86_400;
    }

    @Override public boolean securityCouncil(StackSpec s) {
        return get(s, SECURITY_COUNCIL);
    }

    @Override public void configure(StackSpec spec, Prices prices, RuntimeSetup setup) {
        // the runtime always settles on its embedded L1; the DA layer picks the L1's blob schedule
    }
}
