package dev.rollupstudio.ui.shell;

/** The studio's screens, with the empty state each shows until it is built. */
public enum Screen {
    COMPOSER("Composer", "fth-layers", "Compose a rollup layer by layer",
            "Drag execution, sequencing, data availability, settlement and proof components onto their lanes, "
                    + "and see validation, throughput, cost and risk update as you go. Coming next."),
    RUNTIME("Runtime", "fth-activity", "Run a rollup on the embedded runtime",
            "Launch a stack to run it here with live charts."),
    EXPLORER("Explorer", "fth-search", "Explore blocks, transactions and accounts",
            "Search a block number, hash or address in everything the runtime stored."),
    EPHEMERAL("Ephemeral", "fth-clock", "Watch ephemeral rollups live and dissolve",
            "Run a scenario of rollups spawned for one event each: watch them load, drain, settle back to L1 and dissolve."),
    WALLET("Wallet", "fth-credit-card", "Keys, balances, payments and the bridge",
            "Your accounts and the devnet's dev accounts, ETH and ALT on every chain, sends, deposits and withdrawals.");

    public final String title;
    public final String icon;
    public final String headline;
    public final String description;

    Screen(String title, String icon, String headline, String description) {
        this.title = title;
        this.icon = icon;
        this.headline = headline;
        this.description = description;
    }
}
