package dev.rollupstudio.workload;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Shapes of load for the runtime screen and {@code run --scenario}. The slider (or {@code --tps})
 * sets the base rate; a scenario bends it over simulated time the way the event it is named after
 * would, and says what the traffic is made of.
 */
public enum Scenario {
    STEADY("steady", "Steady transfers", "ether transfers at the same rate all the time"),
    ERC20("erc20", "Token transfers", "Studio Token (ERC-20) transfers at the same rate"),
    NFT_MINT("nft-mint", "NFT mint drop", "quiet, then a 5x rush of ERC-721 mints for 20 s every 2 minutes"),
    MIXED("mixed", "Mixed traffic", "half ether transfers, a third token transfers, the rest NFT mints"),
    TOURNAMENT("tournament", "Game tournament", "rounds of 40 s at 2x with 20 s breaks"),
    WITHDRAWAL_WAVE("withdrawal-wave", "Withdrawal wave", "a fifth of the transactions leave for L1");

    private static final double WITHDRAWALS = 0.002;

    public final String id;
    public final String title;
    public final String description;

    Scenario(String id, String title, String description) {
        this.id = id;
        this.title = title;
        this.description = description;
    }

    /** Transactions per second at simulated time {@code t} for a base rate. */
    public double rate(double base, long tMillis) {
        return switch (this) {
            case NFT_MINT -> inRush(tMillis) ? base * 5 : base * 0.5;
            case TOURNAMENT -> tMillis / 1000 % 60 < 40 ? base * 2 : base * 0.2;
            default -> base;
        };
    }

    /** What the traffic at simulated time {@code t} is made of. */
    public Mix mix(long tMillis) {
        return switch (this) {
            case ERC20 -> new Mix(WITHDRAWALS, 1 - WITHDRAWALS, 0);
            case NFT_MINT -> new Mix(WITHDRAWALS, 0, inRush(tMillis) ? 0.9 : 0.1);
            case MIXED -> new Mix(WITHDRAWALS, 0.35, 0.15);
            case WITHDRAWAL_WAVE -> Mix.transfers(0.2);
            default -> Mix.transfers(WITHDRAWALS);
        };
    }

    private static boolean inRush(long tMillis) {
        return tMillis / 1000 % 120 < 20;
    }

    /** The scenario with this id ({@code erc20}, {@code nft-mint}...); the error lists them all. */
    public static Scenario byId(String id) {
        String wanted = id.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Scenario s : values()) if (s.id.equals(wanted)) return s;
        throw new IllegalArgumentException("no scenario '" + id + "'; choose one of " + ids());
    }

    public static String ids() {
        return Arrays.stream(values()).map(s -> s.id).collect(Collectors.joining(", "));
    }

    @Override public String toString() {
        return title;
    }
}
