package dev.rollupstudio.evm;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Precompile 0x08: the optimal ate pairing check on bn254 (EIP-197, EIP-1108 prices). A plain
 * implementation in the tower Fp2 = Fp[i]/(i^2+1) and Fp12 = Fp[w]/(w^12 - 18w^6 + 82), with G2
 * points twisted into Fp12 and affine formulas throughout: correct first, not yet fast (each
 * pair takes tens of milliseconds, the final exponentiation a few hundred).
 */
final class Bn254Pairing {
    private Bn254Pairing() {}

    private static final BigInteger P = Bn254.P;
    static final BigInteger N = new BigInteger("21888242871839275222246405745257275088548364400416034343698204186575808495617");
    private static final BigInteger ATE_LOOP_COUNT = new BigInteger("29793968203157093288");
    private static final int LOG_ATE_LOOP_COUNT = 63;
    /** Fp12's modulus w^12 - 18 w^6 + 82, lower coefficients. */
    private static final BigInteger[] FQ12_MOD = mod12();
    private static final BigInteger FINAL_EXPONENT = P.pow(12).subtract(BigInteger.ONE).divide(N);
    /** The twist's b: 3 / (9 + i) in Fp2. */
    private static final BigInteger[] B2 = fp2Div(new BigInteger[] {BigInteger.valueOf(3), BigInteger.ZERO}, new BigInteger[] {BigInteger.valueOf(9), BigInteger.ONE});

    private static BigInteger[] mod12() {
        BigInteger[] m = new BigInteger[12];
        Arrays.fill(m, BigInteger.ZERO);
        m[0] = BigInteger.valueOf(82);
        m[6] = BigInteger.valueOf(-18);
        return m;
    }

    static Evm.Result run(byte[] in, long gas) {
        if (in.length % 192 != 0) return Evm.Result.halt("bn254 pairing input must be a multiple of 192 bytes");
        long cost = 34_000L * (in.length / 192) + 45_000;
        if (cost > gas) return Evm.Result.halt("out of gas in bn254 pairing");
        BigInteger[] product = one12();
        for (int off = 0; off < in.length; off += 192) {
            BigInteger x1 = big(in, off), y1 = big(in, off + 32);
            BigInteger xIm = big(in, off + 64), xRe = big(in, off + 96), yIm = big(in, off + 128), yRe = big(in, off + 160);
            for (BigInteger c : new BigInteger[] {x1, y1, xIm, xRe, yIm, yRe}) {
                if (c.compareTo(P) >= 0) return Evm.Result.halt("a bn254 coordinate is not below the field modulus");
            }
            boolean g1Zero = x1.signum() == 0 && y1.signum() == 0;
            if (!g1Zero && !y1.multiply(y1).subtract(x1.pow(3)).subtract(BigInteger.valueOf(3)).mod(P).equals(BigInteger.ZERO)) {
                return Evm.Result.halt("a G1 point is not on the bn254 curve");
            }
            BigInteger[] qx = {xRe, xIm};
            BigInteger[] qy = {yRe, yIm};
            boolean g2Zero = xRe.signum() == 0 && xIm.signum() == 0 && yRe.signum() == 0 && yIm.signum() == 0;
            if (!g2Zero) {
                // on the twist y^2 = x^3 + 3/(9+i), and in the order-N subgroup
                BigInteger[] lhs = fp2Mul(qy, qy);
                BigInteger[] rhs = fp2Add(fp2Mul(fp2Mul(qx, qx), qx), B2);
                if (!Arrays.equals(lhs, rhs)) return Evm.Result.halt("a G2 point is not on the bn254 twist");
                if (g2Mul(new BigInteger[][] {qx, qy}, N) != null) return Evm.Result.halt("a G2 point is not in the bn254 subgroup");
            }
            if (g1Zero || g2Zero) continue;
            product = mul12(product, millerLoop(twist(qx, qy), new BigInteger[][] {fq12(x1), fq12(y1)}));
        }
        boolean one = Arrays.equals(pow12(product, FINAL_EXPONENT), one12());
        byte[] out = new byte[32];
        if (one) out[31] = 1;
        return Precompiles.ok(gas, cost, out);
    }

    private static BigInteger big(byte[] in, int off) {
        return new BigInteger(1, Arrays.copyOfRange(in, off, off + 32));
    }

    // --- Fp2 ----------------------------------------------------------------------------------------

    private static BigInteger[] fp2Add(BigInteger[] a, BigInteger[] b) {
        return new BigInteger[] {a[0].add(b[0]).mod(P), a[1].add(b[1]).mod(P)};
    }

    private static BigInteger[] fp2Sub(BigInteger[] a, BigInteger[] b) {
        return new BigInteger[] {a[0].subtract(b[0]).mod(P), a[1].subtract(b[1]).mod(P)};
    }

    private static BigInteger[] fp2Mul(BigInteger[] a, BigInteger[] b) {
        return new BigInteger[] {a[0].multiply(b[0]).subtract(a[1].multiply(b[1])).mod(P), a[0].multiply(b[1]).add(a[1].multiply(b[0])).mod(P)};
    }

    private static BigInteger[] fp2Div(BigInteger[] a, BigInteger[] b) {
        BigInteger norm = b[0].multiply(b[0]).add(b[1].multiply(b[1])).mod(P).modInverse(P);
        BigInteger[] conj = {b[0].multiply(norm).mod(P), b[1].negate().multiply(norm).mod(P)};
        return fp2Mul(a, conj);
    }

    /** k * Q in affine Fp2 coordinates; null is infinity. */
    private static BigInteger[][] g2Mul(BigInteger[][] q, BigInteger k) {
        BigInteger[][] r = null;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            r = g2Add(r, r);
            if (k.testBit(i)) r = g2Add(r, q);
        }
        return r;
    }

    private static BigInteger[][] g2Add(BigInteger[][] a, BigInteger[][] b) {
        if (a == null) return b;
        if (b == null) return a;
        BigInteger[] m;
        if (Arrays.equals(a[0], b[0])) {
            if (!Arrays.equals(a[1], b[1]) || (a[1][0].signum() == 0 && a[1][1].signum() == 0)) return null;
            BigInteger[] x2 = fp2Mul(a[0], a[0]);
            m = fp2Div(fp2Add(fp2Add(x2, x2), x2), fp2Add(a[1], a[1]));
        } else {
            m = fp2Div(fp2Sub(b[1], a[1]), fp2Sub(b[0], a[0]));
        }
        BigInteger[] x = fp2Sub(fp2Sub(fp2Mul(m, m), a[0]), b[0]);
        BigInteger[] y = fp2Sub(fp2Mul(m, fp2Sub(a[0], x)), a[1]);
        return new BigInteger[][] {x, y};
    }

    // --- Fp12 ---------------------------------------------------------------------------------------

    private static BigInteger[] zero12() {
        BigInteger[] z = new BigInteger[12];
        Arrays.fill(z, BigInteger.ZERO);
        return z;
    }

    private static BigInteger[] one12() {
        BigInteger[] o = zero12();
        o[0] = BigInteger.ONE;
        return o;
    }

    private static BigInteger[] fq12(BigInteger v) {
        BigInteger[] o = zero12();
        o[0] = v;
        return o;
    }

    private static BigInteger[] add12(BigInteger[] a, BigInteger[] b) {
        BigInteger[] r = new BigInteger[12];
        for (int i = 0; i < 12; i++) r[i] = a[i].add(b[i]).mod(P);
        return r;
    }

    private static BigInteger[] sub12(BigInteger[] a, BigInteger[] b) {
        BigInteger[] r = new BigInteger[12];
        for (int i = 0; i < 12; i++) r[i] = a[i].subtract(b[i]).mod(P);
        return r;
    }

    private static BigInteger[] scale12(BigInteger[] a, long k) {
        BigInteger[] r = new BigInteger[12];
        for (int i = 0; i < 12; i++) r[i] = a[i].multiply(BigInteger.valueOf(k)).mod(P);
        return r;
    }

    private static BigInteger[] mul12(BigInteger[] a, BigInteger[] b) {
        BigInteger[] t = new BigInteger[23];
        Arrays.fill(t, BigInteger.ZERO);
        for (int i = 0; i < 12; i++) {
            if (a[i].signum() == 0) continue;
            for (int j = 0; j < 12; j++) t[i + j] = t[i + j].add(a[i].multiply(b[j]));
        }
        for (int e = 22; e >= 12; e--) { // w^12 = 18 w^6 - 82
            BigInteger top = t[e];
            if (top.signum() == 0) continue;
            t[e] = BigInteger.ZERO;
            for (int i = 0; i < 12; i++) if (FQ12_MOD[i].signum() != 0) t[e - 12 + i] = t[e - 12 + i].subtract(top.multiply(FQ12_MOD[i]));
        }
        BigInteger[] r = new BigInteger[12];
        for (int i = 0; i < 12; i++) r[i] = t[i].mod(P);
        return r;
    }

    private static BigInteger[] pow12(BigInteger[] a, BigInteger e) {
        BigInteger[] r = one12();
        for (int i = e.bitLength() - 1; i >= 0; i--) {
            r = mul12(r, r);
            if (e.testBit(i)) r = mul12(r, a);
        }
        return r;
    }

    private static int deg(BigInteger[] p) {
        int d = p.length - 1;
        while (d > 0 && p[d].signum() == 0) d--;
        return d;
    }

    /** The inverse by the extended Euclidean algorithm on polynomials over Fp. */
    private static BigInteger[] inv12(BigInteger[] a) {
        BigInteger[] lm = new BigInteger[13];
        BigInteger[] hm = new BigInteger[13];
        BigInteger[] low = new BigInteger[13];
        BigInteger[] high = new BigInteger[13];
        Arrays.fill(lm, BigInteger.ZERO);
        Arrays.fill(hm, BigInteger.ZERO);
        lm[0] = BigInteger.ONE;
        System.arraycopy(a, 0, low, 0, 12);
        low[12] = BigInteger.ZERO;
        for (int i = 0; i < 12; i++) high[i] = FQ12_MOD[i].mod(P);
        high[12] = BigInteger.ONE;
        while (deg(low) > 0) {
            BigInteger[] r = divide(high, low);
            BigInteger[] nm = hm.clone();
            BigInteger[] nw = high.clone();
            for (int i = 0; i < 13; i++) {
                for (int j = 0; i + j < 13; j++) {
                    if (r[j].signum() == 0) continue;
                    nm[i + j] = nm[i + j].subtract(lm[i].multiply(r[j]));
                    nw[i + j] = nw[i + j].subtract(low[i].multiply(r[j]));
                }
            }
            for (int i = 0; i < 13; i++) {
                nm[i] = nm[i].mod(P);
                nw[i] = nw[i].mod(P);
            }
            hm = lm;
            high = low;
            lm = nm;
            low = nw;
        }
        BigInteger k = low[0].modInverse(P);
        BigInteger[] out = new BigInteger[12];
        for (int i = 0; i < 12; i++) out[i] = lm[i].multiply(k).mod(P);
        return out;
    }

    /** The quotient of polynomial division a / b over Fp (13 coefficients each). */
    private static BigInteger[] divide(BigInteger[] a, BigInteger[] b) {
        int da = deg(a);
        int db = deg(b);
        BigInteger[] rem = a.clone();
        BigInteger[] q = new BigInteger[13];
        Arrays.fill(q, BigInteger.ZERO);
        BigInteger lead = b[db].modInverse(P);
        for (int i = da - db; i >= 0; i--) {
            q[i] = rem[db + i].multiply(lead).mod(P);
            for (int c = 0; c <= db; c++) rem[c + i] = rem[c + i].subtract(q[i].multiply(b[c])).mod(P);
        }
        return q;
    }

    private static BigInteger[] div12(BigInteger[] a, BigInteger[] b) {
        return mul12(a, inv12(b));
    }

    // --- points in Fp12 and the Miller loop --------------------------------------------------------------

    /** Maps a G2 point on the twist into Fp12 (x / w^2, y / w^3 under the isomorphism). */
    private static BigInteger[][] twist(BigInteger[] x, BigInteger[] y) {
        BigInteger nine = BigInteger.valueOf(9);
        BigInteger[] nx = zero12();
        BigInteger[] ny = zero12();
        nx[0] = x[0].subtract(x[1].multiply(nine)).mod(P);
        nx[6] = x[1];
        ny[0] = y[0].subtract(y[1].multiply(nine)).mod(P);
        ny[6] = y[1];
        BigInteger[] w = zero12();
        w[1] = BigInteger.ONE;
        BigInteger[] w2 = mul12(w, w);
        BigInteger[] w3 = mul12(w2, w);
        return new BigInteger[][] {mul12(nx, w2), mul12(ny, w3)};
    }

    private static BigInteger[][] double12(BigInteger[][] pt) {
        BigInteger[] x = pt[0], y = pt[1];
        BigInteger[] m = div12(scale12(mul12(x, x), 3), scale12(y, 2));
        BigInteger[] nx = sub12(mul12(m, m), scale12(x, 2));
        BigInteger[] ny = sub12(sub12(mul12(m, x), mul12(m, nx)), y);
        return new BigInteger[][] {nx, ny};
    }

    private static BigInteger[][] add12pt(BigInteger[][] a, BigInteger[][] b) {
        if (a == null) return b;
        if (b == null) return a;
        if (Arrays.equals(a[0], b[0])) return Arrays.equals(a[1], b[1]) ? double12(a) : null;
        BigInteger[] m = div12(sub12(b[1], a[1]), sub12(b[0], a[0]));
        BigInteger[] nx = sub12(sub12(mul12(m, m), a[0]), b[0]);
        BigInteger[] ny = sub12(sub12(mul12(m, a[0]), mul12(m, nx)), a[1]);
        return new BigInteger[][] {nx, ny};
    }

    /** The line through p1 and p2 (the tangent if they are equal), evaluated at t. */
    private static BigInteger[] line(BigInteger[][] p1, BigInteger[][] p2, BigInteger[][] t) {
        BigInteger[] x1 = p1[0], y1 = p1[1], x2 = p2[0], y2 = p2[1], xt = t[0], yt = t[1];
        if (!Arrays.equals(x1, x2)) {
            BigInteger[] m = div12(sub12(y2, y1), sub12(x2, x1));
            return sub12(mul12(m, sub12(xt, x1)), sub12(yt, y1));
        }
        if (Arrays.equals(y1, y2)) {
            BigInteger[] m = div12(scale12(mul12(x1, x1), 3), scale12(y1, 2));
            return sub12(mul12(m, sub12(xt, x1)), sub12(yt, y1));
        }
        return sub12(xt, x1);
    }

    private static BigInteger[] millerLoop(BigInteger[][] q, BigInteger[][] p) {
        BigInteger[][] r = q;
        BigInteger[] f = one12();
        for (int i = LOG_ATE_LOOP_COUNT; i >= 0; i--) {
            f = mul12(mul12(f, f), line(r, r, p));
            r = double12(r);
            if (ATE_LOOP_COUNT.testBit(i)) {
                f = mul12(f, line(r, q, p));
                r = add12pt(r, q);
            }
        }
        BigInteger[][] q1 = {pow12(q[0], P), pow12(q[1], P)};
        BigInteger[][] nq2 = {pow12(q1[0], P), sub12(zero12(), pow12(q1[1], P))};
        f = mul12(f, line(r, q1, p));
        r = add12pt(r, q1);
        return mul12(f, line(r, nq2, p));
    }
}
