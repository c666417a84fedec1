package dev.rollupstudio.workload;

/**
 * Shapes of load for the runtime screen. The slider sets the base rate; a scenario bends it over
 * simulated time the way the event it is named after would.
 */
public enum Scenario {
    STEADY("Steady transfers", "the same rate all the time"),
    NFT_MINT("NFT mint drop", "quiet, then a 5x rush for 20 s every 2 minutes"),
    TOURNAMENT("Game tournament", "rounds of 40 s at 2x with 20 s breaks"),
    WITHDRAWAL_WAVE("Withdrawal wave", "a fifth of the transactions leave for L1");

    public final String title;
    public final String description;

    Scenario(String title, String description) {
        this.title = title;
        this.description = description;
    }

    /** Transactions per second at simulated time {@code t} for a base rate. */
    public double rate(double base, long tMillis) {
        long s = tMillis / 1000;
        return switch (this) {
            case NFT_MINT -> s % 120 < 20 ? base * 5 : base * 0.5;
            case TOURNAMENT -> s % 60 < 40 ? base * 2 : base * 0.2;
            default -> base;
        };
    }

    public double withdrawalShare() {
        return this == WITHDRAWAL_WAVE ? 0.2 : 0.002;
    }

    @Override public String toString() {
        return title;
    }
}
