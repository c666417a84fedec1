package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.da.Frame;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

    Channel(byte[] id, long openedAtL1, long firstBlock, long openedAtMillis) {
        this.id = id;
        this.openedAtL1 = openedAtL1;
        this.firstBlock = firstBlock;
        this.lastBlock = firstBlock - 1;
        this.openedAtMillis = openedAtMillis;
    }

    void add(SingularBatch batch, long blockNumber) {
        byte[] item = batch.encode();
        rawBytes += item.length;
        txCount += batch.transactions().size();
        lastBlock = blockNumber;
        deflater.setInput(item);
        drain(Deflater.SYNC_FLUSH);
    }

    long compressedSize() {
        return compressed.size();
    }

    boolean isEmpty() {
        return lastBlock < firstBlock;
    }

    /** Finishes the zlib stream and cuts it into frames of at most {@code maxFrameData} bytes. */
    List<Frame> close(int maxFrameData) {
        deflater.finish();
        drain(Deflater.NO_FLUSH);
        deflater.end();
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
