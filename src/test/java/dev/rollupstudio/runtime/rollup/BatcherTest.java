package dev.rollupstudio.runtime.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.runtime.config.DaConfig;
import dev.rollupstudio.runtime.config.L1Config;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.da.DataAvailabilityLayer;
import dev.rollupstudio.runtime.da.Frame;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.l1.BatcherTx;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.sim.Scheduler;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/**
 * Channels fill to their frames and never past them: a channel that spilled into a seventh frame
 * became a second blob transaction, which could land an L1 block after the first, leaving a batch
 * half on L1 (what KillHammerTest once caught).
 */
class BatcherTest {
    private static final int TARGET_FRAMES = 6;

    @Test
    void aChannelNeverTakesMoreFramesThanItsTargetAndLosesNoBlock() throws Exception {
        List<List<Frame>> posted = new ArrayList<>();
        Batcher batcher = batcher(DaConfig.blobs(6), posted);
        // incompressible items of very different sizes: the worst case for guessing the next one's size
        SplittableRandom rnd = new SplittableRandom(7);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        int blocks = 400;
        for (int n = 1; n <= blocks; n++) {
            byte[] item = new byte[rnd.nextInt(100, 60_000)];
            rnd.nextBytes(item);
            sent.writeBytes(item);
            batcher.add(item, 1, n);
        }
        assertThat(posted).hasSizeGreaterThan(10); // about 12 MB in 780 kB channels
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        long capacity = (long) (DaConfig.MAX_BLOB_FRAME - Frame.OVERHEAD) * TARGET_FRAMES;
        for (List<Frame> frames : posted) {
            assertThat(frames).hasSizeLessThanOrEqualTo(TARGET_FRAMES);
            int size = frames.stream().mapToInt(f -> f.data().length).sum();
            received.writeBytes(inflate(frames));
            if (posted.indexOf(frames) < posted.size() - 1) {
                // closed because the next block (at most 60,000 bytes) did not fit
                assertThat(size).as("a full channel").isGreaterThan((int) capacity - 60_100);
            }
        }
        // the channel still open holds the rest
        assertThat(sent.size() - received.size()).isBetween(0, (int) capacity);
        byte[] all = sent.toByteArray();
        assertThat(java.util.Arrays.copyOf(all, received.size())).isEqualTo(received.toByteArray());
    }

    @Test
    void onlyABlockBiggerThanAWholeChannelOverflowsOne() {
        List<List<Frame>> posted = new ArrayList<>();
        Batcher batcher = batcher(DaConfig.blobs(6), posted);
        byte[] huge = new byte[(DaConfig.MAX_BLOB_FRAME - Frame.OVERHEAD) * TARGET_FRAMES + 10_000];
        new SplittableRandom(3).nextBytes(huge);
        batcher.add(new byte[] {1, 2, 3}, 1, 1);
        batcher.add(huge, 1, 2);
        assertThat(posted).hasSize(2);
        assertThat(posted.get(0)).hasSize(1); // the small block's channel, closed when the huge one was taken back out
        assertThat(inflateUnchecked(posted.get(0))).containsExactly(1, 2, 3);
        assertThat(posted.get(1)).hasSize(TARGET_FRAMES + 1);
    }

    private static Batcher batcher(DaConfig da, List<List<Frame>> posted) {
        Scheduler scheduler = new Scheduler(0, Pace.MAX);
        EventBus events = new EventBus();
        EmbeddedL1 l1 = new EmbeddedL1(L1Config.pectra(), scheduler, events, 1, 0);
        RollupConfig config = RollupConfig.opStack(901).withDa(da);
        return new Batcher(config, l1, new DataAvailabilityLayer() {
            @Override public String name() { return "recording"; }
            @Override public String feeUnit() { return ""; }
            @Override public void post(long chainId, long batchId, List<Frame> frames, Callback onPosted) { posted.add(frames); }
            @Override public byte[] framesOf(BatcherTx tx) { return tx.data(); }
        }, scheduler, events, 0);
    }

    private static byte[] inflateUnchecked(List<Frame> frames) {
        try {
            return inflate(frames);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The channel's zlib stream, whole: Inflater checks its end and its Adler-32. */
    private static byte[] inflate(List<Frame> frames) throws Exception {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        for (Frame f : frames) compressed.writeBytes(f.data());
        Inflater inflater = new Inflater();
        inflater.setInput(compressed.toByteArray());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        while (!inflater.finished()) {
            int n = inflater.inflate(buf);
            if (n == 0 && inflater.needsInput()) throw new AssertionError("the stream ends before its final block");
            out.write(buf, 0, n);
        }
        inflater.end();
        return out.toByteArray();
    }
}
