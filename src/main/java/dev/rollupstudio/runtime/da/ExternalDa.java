package dev.rollupstudio.runtime.da;

import dev.rollupstudio.types.TokenAmount;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.runtime.config.DaModel;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.runtime.l1.BatcherTx;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A DA network beside L1 (Celestia, EigenDA, Avail, or local): channels queue for room in its
 * blocks, become final after its latency, and then a 33-byte commitment (0x01 ++ keccak(data))
 * goes to the L1 inbox, as the OP Stack's alt-DA does. The verifier resolves commitments here.
 */
public final class ExternalDa implements DataAvailabilityLayer {
    public static final byte COMMITMENT_VERSION = 0x01;

    private final DaModel model;
    private final EmbeddedL1 l1;
    private final Scheduler scheduler;
    private final Map<Hash, byte[]> stored = new HashMap<>();
    private final Deque<Submission> queue = new ArrayDeque<>();
    private final java.util.Set<Long> withheld = new java.util.HashSet<>();
    /** What a withheld batch carried, by batch id, until it is released. */
    private final Map<Long, byte[]> held = new HashMap<>();
    private BiConsumer<Hash, byte[]> onStored = (h, d) -> {};

    private record Submission(long chainId, long batchId, byte[] data, int frames, long submittedAt, Callback callback) {}

    private final Runnable cancel;

    public ExternalDa(DaModel model, EmbeddedL1 l1, Scheduler scheduler, int priority) {
        this.model = model;
        this.l1 = l1;
        this.scheduler = scheduler;
        this.cancel = scheduler.every(scheduler.now() + model.blockMillis(), model.blockMillis(), priority, this::block);
    }

    /** Stops producing the network's blocks (the rollup using it was removed). */
    public void stop() {
        cancel.run();
    }

    /** Called with every payload the network stores, so a store can keep it for replays. */
    public void onStored(BiConsumer<Hash, byte[]> listener) {
        onStored = listener;
    }

    /** Puts back payloads stored before a restart. */
    public void restore(Map<Hash, byte[]> payloads) {
        stored.putAll(payloads);
    }

    /**
     * A fault a tester can inject: the network takes this batch and its commitment lands on L1,
     * but the data is never served. Nobody can derive the blocks it carries.
     */
    public void withhold(long batchId) {
        withheld.add(batchId);
    }

    /** A fault ends: a withheld batch's data is served from now on (as a data-availability challenge on L1 would force). */
    public void release(long batchId) {
        withheld.remove(batchId);
        byte[] data = held.remove(batchId);
        if (data != null) {
            Hash commitment = Keccak.hash(data);
            stored.put(commitment, data);
            onStored.accept(commitment, data);
        }
    }

    @Override public String name() {
        return model.name();
    }

    @Override public String feeUnit() {
        return model.feeUnit();
    }

    @Override public void post(long chainId, long batchId, List<Frame> frames, Callback onPosted) {
        queue.add(new Submission(chainId, batchId, DataAvailabilityLayer.payload(frames), frames.size(), scheduler.now(), onPosted));
    }

    /** One DA block: takes queued channels in order while they fit. */
    private void block() {
        long room = model.capacityBytes();
        while (!queue.isEmpty() && queue.peek().data().length <= room) {
            Submission s = queue.poll();
            room -= s.data().length;
            double fee = model.fee(s.data().length);
            scheduler.at(scheduler.now() + model.finalityMillis(), 3, () -> commit(s, fee));
        }
    }

    private void commit(Submission s, double daFee) {
        Hash commitment = Keccak.hash(s.data());
        if (!withheld.contains(s.batchId())) {
            stored.put(commitment, s.data());
            onStored.accept(commitment, s.data());
        } else {
            held.put(s.batchId(), s.data());
        }
        byte[] inbox = Bytes.concat(new byte[] {COMMITMENT_VERSION}, commitment.raw());
        l1.submitBatch(new BatcherTx(s.chainId(), s.batchId(), inbox, 0, s.submittedAt(), l1.head().number(), -1, null, -1), tx ->
                s.callback().posted(new Posted(tx.l1Block(), Wei.of(tx.feePaid()), new TokenAmount(daFee, model.feeUnit()), 0, 1, tx.includedAtMillis() - s.submittedAt())));
    }

    @Override public byte[] framesOf(BatcherTx tx) {
        byte[] d = tx.data();
        if (d.length != 33 || d[0] != COMMITMENT_VERSION) return d;
        return stored.get(Hash.of(Arrays.copyOfRange(d, 1, 33)));
    }

    public int queued() {
        return queue.size();
    }
}
