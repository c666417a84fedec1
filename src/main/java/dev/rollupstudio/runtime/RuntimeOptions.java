package dev.rollupstudio.runtime;

import dev.rollupstudio.runtime.config.L1Config;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.state.Genesis;
import java.nio.file.Path;

/** Everything needed to start a runtime. A null genesis means the dev genesis; a null database, memory only. */
public record RuntimeOptions(RollupConfig rollup, L1Config l1, Genesis genesis, long seed, Pace pace, Path database,
                             int devAccounts, int senders) {

    public static final long DEFAULT_CHAIN_ID = 901;

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(RollupConfig.opStack(DEFAULT_CHAIN_ID), L1Config.pectra(), null, 1, Pace.MAX, null, 100, 80);
    }

    public RuntimeOptions withSeed(long s) {
        return new RuntimeOptions(rollup, l1, genesis, s, pace, database, devAccounts, senders);
    }

    public RuntimeOptions withPace(Pace p) {
        return new RuntimeOptions(rollup, l1, genesis, seed, p, database, devAccounts, senders);
    }

    public RuntimeOptions withDatabase(Path db) {
        return new RuntimeOptions(rollup, l1, genesis, seed, pace, db, devAccounts, senders);
    }

    public RuntimeOptions withRollup(RollupConfig r) {
        return new RuntimeOptions(r, l1, genesis, seed, pace, database, devAccounts, senders);
    }

    public RuntimeOptions withL1(L1Config c) {
        return new RuntimeOptions(rollup, c, genesis, seed, pace, database, devAccounts, senders);
    }

    public RuntimeOptions withGenesis(Genesis g) {
        return new RuntimeOptions(rollup, l1, g, seed, pace, database, devAccounts, senders);
    }
}
