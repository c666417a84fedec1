package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.event.VerifierFinding;
import dev.rollupstudio.runtime.event.VerifierFinding.Kind;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.l1.BatcherTx;
import dev.rollupstudio.runtime.da.DataAvailabilityLayer;
import dev.rollupstudio.runtime.da.Frame;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.OutputRoot;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.runtime.rollup.VerifierCheckpoint.WaitingBatch;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * An independent verifier: it starts from genesis, reads only what is on L1 (batcher frames and
 * bridge deposits), rebuilds every L2 block with its own state, and checks each against the
 * sequenced block and each proposed output root. Its head is the safe head; the part derived
 * from finalized L1 blocks is the finalized head.
 *
 * <p>Bad input never stops it. As the OP Stack's derivation (Bedrock to Granite) does, a batch
 * that does not extend the safe head, names a wrong L1 origin, carries an undecodable or deposit
 * transaction, or whose block fails to execute is dropped whole (the state is left as it was), and
 * the next batch for that slot may take its place; a batch for a later slot waits. Every such
 * event, data the DA layer does not serve, and every output it cannot check, is a finding:
 * published as an event and counted for the run report.
 */
public final class Derivation {
    private static final int MAX_CHANNEL_BYTES = 100 * 1024 * 1024;
    /** Batches for later slots kept while an earlier one is missing; beyond this the oldest goes. */
    private static final int MAX_FUTURE_BATCHES = 10_000;

    private final RollupConfig config;
    private final MutableWorldState state;
    private final EmbeddedL1 l1;
    private final Scheduler scheduler;
    private final EventBus events;
    private final LongFunction<Hash> sequencedHash;
    private final DataAvailabilityLayer da;
    private final Map<String, TreeMap<Integer, Frame>> channels = new HashMap<>();
    private final Deque<long[]> derivedFrom = new ArrayDeque<>();
    private final TreeMap<Long, Hash> outputRoots = new TreeMap<>();
    private final List<OutputProposal> pendingOutputs = new ArrayList<>();
    private final Deque<WaitingBatch> future = new ArrayDeque<>();
    /** Inbox entries whose data the DA layer did not serve, asked for again at each L1 block (in memory: a restart skips them). */
    private final Deque<Unserved> unavailable = new ArrayDeque<>();

    private record Unserved(BatcherTx tx, L1Block source) {}

    /** Where it stood after an L1 block above the finalized one, its world state included: what an L1 reorg takes it back to. */
    private record Kept(VerifierCheckpoint checkpoint, MutableWorldState state, List<Unserved> unavailable) {}
    private final TreeMap<Long, Kept> kept = new TreeMap<>();
    /** Outputs already handed to the listeners: after a reorg they are derived and checked again, but told once. */
    private final java.util.Set<OutputProposal> told = new java.util.HashSet<>();
    private final EnumMap<Kind, Long> findings = new EnumMap<>(Kind.class);
    private SealedBlock head;
    private long finalized;
    private long checkedOutputs;
    private long lastL1 = -1;
    private long l1BlocksRead;
    private final BlockReplay replay;
    private final List<java.util.function.BiConsumer<OutputProposal, Hash>> onOutputChecked = new ArrayList<>();

    /**
     * Told of each proposed output once L1 data derives its block, with the root derived: an
     * honest challenger disputes the ones that differ, VITAL's operators sign their verdicts.
     */
    public void onOutputChecked(java.util.function.BiConsumer<OutputProposal, Hash> listener) {
        onOutputChecked.add(listener);
    }

    /** The output root at L2 block {@code n} as derived from L1 data (kept for output-interval blocks), or null. */
    public Hash outputRootAt(long n) {
        // the derived head's too: an ending rollup's final output may fall between intervals
        return n == head.number() && n > 0 ? OutputRoot.of(head.header(), head.hash()) : outputRoots.get(n);
    }

    /** The developer's state edits to apply before each block: see {@link BlockReplay#devEdits}. */
    public void devEdits(LongFunction<List<dev.rollupstudio.state.StateEdit>> edits) {
        replay.devEdits(edits);
    }

    /** The sender of a transaction the sequencer made for an impersonated account (anvil_impersonateAccount), or null. */
    public void impersonated(java.util.function.Function<Hash, dev.rollupstudio.types.Address> senders) {
        replay.impersonated(senders);
    }

    /** A verifier from genesis: {@code state} is the genesis state, {@code genesis} its block. */
    public Derivation(RollupConfig config, MutableWorldState state, SealedBlock genesis, EmbeddedL1 l1, DataAvailabilityLayer da,
                      Scheduler scheduler, EventBus events, LongFunction<Hash> sequencedHash) {
        this(config, state, new VerifierCheckpoint(-1, genesis, 0, 0, Map.of(), List.of(), Map.of(), List.of(), List.of(), List.of()),
                l1, da, scheduler, events, sequencedHash);
    }

    /** A verifier resumed at a checkpoint, {@code state} being its world state there. */
    public Derivation(RollupConfig config, MutableWorldState state, VerifierCheckpoint from, EmbeddedL1 l1, DataAvailabilityLayer da,
                      Scheduler scheduler, EventBus events, LongFunction<Hash> sequencedHash) {
        this.da = da;
        this.config = config;
        this.state = state;
        this.l1 = l1;
        this.scheduler = scheduler;
        this.events = events;
        this.sequencedHash = sequencedHash;
        this.replay = new BlockReplay(config, l1);
        this.lastL1 = from.l1Block();
        this.head = from.head();
        this.finalized = from.finalized();
        this.checkedOutputs = from.checkedOutputs();
        this.findings.putAll(from.findings());
        this.derivedFrom.addAll(from.derivedFrom());
        this.outputRoots.putAll(from.outputRoots());
        this.pendingOutputs.addAll(from.pendingOutputs());
        for (Frame f : from.partialChannels()) channels.computeIfAbsent(Bytes.toHex(f.channelId()), k -> new TreeMap<>()).put(f.number(), f);
        this.future.addAll(from.waitingBatches());
        keep();
    }

    private VerifierCheckpoint lastCheckpoint;

    /** Keeps where it stands now, and lets go of what an L1 reorg can no longer reach (at or below the finalized L1 block). */
    private void keep() {
        lastCheckpoint = null;
        kept.put(lastL1, new Kept(checkpoint(), state.copy(), List.copyOf(unavailable)));
        long floor = Math.min(l1.finalizedNumber(), lastL1);
        kept.headMap(floor, false).clear();
        told.removeIf(o -> o.l1Block() < floor);
    }

    /**
     * An L1 reorg replaced the blocks after {@code l1Block}: the verifier goes back to where it
     * stood after reading that block (safe head, world state, partial channels, waiting batches
     * and outputs), as op-node resets its derivation pipeline, to read the new blocks next.
     * Returns the safe head it held before.
     */
    public long rewindTo(long l1Block) {
        long before = head.number();
        if (l1Block >= lastL1) return before;
        Kept k = kept.get(l1Block);
        if (k == null) throw new IllegalStateException("the verifier kept no checkpoint at L1 block " + l1Block + " (it keeps those above the finalized block)");
        VerifierCheckpoint c = k.checkpoint();
        state.restore(k.state().copy()); // a copy: the kept one stays as it was, for a later reorg to the same point
        lastL1 = c.l1Block();
        head = c.head();
        finalized = c.finalized();
        checkedOutputs = c.checkedOutputs();
        findings.clear();
        findings.putAll(c.findings());
        derivedFrom.clear();
        derivedFrom.addAll(c.derivedFrom());
        outputRoots.clear();
        outputRoots.putAll(c.outputRoots());
        pendingOutputs.clear();
        pendingOutputs.addAll(c.pendingOutputs());
        channels.clear();
        for (Frame f : c.partialChannels()) channels.computeIfAbsent(Bytes.toHex(f.channelId()), x -> new TreeMap<>()).put(f.number(), f);
        future.clear();
        future.addAll(c.waitingBatches());
        unavailable.clear();
        unavailable.addAll(k.unavailable());
        kept.tailMap(l1Block, false).clear();
        lastCheckpoint = c;
        return before;
    }

    /** The lowest safe head an L1 reorg can take it back to: blocks past it may be derived again. */
    public long rewindFloor() {
        return kept.firstEntry().getValue().checkpoint().head().number();
    }

    /** Where it stands now, after the last L1 block it read; its world state is stored beside it. */
    public VerifierCheckpoint checkpoint() {
        if (lastCheckpoint != null) return lastCheckpoint;
        List<Frame> partial = new ArrayList<>();
        channels.values().forEach(c -> partial.addAll(c.values()));
        lastCheckpoint = new VerifierCheckpoint(lastL1, head, finalized, checkedOutputs, new EnumMap<>(findings), new ArrayList<>(derivedFrom),
                new TreeMap<>(outputRoots), new ArrayList<>(pendingOutputs), partial, new ArrayList<>(future));
        return lastCheckpoint;
    }

    /** The verifier's own world state, for its store to persist what changed. */
    MutableWorldState state() {
        return state;
    }

    public long safeHead() {
        return head.number();
    }

    public long finalizedHead() {
        return finalized;
    }

    /** L1 blocks this verifier read since it started or resumed: after a restart, only those past its checkpoint. */
    public long l1BlocksRead() {
        return l1BlocksRead;
    }

    public long checkedOutputs() {
        return checkedOutputs;
    }

    /** Derived blocks or outputs that differ from what was sequenced or proposed: zero on an honest chain. */
    public long mismatches() {
        return findings(Kind.BLOCK_DIFFERS) + findings(Kind.OUTPUT_DIFFERS);
    }

    public long findings(Kind kind) {
        return findings.getOrDefault(kind, 0L);
    }

    /** Every finding so far, whatever its kind. */
    public long findings() {
        return findings.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Outputs proposed for blocks the verifier has not derived yet: checked once it has. */
    public int outputsWaiting() {
        return pendingOutputs.size();
    }

    public Hash safeHash() {
        return head.hash();
    }

    /** An account's nonce in the verifier's own state, at its safe head. */
    public long nonce(dev.rollupstudio.types.Address account) {
        return state.nonce(account);
    }

    public Hash stateRoot() {
        return head.header().stateRoot();
    }

    /** Reads one L1 block; a block it already read (a replay after a restart) is skipped. */
    public void onL1Block(L1Block b) {
        if (b.number() <= lastL1) return;
        lastL1 = b.number();
        l1BlocksRead++;
        for (int i = unavailable.size(); i > 0; i--) { // oldest first; one still missing goes back in line
            Unserved u = unavailable.pollFirst();
            readFrames(u.tx(), u.source(), true);
        }
        for (BatcherTx tx : b.batches()) {
            if (tx.chainId() == config.chainId()) readFrames(tx, b, false);
        }
        for (OutputProposal o : b.outputs()) {
            if (o.chainId() == config.chainId()) pendingOutputs.add(o);
        }
        checkOutputs();
        long finalL1 = l1.finalizedNumber();
        while (!derivedFrom.isEmpty() && derivedFrom.peekFirst()[1] <= finalL1) finalized = derivedFrom.pollFirst()[0];
        keep();
    }

    /** {@code again}: an entry whose data was missing before, asked for once more (its finding was already made). */
    private void readFrames(BatcherTx tx, L1Block source, boolean again) {
        List<Frame> frames;
        byte[] data = da.framesOf(tx);
        if (data == null) {
            unavailable.addLast(new Unserved(tx, source));
            if (again) return;
            finding(head.number() + 1, Kind.DATA_UNAVAILABLE, "the " + da.name() + " layer does not serve the data committed in L1 block "
                    + source.number() + " (batch " + tx.batchId() + "); blocks from " + (head.number() + 1) + " on cannot be derived until it does");
            return;
        }
        try {
            frames = Frame.parseTxData(data);
        } catch (RuntimeException e) {
            finding(head.number() + 1, Kind.BATCH_DROPPED, "unreadable batcher data in L1 block " + source.number() + " dropped: " + e.getMessage());
            return;
        }
        for (Frame f : frames) {
            String id = Bytes.toHex(f.channelId());
            TreeMap<Integer, Frame> c = channels.computeIfAbsent(id, k -> new TreeMap<>());
            c.put(f.number(), f);
            Frame last = c.lastEntry().getValue();
            if (last.last() && c.size() == last.number() + 1) {
                channels.remove(id);
                readChannel(c, source);
            }
        }
    }

    private void readChannel(TreeMap<Integer, Frame> frames, L1Block source) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        frames.values().forEach(f -> compressed.writeBytes(f.data()));
        List<SingularBatch> batches;
        try {
            batches = SingularBatch.decodeChannel(inflate(compressed.toByteArray()));
        } catch (RuntimeException | DataFormatException e) {
            finding(head.number() + 1, Kind.BATCH_DROPPED, "channel in L1 block " + source.number() + " does not decode, dropped: " + e.getMessage());
            return;
        }
        for (SingularBatch batch : batches) offer(batch, source.number());
    }

    private static byte[] inflate(byte[] data) throws DataFormatException {
        Inflater inf = new Inflater();
        inf.setInput(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 3);
        byte[] buf = new byte[64 * 1024];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) throw new DataFormatException("truncated zlib stream");
                out.write(buf, 0, n);
                if (out.size() > MAX_CHANNEL_BYTES) throw new DataFormatException("channel inflates past " + MAX_CHANNEL_BYTES + " bytes");
            }
        } finally {
            inf.end();
        }
        return out.toByteArray();
    }

    /** The safe head's time as batches carry it: whole seconds, so blocks faster than 1 s share one. */
    private long headMillis() {
        return head.header().timestamp() * 1000;
    }

    /** A batch in L1 order: derived if it extends the safe head, kept if it is for a later slot, else dropped. */
    private void offer(SingularBatch batch, long source) {
        if (!batch.parentHash().equals(head.hash())) {
            if (batch.timestampMillis() < headMillis()) {
                finding(head.number() + 1, Kind.BATCH_DROPPED, "batch in L1 block " + source + " is for a slot the safe head has passed"
                        + " (parent " + batch.parentHash().shortHex() + "), dropped");
            } else {
                future.addLast(new WaitingBatch(batch, source));
                if (future.size() > MAX_FUTURE_BATCHES) {
                    finding(head.number() + 1, Kind.BATCH_DROPPED, "more than " + MAX_FUTURE_BATCHES + " batches wait for a missing one; the oldest is dropped");
                    future.pollFirst();
                }
            }
            return;
        }
        if (derive(batch, source)) deriveWaiting();
    }

    /** After the safe head moves, batches that waited for it may now extend it. */
    private void deriveWaiting() {
        boolean moved = true;
        while (moved && !future.isEmpty()) {
            moved = false;
            for (var it = future.iterator(); it.hasNext(); ) {
                WaitingBatch f = it.next();
                if (f.batch().timestampMillis() < headMillis()) {
                    it.remove(); // its slot was filled by another batch
                } else if (f.batch().parentHash().equals(head.hash())) {
                    it.remove();
                    if (derive(f.batch(), f.sourceL1())) {
                        moved = true;
                        break;
                    }
                }
            }
        }
    }

    /** Derives one block from a batch that extends the safe head; all or nothing. Returns whether it did. */
    private boolean derive(SingularBatch batch, long source) {
        long number = head.number() + 1;
        BlockReplay.Result r = replay.run(state, head, batch);
        if (r.dropped() != null) return drop(number, source, r.dropped());
        head = r.block();
        derivedFrom.addLast(new long[] {number, source});
        // the output oracle takes outputs only every interval (OP's SUBMISSION_INTERVAL): keep just those roots
        if (number % config.batching().outputIntervalBlocks() == 0) outputRoots.put(number, OutputRoot.of(head.header(), head.hash()));
        Hash expected = sequencedHash.apply(number);
        if (expected != null && !expected.equals(head.hash())) {
            finding(number, Kind.BLOCK_DIFFERS, "derived block hash " + head.hash().shortHex() + " differs from sequenced " + expected.shortHex());
        }
        return true;
    }

    private boolean drop(long number, long source, String why) {
        finding(number, Kind.BATCH_DROPPED, "batch for block " + number + " in L1 block " + source + " dropped: " + why);
        return false;
    }

    private void checkOutputs() {
        for (var it = pendingOutputs.iterator(); it.hasNext(); ) {
            OutputProposal o = it.next();
            Hash derived = outputRootAt(o.l2BlockNumber());
            if (derived == null) {
                if (o.l2BlockNumber() <= head.number()) {
                    it.remove();
                    finding(o.l2BlockNumber(), Kind.OUTPUT_UNVERIFIABLE, "output " + o.index() + " for block " + o.l2BlockNumber()
                            + (o.l2BlockNumber() % config.batching().outputIntervalBlocks() != 0
                                    ? " is off the output interval of " + config.batching().outputIntervalBlocks() + " blocks"
                                    : " came more than 1,024 blocks after the verifier passed it") + "; it is not checked");
                }
                continue;
            }
            it.remove();
            checkedOutputs++;
            if (told.add(o)) onOutputChecked.forEach(l -> l.accept(o, derived));
            if (!derived.equals(o.outputRoot())) {
                finding(o.l2BlockNumber(), Kind.OUTPUT_DIFFERS, "output " + o.index() + " proposes " + o.outputRoot().shortHex()
                        + " but L1 data derives " + derived.shortHex());
            }
        }
        long keepFrom = pendingOutputs.stream().mapToLong(OutputProposal::l2BlockNumber).min().orElse(head.number());
        outputRoots.headMap(Math.min(keepFrom, head.number() - 1024), false).clear();
    }

    private void finding(long block, Kind kind, String what) {
        findings.merge(kind, 1L, Long::sum);
        events.publish(new VerifierFinding(scheduler.now(), block, kind, what));
    }
}
