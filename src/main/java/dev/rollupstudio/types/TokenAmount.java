package dev.rollupstudio.types;

/**
 * An amount of something other than the chain's native coin: utia paid to Celestia, USD paid to
 * EigenDA or Avail. A decimal, since network prices per byte are fractions of a unit; the unit
 * travels with the amount so two units are never added by mistake.
 */
public record TokenAmount(double amount, String unit) {

    public static TokenAmount zero(String unit) {
        return new TokenAmount(0, unit);
    }

    public TokenAmount {
        if (amount < 0 || Double.isNaN(amount)) throw new IllegalArgumentException("an amount is a non-negative number, not " + amount);
    }

    /** The sum; both amounts must be in the same unit. */
    public TokenAmount plus(TokenAmount o) {
        if (o.amount == 0) return this;
        if (amount == 0) return o;
        if (!unit.equals(o.unit)) throw new IllegalArgumentException("cannot add " + o.unit + " to " + unit);
        return new TokenAmount(amount + o.amount, unit);
    }
}
