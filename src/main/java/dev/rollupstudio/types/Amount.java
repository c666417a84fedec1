package dev.rollupstudio.types;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An amount of a token (ETH, ALT, any ERC-20) in its smallest units, with the token's symbol and decimals: what a user
 * types and reads ("1.5 ALT") and what a chain moves (1500000000000000000). Parsing refuses more
 * decimals than the token has rather than rounding a user's money.
 */
public record Amount(BigInteger units, Token token) {
    /** A token as amounts need it: its symbol and how many decimals its smallest unit is. */
    public record Token(String symbol, int decimals) {
        public static final Token ETH = new Token("ETH", 18);
        public static final Token ALT = new Token("ALT", 18);

        public Token {
            if (decimals < 0 || decimals > 77) throw new IllegalArgumentException("a token has 0 to 77 decimals, got " + decimals);
        }
    }

    public Amount {
        if (units.signum() < 0) throw new IllegalArgumentException("an amount cannot be negative");
    }

    /**
     * What a user typed ("1.5", "1,000", "0.000001"), for sending: more than zero, at most the
     * token's decimals. Each refusal says what is wrong and what would do.
     */
    public static Amount parse(String text, Token token) {
        String t = text == null ? "" : text.trim().replace(",", "").replace("_", "");
        if (t.isEmpty()) throw new IllegalArgumentException("enter an amount of " + token.symbol() + ", e.g. 1.5");
        BigDecimal d;
        try {
            d = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text.trim() + "\" is not an amount; enter a number such as 1.5 " + token.symbol());
        }
        if (d.signum() < 0) throw new IllegalArgumentException("the amount is negative; enter how much " + token.symbol() + " to send, more than zero");
        if (d.signum() == 0) throw new IllegalArgumentException("the amount is zero; enter how much " + token.symbol() + " to send, more than zero");
        d = d.stripTrailingZeros();
        if (d.scale() > token.decimals()) {
            throw new IllegalArgumentException(token.symbol() + " has " + token.decimals() + " decimals; " + t + " has " + d.scale()
                    + ": round it to " + d.setScale(token.decimals(), java.math.RoundingMode.DOWN).stripTrailingZeros().toPlainString() + " or less precisely");
        }
        return new Amount(d.movePointRight(token.decimals()).toBigIntegerExact(), token);
    }

    public static Amount of(BigInteger units, Token token) {
        return new Amount(units, token);
    }

    /** The amount in whole tokens, without trailing zeros ("1.5"). */
    public String plain() {
        return new BigDecimal(units, token.decimals()).stripTrailingZeros().toPlainString();
    }

    /**
     * For reading at a glance: amounts of 1 or more to 6 decimals, smaller ones to 4 significant
     * digits, rounded down and marked with "~" when rounded ("~0.00004680 ETH", "1.499475 ETH").
     */
    public String display() {
        BigDecimal exact = new BigDecimal(units, token.decimals());
        BigDecimal shown = exact.compareTo(BigDecimal.ONE) >= 0 ? exact.setScale(Math.min(exact.scale(), 6), java.math.RoundingMode.DOWN)
                : exact.round(new java.math.MathContext(4, java.math.RoundingMode.DOWN));
        boolean rounded = shown.compareTo(exact) != 0;
        return (rounded ? "~" : "") + shown.stripTrailingZeros().toPlainString() + " " + token.symbol();
    }

    /** "1.5 ALT". */
    @Override public String toString() {
        return plain() + " " + token.symbol();
    }
}
