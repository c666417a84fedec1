package dev.rollupstudio.rpc;

import dev.rollupstudio.types.Bytes;
import java.math.BigInteger;

/** JSON-RPC's two hex forms: quantities ("0x0", "0x1a", no leading zeros) and data ("0x", even length). */
public final class Hex {
    private Hex() {}

    public static String quantity(long v) {
        return "0x" + Long.toHexString(v);
    }

    public static String quantity(BigInteger v) {
        return "0x" + v.toString(16);
    }

    public static String data(byte[] b) {
        return Bytes.toHex(b);
    }

    /** A quantity a client sent; {@code what} names the parameter in the error. */
    public static BigInteger parseQuantity(String text, String what) {
        if (text == null || !(text.startsWith("0x") || text.startsWith("0X")) || text.length() < 3 || text.length() > 66) {
            throw RpcException.invalidParams(what + ": expected a hex quantity such as \"0x1a\", got " + quote(text));
        }
        try {
            return new BigInteger(text.substring(2), 16);
        } catch (NumberFormatException e) {
            throw RpcException.invalidParams(what + ": expected a hex quantity such as \"0x1a\", got " + quote(text));
        }
    }

    /** Hex data a client sent; {@code bytes} is the exact length required, or -1 for any. */
    public static byte[] parseData(String text, String what, int bytes) {
        if (text == null || !(text.startsWith("0x") || text.startsWith("0X")) || text.length() % 2 != 0) {
            throw RpcException.invalidParams(what + ": expected 0x-prefixed hex of even length, got " + quote(text));
        }
        byte[] b;
        try {
            b = Bytes.fromHex(text);
        } catch (IllegalArgumentException e) {
            throw RpcException.invalidParams(what + ": " + e.getMessage());
        }
        if (bytes >= 0 && b.length != bytes) throw RpcException.invalidParams(what + ": expected " + bytes + " bytes, got " + b.length);
        return b;
    }

    static String quote(String text) {
        if (text == null) return "nothing";
        return "\"" + (text.length() > 80 ? text.substring(0, 77) + "..." : text) + "\"";
    }
}
