package dev.rollupstudio.types;

import java.util.Arrays;
import java.util.HexFormat;

/** Hex helpers shared by the fixed-size value types and the codecs. */
public final class Bytes {
    private static final HexFormat HEX = HexFormat.of();
    public static final byte[] EMPTY = new byte[0];

    private Bytes() {}

    public static String toHex(byte[] b) {
        return "0x" + HEX.formatHex(b);
    }

    /** Parses hex with or without 0x; an odd length gets a leading zero nibble. */
    public static byte[] fromHex(String hex) {
        String h = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (h.length() % 2 == 1) h = "0" + h;
        try {
            return HEX.parseHex(h);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a hex string: '" + abbreviate(hex) + "'");
        }
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int o = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, o, p.length);
            o += p.length;
        }
        return out;
    }

    /** Left-pads (or rejects) to exactly {@code size} bytes. */
    public static byte[] leftPad(byte[] b, int size) {
        if (b.length == size) return b;
        if (b.length > size) throw new IllegalArgumentException("value of " + b.length + " bytes does not fit in " + size);
        byte[] out = new byte[size];
        System.arraycopy(b, 0, out, size - b.length, b.length);
        return out;
    }

    public static byte[] copy(byte[] b) {
        return Arrays.copyOf(b, b.length);
    }

    static String abbreviate(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "..." : s;
    }
}
