package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.da.Frame;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * An open channel: batches compressed with zlib as they arrive (flushed per block, so its size
 * is known exactly), closed when full or too old, then cut into frames.
 */
final class Channel {
    final byte[] id;
    final long openedAtL1;
    final long firstBlock;
    long lastBlock;
    int txCount;
    long rawBytes;
    final long openedAtMillis;
    private final Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    private final ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[64 * 1024];
    private final Adler32 checksum = new Adler32();
    /** Where the stream and the counts stood before the newest block, to take it back out. */
    private Mark beforeLast;
    private boolean tookBack;

    private record Mark(int size, long checksum, long lastBlock, int txCount, long rawBytes) {}

    Channel(byte[] id, long openedAtL1, long firstBlock, long openedAtMillis) {
        this.id = id;
        this.openedAtL1 = openedAtL1;
        this.firstBlock = firstBlock;
        this.lastBlock = firstBlock - 1;
        this.openedAtMillis = openedAtMillis;
    }

    void add(byte[] item, int txCount, long blockNumber) {
        beforeLast = new Mark(compressed.size(), checksum.getValue(), lastBlock, this.txCount, rawBytes);
        rawBytes += item.length;
        this.txCount += txCount;
        lastBlock = blockNumber;
        checksum.update(item);
        deflater.setInput(item);
        drain(Deflater.SYNC_FLUSH);
    }

    /**
     * Takes the newest block back out, cutting the stream where it stood before that block. It
     * ended there on a sync flush, so it is whole up to that byte; the channel can then only be
     * closed.
     */
    void takeBackLast() {
        byte[] kept = Arrays.copyOf(compressed.toByteArray(), beforeLast.size());
        compressed.reset();
        compressed.writeBytes(kept);
        lastBlock = beforeLast.lastBlock();
        txCount = beforeLast.txCount();
        rawBytes = beforeLast.rawBytes();
        deflater.end();
        tookBack = true;
    }

    long compressedSize() {
        return compressed.size();
    }

    boolean isEmpty() {
        return lastBlock < firstBlock;
    }

    /** Finishes the zlib stream and cuts it into frames of at most {@code maxFrameData} bytes. */
    List<Frame> close(int maxFrameData) {
        if (tookBack) { // ended by hand: an empty final block (fixed Huffman, 03 00), then the Adler-32 of what the stream holds
            compressed.writeBytes(new byte[] {3, 0});
            compressed.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) beforeLast.checksum()).array());
        } else {
            deflater.finish();
            drain(Deflater.NO_FLUSH);
            deflater.end();
        }
        byte[] all = compressed.toByteArray();
        List<Frame> frames = new ArrayList<>();
        int n = Math.max(1, (all.length + maxFrameData - 1) / maxFrameData);
        for (int i = 0; i < n; i++) {
            byte[] part = Arrays.copyOfRange(all, i * maxFrameData, Math.min(all.length, (i + 1) * maxFrameData));
            frames.add(new Frame(id, i, part, i == n - 1));
        }
        return frames;
    }

    private void drain(int flush) {
        while (true) {
            int n = deflater.deflate(buffer, 0, buffer.length, flush);
            compressed.write(buffer, 0, n);
            boolean done = flush == Deflater.NO_FLUSH ? deflater.finished() : n < buffer.length;
            if (done) return;
        }
    }
}
