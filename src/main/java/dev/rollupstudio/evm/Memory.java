package dev.rollupstudio.evm;

import java.util.Arrays;

/** A frame's memory: bytes grown a word at a time; the caller charges expansion gas first ({@link Gas#memoryCost}). */
final class Memory {
    private byte[] data = new byte[0];
    private int size; // in bytes, a multiple of 32

    int size() {
        return size;
    }

    /** Grows to cover [offset, offset+length) rounded up to whole words; length 0 never grows. */
    void expand(long offset, long length) {
        if (length == 0) return;
        long end = offset + length;
        if (end <= size) return;
        int newSize = (int) ((end + 31) / 32 * 32);
        if (newSize > data.length) data = Arrays.copyOf(data, (int) Math.max(newSize, Math.min(Integer.MAX_VALUE - 64L, data.length * 2L)));
        size = newSize;
    }

    Word load(int offset) {
        return Word.fromBytes(data, offset, 32);
    }

    void store(int offset, Word w) {
        w.into(data, offset);
    }

    void store8(int offset, byte b) {
        data[offset] = b;
    }

    byte[] read(int offset, int length) {
        return length == 0 ? new byte[0] : Arrays.copyOfRange(data, offset, offset + length);
    }

    /** Copies {@code length} bytes of {@code src} from {@code srcOffset} (zeros past its end) to memory at {@code offset}. */
    void write(int offset, byte[] src, long srcOffset, int length) {
        if (length == 0) return;
        int available = srcOffset >= src.length ? 0 : (int) Math.min(length, src.length - srcOffset);
        if (available > 0) System.arraycopy(src, (int) srcOffset, data, offset, available);
        Arrays.fill(data, offset + available, offset + length, (byte) 0);
    }

    /** MCOPY: overlapping ranges copy as if through a buffer. */
    void copyWithin(int dst, int src, int length) {
        if (length > 0) System.arraycopy(data, src, data, dst, length);
    }
}
