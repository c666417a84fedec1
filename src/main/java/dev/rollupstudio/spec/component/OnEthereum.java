package dev.rollupstudio.spec.component;

import dev.rollupstudio.spec.DataAvailability;
import dev.rollupstudio.spec.Effect;
import dev.rollupstudio.spec.L1Costs;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.RiskView.Column;
import dev.rollupstudio.spec.RiskView.Level;
import dev.rollupstudio.spec.StackSpec;

/** Data published on Ethereum itself (blobs or calldata): available with its L1 block, and L2BEAT's "Onchain". */
abstract class OnEthereum extends CatalogEntry implements DataAvailability {
    private static final Column ONCHAIN = new Column("Data availability", Level.GOOD, "Onchain", "all data is on Ethereum");

    OnEthereum(String id, String name, String iconKey, String explanation, Param<?>... params) {
        super(id, Layer.DATA_AVAILABILITY, name, iconKey, explanation, Effect.RUNTIME, params);
    }

    @Override public double latencySeconds(StackSpec s) {
        return L1Costs.SLOT_SECONDS;
    }

    @Override public boolean onEthereum() {
        return true;
    }

    @Override public Column risk(StackSpec s) {
        return ONCHAIN;
    }
}
