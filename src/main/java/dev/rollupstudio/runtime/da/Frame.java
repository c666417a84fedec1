package dev.rollupstudio.runtime.da;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a compressed channel, in the OP Stack wire format:
 * channel_id (16 bytes) ++ frame_number (uint16) ++ frame_data_length (uint32) ++ frame_data ++ is_last (1 byte).
 * A batcher transaction's data is derivation version 0 followed by frames.
 */
public record Frame(byte[] channelId, int number, byte[] data, boolean last) {
    public static final int OVERHEAD = 16 + 2 + 4 + 1;

    public byte[] encode() {
        ByteBuffer b = ByteBuffer.allocate(OVERHEAD + data.length);
        b.put(channelId).putShort((short) number).putInt(data.length).put(data).put((byte) (last ? 1 : 0));
        return b.array();
    }

    /** Parses version byte 0 and the frames after it; malformed data yields an exception. */
    public static List<Frame> parseTxData(byte[] txData) {
        if (txData.length == 0 || txData[0] != 0) throw new IllegalArgumentException("unknown derivation version");
        ByteBuffer b = ByteBuffer.wrap(txData, 1, txData.length - 1);
        List<Frame> frames = new ArrayList<>();
        while (b.hasRemaining()) {
            byte[] id = new byte[16];
            b.get(id);
            int number = Short.toUnsignedInt(b.getShort());
            int len = b.getInt();
            if (len < 0 || len > b.remaining() - 1) throw new IllegalArgumentException("frame length " + len + " runs past the data");
            byte[] data = new byte[len];
            b.get(data);
            int last = b.get();
            if (last != 0 && last != 1) throw new IllegalArgumentException("frame is_last must be 0 or 1");
            frames.add(new Frame(id, number, data, last == 1));
        }
        return frames;
    }
}
