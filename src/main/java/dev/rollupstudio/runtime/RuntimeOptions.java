package dev.rollupstudio.runtime;

import dev.rollupstudio.runtime.config.L1Config;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.state.Genesis;
import dev.rollupstudio.state.DevGenesis;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.wallet.DevAccounts;
import java.nio.file.Path;

/**
 * Everything needed to start a runtime. A null genesis means the dev genesis: {@code devAccounts}
 * accounts of {@code mnemonic}, each funded with {@code devBalance} on L2 and on L1. A null
 * database means memory only.
 */
public record RuntimeOptions(RollupConfig rollup, L1Config l1, Genesis genesis, long seed, Pace pace, Path database,
                             int devAccounts, int senders, String mnemonic, Wei devBalance) {

    /** With the well-known dev mnemonic and 10,000 ETH per account. */
    public RuntimeOptions(RollupConfig rollup, L1Config l1, Genesis genesis, long seed, Pace pace, Path database, int devAccounts, int senders) {
        this(rollup, l1, genesis, seed, pace, database, devAccounts, senders, DevAccounts.MNEMONIC, DevGenesis.BALANCE);
    }

    public static final long DEFAULT_CHAIN_ID = 901;

    public static RuntimeOptions defaults() {
        return new RuntimeOptions(RollupConfig.opStack(DEFAULT_CHAIN_ID), L1Config.pectra(), null, 1, Pace.MAX, null, 100, 80);
    }

    public RuntimeOptions withSeed(long s) {
        return new RuntimeOptions(rollup, l1, genesis, s, pace, database, devAccounts, senders, mnemonic, devBalance);
    }

    public RuntimeOptions withPace(Pace p) {
        return new RuntimeOptions(rollup, l1, genesis, seed, p, database, devAccounts, senders, mnemonic, devBalance);
    }

    public RuntimeOptions withDatabase(Path db) {
        return new RuntimeOptions(rollup, l1, genesis, seed, pace, db, devAccounts, senders, mnemonic, devBalance);
    }

    public RuntimeOptions withRollup(RollupConfig r) {
        return new RuntimeOptions(r, l1, genesis, seed, pace, database, devAccounts, senders, mnemonic, devBalance);
    }

    public RuntimeOptions withL1(L1Config c) {
        return new RuntimeOptions(rollup, c, genesis, seed, pace, database, devAccounts, senders, mnemonic, devBalance);
    }

    /** Other dev accounts: {@code count} of {@code words}, each funded with {@code balance}. */
    public RuntimeOptions withDevAccounts(String words, int count, Wei balance) {
        return new RuntimeOptions(rollup, l1, genesis, seed, pace, database, count, senders, words, balance);
    }

    public RuntimeOptions withGenesis(Genesis g) {
        return new RuntimeOptions(rollup, l1, g, seed, pace, database, devAccounts, senders, mnemonic, devBalance);
    }
}
