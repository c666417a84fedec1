package dev.rollupstudio.chain.abi;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The Solidity ABI for what the studio itself sends and reads: call data with static arguments
 * (address, uint256, bool, bytes32) and address arrays, words out of return data, and the
 * standard revert payloads Error(string) and Panic(uint256). Anything richer goes through a full
 * ABI library; this one is small so that signing thousands of token transfers a second stays cheap.
 */
public final class Abi {
    public static final byte[] ERROR_SELECTOR = selector("Error(string)");
    public static final byte[] PANIC_SELECTOR = selector("Panic(uint256)");

    private Abi() {}

    /** The first four bytes of keccak256 of a canonical signature such as {@code transfer(address,uint256)}. */
    public static byte[] selector(String signature) {
        return Arrays.copyOf(Keccak.digest(signature.getBytes(StandardCharsets.US_ASCII)), 4);
    }

    /** Call data: the selector, then the arguments ({@link #encode}). */
    public static byte[] call(String signature, Object... args) {
        return Bytes.concat(selector(signature), encode(args));
    }

    /** A dynamic {@code bytes} argument (a bare byte[] of 32 is {@code bytes32}). */
    public record DynamicBytes(byte[] value) {}

    /** A struct with a dynamic member (a {@code bytes}, say), which the ABI encodes in the tail like one. */
    public record DynamicTuple(Object... fields) {}

    /**
     * Arguments in ABI encoding: {@link Address}, {@link BigInteger}, {@link Long}, {@link Integer},
     * {@link Boolean} and 32-byte arrays in the head; a {@code List} of any of these (a dynamic array),
     * {@link DynamicBytes} and {@link DynamicTuple} in the tail.
     */
    public static byte[] encode(Object... args) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteArrayOutputStream tail = new ByteArrayOutputStream();
        for (Object a : args) {
            if (a instanceof DynamicBytes d) {
                head.writeBytes(word(BigInteger.valueOf(32L * args.length + tail.size())));
                tail.writeBytes(word(BigInteger.valueOf(d.value().length)));
                tail.writeBytes(d.value());
                tail.writeBytes(new byte[(32 - d.value().length % 32) % 32]);
            } else if (a instanceof DynamicTuple t) {
                head.writeBytes(word(BigInteger.valueOf(32L * args.length + tail.size())));
                tail.writeBytes(encode(t.fields()));
            } else if (a instanceof List<?> list) {
                head.writeBytes(word(BigInteger.valueOf(32L * args.length + tail.size())));
                tail.writeBytes(word(BigInteger.valueOf(list.size())));
                tail.writeBytes(encode(list.toArray())); // T[] is its length, then its elements as a tuple
            } else {
                head.writeBytes(staticWord(a));
            }
        }
        head.writeBytes(tail.toByteArray());
        return head.toByteArray();
    }

    /** One dynamic {@code string} (or {@code bytes}) argument on its own: offset, length, padded contents. */
    public static byte[] encodeString(String s) {
        return encodeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    /** One dynamic {@code bytes} argument on its own: offset, length, padded contents. */
    public static byte[] encodeBytes(byte[] b) {
        byte[] out = new byte[64 + (b.length + 31) / 32 * 32];
        System.arraycopy(word(BigInteger.valueOf(32)), 0, out, 0, 32);
        System.arraycopy(word(BigInteger.valueOf(b.length)), 0, out, 32, 32);
        System.arraycopy(b, 0, out, 64, b.length);
        return out;
    }

    /** A dynamic {@code bytes} argument at head word {@code i}; null when the encoding is malformed. */
    public static byte[] bytes(byte[] data, int i) {
        BigInteger offset = uint(data, i);
        if (offset.bitLength() > 31 || offset.intValueExact() + 32 > data.length) return null;
        int at = offset.intValueExact();
        BigInteger length = uint(Arrays.copyOfRange(data, at, at + 32), 0);
        if (length.bitLength() > 31 || at + 32 + length.intValueExact() > data.length) return null;
        return Arrays.copyOfRange(data, at + 32, at + 32 + length.intValueExact());
    }

    private static byte[] staticWord(Object a) {
        if (a instanceof Address address) return Bytes.leftPad(address.raw(), 32);
        if (a instanceof BigInteger v) return word(v);
        if (a instanceof Long v) return word(BigInteger.valueOf(v));
        if (a instanceof Integer v) return word(BigInteger.valueOf(v));
        if (a instanceof Boolean v) return word(v ? BigInteger.ONE : BigInteger.ZERO);
        if (a instanceof byte[] b && b.length == 32) return b.clone();
        throw new IllegalArgumentException("not a static ABI value: " + a);
    }

    /** A uint256 (or a two's-complement int256) as a 32-byte word. */
    public static byte[] word(BigInteger v) {
        if (v.signum() < 0) v = v.add(BigInteger.ONE.shiftLeft(256));
        if (v.bitLength() > 256) throw new IllegalArgumentException("does not fit in 256 bits: " + v);
        byte[] b = v.toByteArray();
        return Bytes.leftPad(b.length > 32 ? Arrays.copyOfRange(b, 1, 33) : b, 32);
    }

    /** The {@code i}-th 32-byte word of {@code data}; zeros past the end. */
    public static byte[] wordAt(byte[] data, int i) {
        byte[] w = new byte[32];
        int from = 32 * i;
        if (from < data.length) System.arraycopy(data, from, w, 0, Math.min(32, data.length - from));
        return w;
    }

    /** The {@code i}-th word of {@code data} as an unsigned number. */
    public static BigInteger uint(byte[] data, int i) {
        return new BigInteger(1, wordAt(data, i));
    }

    /** The {@code i}-th word of {@code data} read as an address (its low 20 bytes). */
    public static Address address(byte[] data, int i) {
        return Address.of(Arrays.copyOfRange(wordAt(data, i), 12, 32));
    }

    /** Whether {@code data} starts with {@code selector}. */
    public static boolean startsWith(byte[] data, byte[] selector) {
        return data.length >= 4 && Arrays.equals(data, 0, 4, selector, 0, 4);
    }

    /** The arguments after a 4-byte selector. */
    public static byte[] args(byte[] data) {
        return data.length <= 4 ? new byte[0] : Arrays.copyOfRange(data, 4, data.length);
    }

    /** A dynamic string argument at head word {@code i}; null when the encoding is malformed. */
    public static String string(byte[] data, int i) {
        byte[] b = bytes(data, i);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    /**
     * Why a call reverted, read from its revert data: the message of {@code Error(string)}, the
     * meaning of a compiler {@code Panic(uint256)} code; null for anything else (a custom error or none).
     */
    public static String revertReason(byte[] output) {
        if (startsWith(output, ERROR_SELECTOR)) return string(args(output), 0);
        if (startsWith(output, PANIC_SELECTOR) && output.length == 36) return "Panic(0x" + uint(args(output), 0).toString(16) + "): " + panic(uint(args(output), 0).intValue());
        return null;
    }

    /** Solidity's panic codes (docs: "Panic via assert and Error via require"). */
    private static String panic(int code) {
        return switch (code) {
            case 0x00 -> "generic compiler panic";
            case 0x01 -> "assertion failed";
            case 0x11 -> "arithmetic overflow or underflow";
            case 0x12 -> "division or modulo by zero";
            case 0x21 -> "invalid enum value";
            case 0x22 -> "badly encoded storage byte array";
            case 0x31 -> "pop on an empty array";
            case 0x32 -> "array index out of bounds";
            case 0x41 -> "out of memory";
            case 0x51 -> "call to an uninitialised function";
            default -> "unknown panic code";
        };
    }
}
