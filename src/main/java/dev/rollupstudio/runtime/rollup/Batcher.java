package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.chain.Block;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.runtime.event.BatchPosted;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.l1.BatcherTx;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.sim.Scheduler;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns sealed L2 blocks into compressed channels and posts their frames to the L1 inbox: one
 * frame per blob, up to {@code maxBlobsPerTx} blobs per transaction (or one frame per calldata
 * transaction). A channel is posted when full or when it has been open too many L1 blocks.
 */
public final class Batcher {
    private final RollupConfig config;
    private final EmbeddedL1 l1;
    private final Scheduler scheduler;
    private final EventBus events;
    private final List<Consumer<PostedBatch>> listeners = new ArrayList<>();
    private Channel open;
    private long nextBatchId;
    private long lastQueuedBlock;

    public Batcher(RollupConfig config, EmbeddedL1 l1, Scheduler scheduler, EventBus events, long nextBatchId) {
        this.config = config;
        this.l1 = l1;
        this.scheduler = scheduler;
        this.events = events;
        this.nextBatchId = nextBatchId;
    }

    public void onPosted(Consumer<PostedBatch> listener) {
        listeners.add(listener);
    }

    /** After a restart: batch again from the block after {@code safeHead}. */
    public void resumeAfter(long safeHead) {
        lastQueuedBlock = safeHead;
    }

    public long lastQueuedBlock() {
        return lastQueuedBlock;
    }

    public void add(Block block, L1Origin origin) {
        if (block.number() <= lastQueuedBlock) return;
        if (open == null) {
            byte[] id = Arrays.copyOf(Keccak.digest(Rlp.encodeList(Rlp.encodeLong(config.chainId()), Rlp.encodeLong(nextBatchId))), 16);
            open = new Channel(id, l1.head().number(), block.number(), scheduler.now());
        }
        open.add(SingularBatch.of(block, origin, block.header().timestamp() * 1000), block.number());
        lastQueuedBlock = block.number();
        if (open.compressedSize() >= (long) config.maxFrameSize() * config.targetFramesPerChannel()) submit();
    }

    /** Closes a channel that has been open for the maximum number of L1 blocks. */
    public void onL1Block(L1Block b) {
        if (open != null && !open.isEmpty() && b.number() - open.openedAtL1 >= config.maxChannelDurationL1Blocks()) submit();
    }

    private void submit() {
        Channel c = open;
        open = null;
        long id = nextBatchId++;
        List<Frame> frames = c.close(config.maxFrameSize() - Frame.OVERHEAD);
        int perTx = config.useBlobs() ? config.maxBlobsPerTx() : 1;
        List<List<Frame>> groups = new ArrayList<>();
        for (int i = 0; i < frames.size(); i += perTx) groups.add(frames.subList(i, Math.min(frames.size(), i + perTx)));
        Tracker t = new Tracker(id, c, groups.size(), frames.size());
        for (List<Frame> g : groups) {
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            data.write(0);
            for (Frame f : g) data.writeBytes(f.encode());
            l1.submitBatch(new BatcherTx(config.chainId(), id, data.toByteArray(), config.useBlobs() ? g.size() : 0, scheduler.now(),
                    l1.head().number(), -1, null, -1), t::included);
        }
    }

    /** Waits for every transaction of a channel to land, then reports the batch. */
    private final class Tracker {
        private final long id;
        private final Channel channel;
        private final int frames;
        private final int txs;
        private int remaining;
        private BigInteger fee = BigInteger.ZERO;
        private long l1Wait;

        Tracker(long id, Channel channel, int txs, int frames) {
            this.id = id;
            this.channel = channel;
            this.remaining = txs;
            this.txs = txs;
            this.frames = frames;
        }

        void included(BatcherTx tx) {
            fee = fee.add(tx.feePaid());
            l1Wait = Math.max(l1Wait, tx.includedAtMillis() - tx.submittedAtMillis());
            if (--remaining > 0) return;
            PostedBatch p = new PostedBatch(id, channel.firstBlock, channel.lastBlock, channel.txCount, channel.rawBytes,
                    channel.compressedSize(), config.useBlobs() ? frames : 0, txs, tx.l1Block(), fee, channel.openedAtMillis, scheduler.now(), l1Wait);
            listeners.forEach(l -> l.accept(p));
            events.publish(new BatchPosted(scheduler.now(), id, p.firstL2Block(), p.lastL2Block(), p.txCount(), p.rawBytes(),
                    p.compressedBytes(), p.blobs(), p.l1Block(), fee, l1Wait));
        }
    }
}
