package dev.rollupstudio.chain.rlp;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive Length Prefix encoding (Ethereum yellow paper, appendix B). Our own because the
 * decoder must reject every non-canonical input in the official RLPTests, which web3j's lenient
 * decoder accepts.
 */
public final class Rlp {
    private Rlp() {}

    public static byte[] encodeBytes(byte[] b) {
        if (b.length == 1 && (b[0] & 0xff) < 0x80) return new byte[] {b[0]};
        return withPrefix(0x80, b);
    }

    public static byte[] encodeLong(long v) {
        if (v < 0) throw new IllegalArgumentException("RLP integers are unsigned: " + v);
        return encodeBytes(minimal(v));
    }

    /** A uint64 held in a long (a nonce): values of 2^63 and above are the negative longs. */
    public static byte[] encodeUint64(long v) {
        return v >= 0 ? encodeLong(v) : encodeBigInt(new BigInteger(Long.toUnsignedString(v)));
    }

    public static byte[] encodeBigInt(BigInteger v) {
        if (v.signum() < 0) throw new IllegalArgumentException("RLP integers are unsigned: " + v);
        return encodeBytes(minimal(v));
    }

    public static byte[] encodeList(byte[]... encodedItems) {
        return encodeList(List.of(encodedItems));
    }

    public static byte[] encodeList(List<byte[]> encodedItems) {
        int n = 0;
        for (byte[] e : encodedItems) n += e.length;
        byte[] payload = new byte[n];
        int o = 0;
        for (byte[] e : encodedItems) {
            System.arraycopy(e, 0, payload, o, e.length);
            o += e.length;
        }
        return withPrefix(0xc0, payload);
    }

    /** Re-encodes a decoded item (canonical input round-trips byte for byte). */
    public static byte[] encode(RlpItem item) {
        if (item instanceof RlpItem.Str s) return encodeBytes(s.bytes());
        List<byte[]> items = new ArrayList<>();
        for (RlpItem i : item.list()) items.add(encode(i));
        return encodeList(items);
    }

    /** Minimal big-endian bytes of an unsigned integer; zero is the empty string. */
    public static byte[] minimal(long v) {
        if (v == 0) return new byte[0];
        int n = (64 - Long.numberOfLeadingZeros(v) + 7) / 8;
        byte[] out = new byte[n];
        for (int i = n - 1; i >= 0; i--) {
            out[i] = (byte) v;
            v >>>= 8;
        }
        return out;
    }

    public static byte[] minimal(BigInteger v) {
        if (v.signum() == 0) return new byte[0];
        byte[] b = v.toByteArray();
        if (b[0] == 0) {
            byte[] t = new byte[b.length - 1];
            System.arraycopy(b, 1, t, 0, t.length);
            return t;
        }
        return b;
    }

    private static byte[] withPrefix(int offset, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 9);
        if (payload.length < 56) {
            out.write(offset + payload.length);
        } else {
            byte[] len = minimal(payload.length);
            out.write(offset + 55 + len.length);
            out.writeBytes(len);
        }
        out.writeBytes(payload);
        return out.toByteArray();
    }

    /** Decodes exactly one item that spans the whole input. */
    public static RlpItem decode(byte[] data) {
        if (data.length == 0) throw new RlpException("empty input");
        int[] pos = {0};
        RlpItem item = decodeAt(data, pos, data.length);
        if (pos[0] != data.length) throw new RlpException((data.length - pos[0]) + " trailing bytes after the RLP item");
        return item;
    }

    /** Decodes a concatenation of items (a stream), such as the batches in a channel. */
    public static List<RlpItem> decodeAll(byte[] data) {
        List<RlpItem> items = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < data.length) items.add(decodeAt(data, pos, data.length));
        return items;
    }

    private static RlpItem decodeAt(byte[] d, int[] pos, int end) {
        int p = pos[0];
        if (p >= end) throw new RlpException("input ends at offset " + p);
        int b = d[p] & 0xff;
        if (b < 0x80) {
            pos[0] = p + 1;
            return new RlpItem.Str(new byte[] {(byte) b});
        }
        boolean isList = b >= 0xc0;
        int base = isList ? 0xc0 : 0x80;
        int start;
        long len;
        if (b - base < 56) {
            len = b - base;
            start = p + 1;
        } else {
            int lenOfLen = b - base - 55;
            if (p + 1 + lenOfLen > end) throw new RlpException("length prefix runs past the end at offset " + p);
            if (d[p + 1] == 0) throw new RlpException("length prefix has a leading zero at offset " + p);
            if (lenOfLen > 8) throw new RlpException("length prefix too long at offset " + p);
            len = 0;
            for (int i = 0; i < lenOfLen; i++) len = (len << 8) | (d[p + 1 + i] & 0xff);
            if (len < 56) throw new RlpException("long form used for a length under 56 at offset " + p);
            if (len < 0) throw new RlpException("length overflows at offset " + p);
            start = p + 1 + lenOfLen;
        }
        if (len > end - start) throw new RlpException("item of " + len + " bytes runs past the end at offset " + p);
        int stop = start + (int) len;
        pos[0] = stop;
        if (!isList) {
            if (len == 1 && (d[start] & 0xff) < 0x80) throw new RlpException("single byte below 0x80 must be encoded as itself at offset " + p);
            byte[] v = new byte[(int) len];
            System.arraycopy(d, start, v, 0, v.length);
            return new RlpItem.Str(v);
        }
        List<RlpItem> items = new ArrayList<>();
        int[] inner = {start};
        while (inner[0] < stop) items.add(decodeAt(d, inner, stop));
        return new RlpItem.Seq(items);
    }
}
