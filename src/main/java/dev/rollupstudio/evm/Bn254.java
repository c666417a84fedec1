package dev.rollupstudio.evm;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Precompiles 0x06 and 0x07: point addition and scalar multiplication on the alt_bn128 (bn254)
 * curve y^2 = x^3 + 3 (EIP-196, EIP-1108 prices); the pairing check is {@link Bn254Pairing}.
 */
final class Bn254 {
    private Bn254() {}

    static final BigInteger P = new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583");
    private static final BigInteger THREE = BigInteger.valueOf(3);

    /** An affine point; null is the point at infinity. */
    private record Point(BigInteger x, BigInteger y) {}

    static Evm.Result add(byte[] input, long gas) {
        if (gas < 150) return Evm.Result.halt("out of gas in bn254 add");
        byte[] in = Precompiles.padded(input, 128);
        Point a;
        Point b;
        try {
            a = point(in, 0);
            b = point(in, 64);
        } catch (IllegalArgumentException e) {
            return Evm.Result.halt(e.getMessage());
        }
        return Precompiles.ok(gas, 150, encode(add(a, b)));
    }

    static Evm.Result mul(byte[] input, long gas) {
        if (gas < 6000) return Evm.Result.halt("out of gas in bn254 mul");
        byte[] in = Precompiles.padded(input, 96);
        Point a;
        try {
            a = point(in, 0);
        } catch (IllegalArgumentException e) {
            return Evm.Result.halt(e.getMessage());
        }
        BigInteger k = new BigInteger(1, Arrays.copyOfRange(in, 64, 96));
        Point r = null;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            r = add(r, r);
            if (k.testBit(i)) r = add(r, a);
        }
        return Precompiles.ok(gas, 6000, encode(r));
    }

    private static Point point(byte[] in, int off) {
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(in, off, off + 32));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(in, off + 32, off + 64));
        if (x.compareTo(P) >= 0 || y.compareTo(P) >= 0) throw new IllegalArgumentException("a bn254 coordinate is not below the field modulus");
        if (x.signum() == 0 && y.signum() == 0) return null;
        if (!y.multiply(y).subtract(x.pow(3)).subtract(THREE).mod(P).equals(BigInteger.ZERO)) {
            throw new IllegalArgumentException("the point is not on the bn254 curve");
        }
        return new Point(x, y);
    }

    private static Point add(Point a, Point b) {
        if (a == null) return b;
        if (b == null) return a;
        BigInteger lambda;
        if (a.x().equals(b.x())) {
            if (!a.y().equals(b.y()) || a.y().signum() == 0) return null; // P + (-P)
            lambda = THREE.multiply(a.x().pow(2)).multiply(a.y().shiftLeft(1).modInverse(P)).mod(P);
        } else {
            lambda = b.y().subtract(a.y()).multiply(b.x().subtract(a.x()).modInverse(P)).mod(P);
        }
        BigInteger x = lambda.pow(2).subtract(a.x()).subtract(b.x()).mod(P);
        BigInteger y = lambda.multiply(a.x().subtract(x)).subtract(a.y()).mod(P);
        return new Point(x, y);
    }

    private static byte[] encode(Point p) {
        byte[] out = new byte[64];
        if (p == null) return out;
        put(p.x(), out, 0);
        put(p.y(), out, 32);
        return out;
    }

    private static void put(BigInteger v, byte[] out, int off) {
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, out, off + 32 - n, n);
    }
}
