package dev.rollupstudio.evm;

import java.math.BigInteger;

/**
 * A 256-bit EVM word, immutable: four 64-bit limbs, least significant first. Unsigned unless an
 * operation says signed (two's complement). The common operations work on the limbs; division
 * of wide values, modular arithmetic and exponentiation go through BigInteger.
 */
public final class Word implements Comparable<Word> {
    public static final Word ZERO = new Word(0, 0, 0, 0);
    public static final Word ONE = new Word(1, 0, 0, 0);
    public static final Word MAX = new Word(-1, -1, -1, -1);
    private static final BigInteger TWO_256 = BigInteger.ONE.shiftLeft(256);
    private static final BigInteger MASK = TWO_256.subtract(BigInteger.ONE);

    final long u0;
    final long u1;
    final long u2;
    final long u3;

    Word(long u0, long u1, long u2, long u3) {
        this.u0 = u0;
        this.u1 = u1;
        this.u2 = u2;
        this.u3 = u3;
    }

    /** An unsigned 64-bit value. */
    public static Word of(long v) {
        return v == 0 ? ZERO : new Word(v, 0, 0, 0);
    }

    /** {@code v} modulo 2^256 (a negative value becomes its two's complement). */
    public static Word of(BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 256) v = v.and(MASK);
        byte[] b = v.toByteArray();
        return fromBytes(b, Math.max(0, b.length - 32), Math.min(32, b.length));
    }

    /** Big-endian bytes, at most 32; fewer are left-padded with zeros. */
    public static Word fromBytes(byte[] b, int off, int len) {
        long[] l = new long[4];
        for (int i = 0; i < len; i++) {
            int bitPos = (len - 1 - i) * 8;
            l[bitPos >>> 6] |= (b[off + i] & 0xFFL) << (bitPos & 63);
        }
        return new Word(l[0], l[1], l[2], l[3]);
    }

    public static Word fromBytes(byte[] b) {
        if (b.length > 32) throw new IllegalArgumentException("a word is at most 32 bytes, not " + b.length);
        return fromBytes(b, 0, b.length);
    }

    public BigInteger toBigInteger() {
        return new BigInteger(1, toBytes());
    }

    /** As a signed (two's complement) number. */
    public BigInteger toSigned() {
        return new BigInteger(toBytes());
    }

    public byte[] toBytes() {
        byte[] out = new byte[32];
        into(out, 0);
        return out;
    }

    /** Writes the 32 big-endian bytes at {@code off}. */
    public void into(byte[] dst, int off) {
        long[] l = {u3, u2, u1, u0};
        for (int i = 0; i < 4; i++) {
            long v = l[i];
            for (int j = 7; j >= 0; j--) {
                dst[off + i * 8 + j] = (byte) v;
                v >>>= 8;
            }
        }
    }

    /** The lowest 20 bytes, as an address's raw bytes. */
    public byte[] addressBytes() {
        byte[] b = toBytes();
        return java.util.Arrays.copyOfRange(b, 12, 32);
    }

    public boolean isZero() {
        return (u0 | u1 | u2 | u3) == 0;
    }

    /** Whether the value is below 2^63 (fits a non-negative long). */
    public boolean fitsLong() {
        return (u1 | u2 | u3) == 0 && u0 >= 0;
    }

    /** The value as a long, or Long.MAX_VALUE if it is larger: for offsets and sizes, which then fail their gas check. */
    public long clampedLong() {
        return fitsLong() ? u0 : Long.MAX_VALUE;
    }

    /** The value as an int, or Integer.MAX_VALUE if it is larger. */
    public int clampedInt() {
        return (u1 | u2 | u3) == 0 && u0 >= 0 && u0 <= Integer.MAX_VALUE ? (int) u0 : Integer.MAX_VALUE;
    }

    /** The number of bytes in the value's minimal big-endian form (0 for zero). */
    public int byteLength() {
        if (u3 != 0) return 24 + (64 - Long.numberOfLeadingZeros(u3) + 7) / 8;
        if (u2 != 0) return 16 + (64 - Long.numberOfLeadingZeros(u2) + 7) / 8;
        if (u1 != 0) return 8 + (64 - Long.numberOfLeadingZeros(u1) + 7) / 8;
        return (64 - Long.numberOfLeadingZeros(u0) + 7) / 8;
    }

    // --- arithmetic ------------------------------------------------------------------------------

    public Word add(Word o) {
        long r0 = u0 + o.u0;
        long c = Long.compareUnsigned(r0, u0) < 0 ? 1 : 0;
        long t1 = u1 + o.u1;
        long c1 = Long.compareUnsigned(t1, u1) < 0 ? 1 : 0;
        long r1 = t1 + c;
        c = c1 | (Long.compareUnsigned(r1, t1) < 0 ? 1 : 0);
        long t2 = u2 + o.u2;
        long c2 = Long.compareUnsigned(t2, u2) < 0 ? 1 : 0;
        long r2 = t2 + c;
        c = c2 | (Long.compareUnsigned(r2, t2) < 0 ? 1 : 0);
        long r3 = u3 + o.u3 + c;
        return new Word(r0, r1, r2, r3);
    }

    public Word negate() {
        return not().add(ONE);
    }

    public Word sub(Word o) {
        return add(o.negate());
    }

    public Word mul(Word o) {
        long[] a = {u0, u1, u2, u3};
        long[] b = {o.u0, o.u1, o.u2, o.u3};
        long[] r = new long[4];
        for (int i = 0; i < 4; i++) {
            if (a[i] == 0) continue;
            long carry = 0;
            for (int j = 0; i + j < 4; j++) {
                long lo = a[i] * b[j];
                long hi = unsignedMultiplyHigh(a[i], b[j]);
                long s = r[i + j] + lo;
                long c1 = Long.compareUnsigned(s, lo) < 0 ? 1 : 0;
                long s2 = s + carry;
                long c2 = Long.compareUnsigned(s2, s) < 0 ? 1 : 0;
                r[i + j] = s2;
                carry = hi + c1 + c2; // a*b + r + carry < 2^128: the carry fits in 64 bits
            }
        }
        return new Word(r[0], r[1], r[2], r[3]);
    }

    private static long unsignedMultiplyHigh(long x, long y) {
        return Math.multiplyHigh(x, y) + ((x >> 63) & y) + ((y >> 63) & x);
    }

    public Word div(Word o) {
        if (o.isZero()) return ZERO;
        if ((u1 | u2 | u3 | o.u1 | o.u2 | o.u3) == 0) return of(Long.divideUnsigned(u0, o.u0));
        return of(toBigInteger().divide(o.toBigInteger()));
    }

    public Word mod(Word o) {
        if (o.isZero()) return ZERO;
        if ((u1 | u2 | u3 | o.u1 | o.u2 | o.u3) == 0) return of(Long.remainderUnsigned(u0, o.u0));
        return of(toBigInteger().mod(o.toBigInteger()));
    }

    /** Signed division, rounding toward zero; -2^255 / -1 is -2^255. */
    public Word sdiv(Word o) {
        if (o.isZero()) return ZERO;
        return of(toSigned().divide(o.toSigned()));
    }

    /** Signed remainder, with the dividend's sign. */
    public Word smod(Word o) {
        if (o.isZero()) return ZERO;
        return of(toSigned().remainder(o.toSigned()));
    }

    public Word addmod(Word o, Word m) {
        if (m.isZero()) return ZERO;
        return of(toBigInteger().add(o.toBigInteger()).mod(m.toBigInteger()));
    }

    public Word mulmod(Word o, Word m) {
        if (m.isZero()) return ZERO;
        return of(toBigInteger().multiply(o.toBigInteger()).mod(m.toBigInteger()));
    }

    public Word exp(Word e) {
        if (e.isZero()) return ONE;
        if (isZero()) return ZERO;
        return of(toBigInteger().modPow(e.toBigInteger(), TWO_256));
    }

    /** SIGNEXTEND: extends the sign of byte {@code b} (0 = least significant) of this value. */
    public Word signExtend(Word b) {
        if (!b.fitsLong() || b.u0 >= 31) return this;
        int bit = (int) b.u0 * 8 + 7;
        boolean negative = testBit(bit);
        long[] l = {u0, u1, u2, u3};
        for (int i = 0; i < 4; i++) {
            int lo = i * 64;
            if (lo + 63 <= bit) continue;
            long keep = bit < lo ? 0 : (bit - lo == 63 ? -1L : (1L << (bit - lo + 1)) - 1);
            l[i] = negative ? (l[i] | ~keep) : (l[i] & keep);
        }
        return new Word(l[0], l[1], l[2], l[3]);
    }

    private boolean testBit(int n) {
        long limb = n < 64 ? u0 : n < 128 ? u1 : n < 192 ? u2 : u3;
        return ((limb >>> (n & 63)) & 1) != 0;
    }

    // --- comparison and bitwise -----------------------------------------------------------------

    @Override public int compareTo(Word o) {
        int c = Long.compareUnsigned(u3, o.u3);
        if (c != 0) return c;
        c = Long.compareUnsigned(u2, o.u2);
        if (c != 0) return c;
        c = Long.compareUnsigned(u1, o.u1);
        if (c != 0) return c;
        return Long.compareUnsigned(u0, o.u0);
    }

    public int compareSigned(Word o) {
        boolean neg = u3 < 0;
        boolean oneg = o.u3 < 0;
        if (neg != oneg) return neg ? -1 : 1;
        return compareTo(o);
    }

    public Word and(Word o) {
        return new Word(u0 & o.u0, u1 & o.u1, u2 & o.u2, u3 & o.u3);
    }

    public Word or(Word o) {
        return new Word(u0 | o.u0, u1 | o.u1, u2 | o.u2, u3 | o.u3);
    }

    public Word xor(Word o) {
        return new Word(u0 ^ o.u0, u1 ^ o.u1, u2 ^ o.u2, u3 ^ o.u3);
    }

    public Word not() {
        return new Word(~u0, ~u1, ~u2, ~u3);
    }

    /** BYTE: byte {@code i} counted from the most significant (0), or 0 if i >= 32. */
    public Word byteAt(Word i) {
        if (!i.fitsLong() || i.u0 >= 32) return ZERO;
        int fromLeast = 31 - (int) i.u0;
        long limb = fromLeast < 8 ? u0 : fromLeast < 16 ? u1 : fromLeast < 24 ? u2 : u3;
        return of((limb >>> ((fromLeast & 7) * 8)) & 0xFF);
    }

    public Word shl(Word shift) {
        if (!shift.fitsLong() || shift.u0 >= 256) return ZERO;
        return shiftLeft((int) shift.u0);
    }

    public Word shr(Word shift) {
        if (!shift.fitsLong() || shift.u0 >= 256) return ZERO;
        return shiftRight((int) shift.u0, 0);
    }

    /** Arithmetic shift right: fills with the sign bit. */
    public Word sar(Word shift) {
        long fill = u3 < 0 ? -1L : 0;
        if (!shift.fitsLong() || shift.u0 >= 256) return new Word(fill, fill, fill, fill);
        return shiftRight((int) shift.u0, fill);
    }

    private Word shiftLeft(int n) {
        long[] l = {u0, u1, u2, u3};
        long[] r = new long[4];
        int limbs = n >>> 6;
        int bits = n & 63;
        for (int i = 3; i >= limbs; i--) {
            long v = l[i - limbs] << bits;
            if (bits != 0 && i - limbs - 1 >= 0) v |= l[i - limbs - 1] >>> (64 - bits);
            r[i] = v;
        }
        return new Word(r[0], r[1], r[2], r[3]);
    }

    private Word shiftRight(int n, long fill) {
        long[] l = {u0, u1, u2, u3, fill, fill, fill, fill};
        long[] r = new long[4];
        int limbs = n >>> 6;
        int bits = n & 63;
        for (int i = 0; i < 4; i++) {
            long v = l[i + limbs] >>> bits;
            if (bits != 0) v |= l[i + limbs + 1] << (64 - bits);
            r[i] = v;
        }
        return new Word(r[0], r[1], r[2], r[3]);
    }

    @Override public boolean equals(Object o) {
        return o instanceof Word w && w.u0 == u0 && w.u1 == u1 && w.u2 == u2 && w.u3 == u3;
    }

    @Override public int hashCode() {
        return Long.hashCode(u0) * 31 + Long.hashCode(u1 ^ u2 ^ u3);
    }

    @Override public String toString() {
        return "0x" + toBigInteger().toString(16);
    }
}
