package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.chain.Block;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.runtime.da.DataAvailabilityLayer;
import dev.rollupstudio.runtime.da.Frame;
import dev.rollupstudio.runtime.event.BatchPosted;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.sim.Scheduler;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns sealed L2 blocks into compressed channels and hands their frames to the DA layer. A
 * channel closes when a block would overflow its frames, or when it has been
 * open for the maximum number of L1 blocks.
 */
public final class Batcher {
    private final RollupConfig config;
    private final EmbeddedL1 l1;
    private final DataAvailabilityLayer da;
    private final Scheduler scheduler;
    private final EventBus events;
    private final List<Consumer<PostedBatch>> listeners = new ArrayList<>();
    private final List<java.util.function.BiConsumer<PostedBatch, PostedBatch>> repostListeners = new ArrayList<>();
    private Channel open;
    private long nextBatchId;
    private long lastQueuedBlock;

    /** The id the next batch will carry. */
    public long nextBatchId() {
        return nextBatchId;
    }

    public Batcher(RollupConfig config, EmbeddedL1 l1, DataAvailabilityLayer da, Scheduler scheduler, EventBus events, long nextBatchId) {
        this.config = config;
        this.l1 = l1;
        this.da = da;
        this.scheduler = scheduler;
        this.events = events;
        this.nextBatchId = nextBatchId;
    }

    public void onPosted(Consumer<PostedBatch> listener) {
        listeners.add(listener);
    }

    /** Told when a batch lands again after an L1 reorg dropped it: the first landing, then the one that counts now. */
    public void onReposted(java.util.function.BiConsumer<PostedBatch, PostedBatch> listener) {
        repostListeners.add(listener);
    }

    /** After a restart: batch again from the block after {@code safeHead}. */
    public void resumeAfter(long safeHead) {
        lastQueuedBlock = safeHead;
    }

    public long lastQueuedBlock() {
        return lastQueuedBlock;
    }

    private long frameData() {
        return config.da().maxFrameSize() - Frame.OVERHEAD;
    }

    public void add(Block block, L1Origin origin) {
        if (block.number() <= lastQueuedBlock) return;
        SingularBatch batch = SingularBatch.of(block, origin, block.header().timestamp() * 1000);
        add(batch.encode(), batch.transactions().size(), block.number());
    }

    /**
     * One block's channel item. A block that takes the channel past its frames is taken back out
     * and opens the next channel (as op-batcher's shadow compressor refuses it), so a channel
     * never spills into one more frame and a blob channel is always one L1 transaction. Only a
     * block too big for an empty channel overflows one.
     */
    void add(byte[] item, int txCount, long blockNumber) {
        long capacity = frameData() * config.da().targetFramesPerChannel() - 64; // room for the zlib trailer
        if (open == null) open = newChannel(blockNumber);
        open.add(item, txCount, blockNumber);
        lastQueuedBlock = blockNumber;
        if (open.compressedSize() > capacity && open.lastBlock > open.firstBlock) {
            open.takeBackLast();
            submit();
            open = newChannel(blockNumber);
            open.add(item, txCount, blockNumber);
        }
        if (open.compressedSize() >= capacity) submit();
    }

    private Channel newChannel(long firstBlock) {
        byte[] id = Arrays.copyOf(Keccak.digest(Rlp.encodeList(Rlp.encodeLong(config.chainId()), Rlp.encodeLong(nextBatchId))), 16);
        return new Channel(id, l1.head().number(), firstBlock, scheduler.now());
    }

    /** Closes a channel that has been open for the maximum number of L1 blocks. */
    public void onL1Block(L1Block b) {
        if (open != null && !open.isEmpty() && b.number() - open.openedAtL1 >= config.batching().maxChannelDurationL1Blocks()) submit();
    }

    private void submit() {
        Channel c = open;
        open = null;
        long id = nextBatchId++;
        List<Frame> frames = c.close((int) frameData());
        PostedBatch[] first = new PostedBatch[1];
        da.post(config.chainId(), id, frames, p -> {
            PostedBatch batch = new PostedBatch(id, c.firstBlock, c.lastBlock, c.txCount, c.rawBytes, c.compressedSize(), p.blobs(), p.l1Txs(),
                    p.l1Block(), p.l1Fee(), p.daFee(), c.openedAtMillis, scheduler.now(), p.waitMillis());
            if (first[0] != null) { // an L1 reorg dropped it, and it landed again
                repostListeners.forEach(l -> l.accept(first[0], batch));
                return;
            }
            first[0] = batch;
            listeners.forEach(l -> l.accept(batch));
            events.publish(new BatchPosted(scheduler.now(), id, c.firstBlock, c.lastBlock, c.txCount, c.rawBytes, c.compressedSize(), p.blobs(),
                    p.l1Block(), p.l1Fee(), p.daFee(), p.waitMillis()));
        });
    }
}
