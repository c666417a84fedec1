package dev.rollupstudio.evm;

import dev.rollupstudio.chain.Ecdsa;
import dev.rollupstudio.types.Address;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.RIPEMD160Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;

/**
 * The precompiled contracts at 0x01-0x0a: ecrecover, sha256, ripemd160, identity, modexp
 * (EIP-2565 pricing), bn254 add, mul and the pairing check (EIP-196/197 with EIP-1108 prices), blake2f
 * (EIP-152), and the KZG point evaluation (EIP-4844).
 * A precompile that runs out of gas or rejects its input halts, losing the gas it was given.
 */
final class Precompiles {
    private Precompiles() {}

    /** A precompile: input and gas in, a result out. */
    interface Contract {
        Evm.Result run(byte[] input, long gas);
    }

    private static final BigInteger SECP256K1_N = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

    /** The precompile at {@code a}, or null if there is none. */
    static Contract get(Address a) {
        byte[] r = a.raw();
        for (int i = 0; i < 19; i++) if (r[i] != 0) return null;
        return switch (r[19]) {
            case 1 -> Precompiles::ecrecover;
            case 2 -> Precompiles::sha256;
            case 3 -> Precompiles::ripemd160;
            case 4 -> Precompiles::identity;
            case 5 -> ModExp::run;
            case 6 -> Bn254::add;
            case 7 -> Bn254::mul;
            case 8 -> Bn254Pairing::run;
            case 9 -> Blake2f::run;
            case 10 -> PointEvaluation::run;
            default -> null;
        };
    }

    /** Every precompile address, warm from a transaction's start (EIP-2929). */
    static final java.util.List<Address> ADDRESSES = java.util.stream.IntStream.rangeClosed(1, 10).mapToObj(i -> {
        byte[] b = new byte[20];
        b[19] = (byte) i;
        return Address.of(b);
    }).toList();

    static Evm.Result ok(long gas, long cost, byte[] out) {
        if (cost > gas || cost < 0) return Evm.Result.halt("out of gas in a precompile");
        return new Evm.Result(true, gas - cost, out, false, null);
    }

    static byte[] padded(byte[] in, int length) {
        return in.length >= length ? in : Arrays.copyOf(in, length);
    }

    private static long words(int bytes) {
        return (bytes + 31L) / 32;
    }

    private static Evm.Result ecrecover(byte[] input, long gas) {
        if (gas < 3000) return Evm.Result.halt("out of gas in ecrecover");
        byte[] in = padded(input, 128);
        BigInteger v = new BigInteger(1, Arrays.copyOfRange(in, 32, 64));
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(in, 64, 96));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(in, 96, 128));
        byte[] out = new byte[0];
        boolean valid = (v.intValue() == 27 || v.intValue() == 28) && v.bitLength() <= 5
                && r.signum() > 0 && r.compareTo(SECP256K1_N) < 0 && s.signum() > 0 && s.compareTo(SECP256K1_N) < 0;
        if (valid) {
            try {
                Address a = Ecdsa.active().recover(Arrays.copyOfRange(in, 0, 32), v.intValue() - 27, r, s);
                if (a != null) {
                    out = new byte[32];
                    System.arraycopy(a.raw(), 0, out, 12, 20);
                }
            } catch (RuntimeException noKey) { // no point with that r: no address, not a failure
                out = new byte[0];
            }
        }
        return ok(gas, 3000, out);
    }

    private static Evm.Result sha256(byte[] in, long gas) {
        SHA256Digest d = new SHA256Digest();
        d.update(in, 0, in.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return ok(gas, 60 + 12 * words(in.length), out);
    }

    private static Evm.Result ripemd160(byte[] in, long gas) {
        RIPEMD160Digest d = new RIPEMD160Digest();
        d.update(in, 0, in.length);
        byte[] out = new byte[32];
        d.doFinal(out, 12);
        return ok(gas, 600 + 120 * words(in.length), out);
    }

    private static Evm.Result identity(byte[] in, long gas) {
        return ok(gas, 15 + 3 * words(in.length), in.clone());
    }
}
