package dev.rollupstudio.evm;

import dev.rollupstudio.types.Bytes;
import ethereum.ckzg4844.CKZG4844JNI;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The KZG point evaluation precompile at 0x0a (EIP-4844): checks that the blob committed to by a
 * versioned hash evaluates to {@code y} at {@code z}, with c-kzg-4844 (through jc-kzg-4844) and
 * the mainnet trusted setup shipped in our resources, loaded once on first use.
 */
final class PointEvaluation {
    static final long GAS = 50_000;
    private static final byte VERSION_KZG = 0x01;
    /** FIELD_ELEMENTS_PER_BLOB and BLS_MODULUS as two 32-byte words: what a successful call returns. */
    private static final byte[] OUTPUT = Bytes.concat(Bytes.leftPad(BigInteger.valueOf(4096).toByteArray(), 32),
            Bytes.leftPad(new BigInteger("52435875175126190479447740508185965837690552500527637822603658699938581184513").toByteArray(), 32));
    private static volatile String unavailable;
    private static volatile boolean loaded;

    private PointEvaluation() {}

    static Evm.Result run(byte[] in, long gas) {
        if (gas < GAS) return Evm.Result.halt("out of gas");
        if (in.length != 192) return Evm.Result.halt("point evaluation input is 192 bytes, got " + in.length);
        byte[] versionedHash = Arrays.copyOfRange(in, 0, 32);
        byte[] z = Arrays.copyOfRange(in, 32, 64);
        byte[] y = Arrays.copyOfRange(in, 64, 96);
        byte[] commitment = Arrays.copyOfRange(in, 96, 144);
        byte[] proof = Arrays.copyOfRange(in, 144, 192);
        if (!Arrays.equals(versionedHash(commitment), versionedHash)) return Evm.Result.halt("the commitment does not match the versioned hash");
        String why = load();
        if (why != null) return Evm.Result.halt(why);
        boolean ok;
        try {
            ok = CKZG4844JNI.verifyKzgProof(commitment, z, y, proof);
        } catch (RuntimeException e) { // a point not on the curve, a field element out of range
            return Evm.Result.halt("invalid KZG input: " + e.getMessage());
        }
        return ok ? new Evm.Result(true, gas - GAS, OUTPUT.clone(), false, null) : Evm.Result.halt("the KZG proof does not verify");
    }

    /** kzg_to_versioned_hash: 0x01 followed by the last 31 bytes of sha256(commitment). */
    static byte[] versionedHash(byte[] commitment) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(commitment);
            h[0] = VERSION_KZG;
            return h;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads the native library and the trusted setup once; null when ready, else why not. */
    private static String load() {
        if (loaded) return null;
        synchronized (PointEvaluation.class) {
            if (loaded) return null;
            if (unavailable != null) return unavailable;
            try {
                CKZG4844JNI.loadNativeLibrary();
                CKZG4844JNI.loadTrustedSetupFromResource("/kzg/trusted_setup.txt", PointEvaluation.class, 0);
                loaded = true;
                return null;
            } catch (RuntimeException | LinkageError e) {
                unavailable = "the KZG library cannot load on this platform (" + e.getMessage() + "); point evaluation is unavailable";
                return unavailable;
            }
        }
    }
}
