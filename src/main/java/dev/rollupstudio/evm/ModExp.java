package dev.rollupstudio.evm;

import java.math.BigInteger;

/** Precompile 0x05: base^exp mod m over big integers, priced by EIP-2565. */
final class ModExp {
    private ModExp() {}

    private static BigInteger slice(byte[] in, long from, long length) {
        if (length == 0) return BigInteger.ZERO;
        byte[] b = new byte[(int) length];
        if (from < in.length) System.arraycopy(in, (int) from, b, 0, (int) Math.min(length, in.length - from));
        return new BigInteger(1, b);
    }

    static Evm.Result run(byte[] in, long gas) {
        BigInteger baseLen = slice(in, 0, 32);
        BigInteger expLen = slice(in, 32, 32);
        BigInteger modLen = slice(in, 64, 32);
        BigInteger maxLen = baseLen.max(modLen);
        BigInteger words = maxLen.add(BigInteger.valueOf(7)).shiftRight(3);
        BigInteger complexity = words.multiply(words);
        // the exponent's first 32 bytes decide the iteration count
        BigInteger head = BigInteger.ZERO;
        if (baseLen.bitLength() < 32 && expLen.signum() > 0) {
            long headLen = Math.min(32, expLen.min(BigInteger.valueOf(32)).longValue());
            head = slice(in, 96 + baseLen.longValue(), headLen);
        }
        BigInteger iterations;
        if (expLen.compareTo(BigInteger.valueOf(32)) <= 0) {
            iterations = head.signum() == 0 ? BigInteger.ZERO : BigInteger.valueOf(head.bitLength() - 1L);
        } else {
            iterations = expLen.subtract(BigInteger.valueOf(32)).shiftLeft(3).add(BigInteger.valueOf(Math.max(head.bitLength() - 1, 0)));
        }
        iterations = iterations.max(BigInteger.ONE);
        BigInteger cost = complexity.multiply(iterations).divide(BigInteger.valueOf(3)).max(BigInteger.valueOf(200));
        if (cost.compareTo(BigInteger.valueOf(gas)) > 0) return Evm.Result.halt("out of gas in modexp");
        long c = cost.longValue();
        if (baseLen.signum() == 0 && modLen.signum() == 0) return Precompiles.ok(gas, c, new byte[0]);
        int bl = baseLen.intValueExact();
        int ml = modLen.intValueExact();
        long el = expLen.longValueExact();
        BigInteger base = slice(in, 96, bl);
        BigInteger exp = slice(in, 96L + bl, el);
        BigInteger mod = slice(in, 96L + bl + el, ml);
        byte[] out = new byte[ml];
        if (mod.signum() != 0) {
            byte[] r = base.modPow(exp, mod).toByteArray();
            int n = Math.min(r.length, ml);
            System.arraycopy(r, r.length - n, out, ml - n, n);
        }
        return Precompiles.ok(gas, c, out);
    }

}
