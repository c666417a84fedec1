package dev.rollupstudio.ui.wallet;

import dev.rollupstudio.app.WalletGovernance;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/** One governance proposal as the Wallet screen lists it: its number (#1), what it changes, its state, the votes in ALT, and what comes next and when. */
public record ProposalRow(String number, String change, String state, String forVotes, String against, String abstain, String next) {

    static ProposalRow of(WalletGovernance.Proposal p) {
        return new ProposalRow(p.shortId(), p.description(), p.state().name().toLowerCase(Locale.ROOT),
                compact(p.forVotes()), compact(p.against()), compact(p.abstain()), p.next()); // the countdown says the state
    }

    /** Whole ALT as a table cell fits it: 1.5M, 250k, 40. */
    static String compact(BigInteger units) {
        double alt = new BigDecimal(units).movePointLeft(18).doubleValue();
        if (alt >= 1e6) return trim(alt / 1e6) + "M";
        if (alt >= 1e3) return trim(alt / 1e3) + "k";
        return trim(alt);
    }

    private static String trim(double v) {
        return String.format(Locale.ROOT, "%.2f", v).replaceAll("\\.?0+$", "");
    }
}
