package dev.rollupstudio.types;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * An amount of wei (10^-18 of the chain's native coin), never negative. Amounts cross package
 * boundaries as this type, so a gwei figure can never be mistaken for wei (Besu's {@code Wei}
 * is the model).
 */
public record Wei(BigInteger value) implements Comparable<Wei> {
    public static final Wei ZERO = new Wei(BigInteger.ZERO);
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);

    public Wei {
        if (value == null || value.signum() < 0) throw new IllegalArgumentException("an amount of wei is a non-negative number, not " + value);
    }

    public static Wei of(long wei) {
        return new Wei(BigInteger.valueOf(wei));
    }

    public static Wei of(BigInteger wei) {
        return wei.signum() == 0 ? ZERO : new Wei(wei);
    }

    /** A decimal number of gwei, rounded down to whole wei (0.01 gwei is 10,000,000 wei). */
    public static Wei fromGwei(double gwei) {
        return of(BigDecimal.valueOf(gwei).multiply(new BigDecimal(GWEI)).toBigInteger());
    }

    public static Wei ether(long ether) {
        return of(BigInteger.valueOf(ether).multiply(ETHER));
    }

    public Wei add(Wei o) {
        return of(value.add(o.value));
    }

    /** Refuses to go below zero: a debit larger than the balance is a bug, not a negative amount. */
    public Wei subtract(Wei o) {
        return of(value.subtract(o.value));
    }

    public Wei max(Wei o) {
        return compareTo(o) >= 0 ? this : o;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public double toGwei() {
        return new BigDecimal(value).movePointLeft(9).doubleValue();
    }

    public double toEther() {
        return new BigDecimal(value).movePointLeft(18).doubleValue();
    }

    @Override public int compareTo(Wei o) {
        return value.compareTo(o.value);
    }

    @Override public String toString() {
        return value + " wei";
    }
}
