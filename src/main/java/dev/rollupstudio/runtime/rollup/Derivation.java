package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.runtime.event.DerivationMismatch;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.l1.BatcherTx;
import dev.rollupstudio.runtime.da.DataAvailabilityLayer;
import dev.rollupstudio.runtime.da.Frame;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.OutputRoot;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 */
public final class Derivation {
    private static final int MAX_CHANNEL_BYTES = 100 * 1024 * 1024;

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
    private SealedBlock head;
    private long finalized;
    private long checkedOutputs;
    private long mismatches;

    public Derivation(RollupConfig config, MutableWorldState genesisState, SealedBlock genesis, EmbeddedL1 l1, DataAvailabilityLayer da,
                      Scheduler scheduler, EventBus events, LongFunction<Hash> sequencedHash) {
        this.da = da;
        this.config = config;
        this.state = genesisState;
        this.head = genesis;
        this.l1 = l1;
        this.scheduler = scheduler;
        this.events = events;
        this.sequencedHash = sequencedHash;
    }

    public long safeHead() {
        return head.number();
    }

    public long finalizedHead() {
        return finalized;
    }

    public long checkedOutputs() {
        return checkedOutputs;
    }

    public long mismatches() {
        return mismatches;
    }

    public Hash stateRoot() {
        return head.header().stateRoot();
    }

    public void onL1Block(L1Block b) {
        for (BatcherTx tx : b.batches()) {
            if (tx.chainId() == config.chainId()) readFrames(tx, b);
        }
        for (OutputProposal o : b.outputs()) {
            if (o.chainId() == config.chainId()) pendingOutputs.add(o);
        }
        checkOutputs();
        long finalL1 = l1.finalizedNumber();
        while (!derivedFrom.isEmpty() && derivedFrom.peekFirst()[1] <= finalL1) finalized = derivedFrom.pollFirst()[0];
    }

    private void readFrames(BatcherTx tx, L1Block source) {
        List<Frame> frames;
        byte[] data = da.framesOf(tx);
        if (data == null) {
            mismatch(head.number() + 1, "the DA layer does not have the data committed in L1 block " + source.number());
            return;
        }
        try {
            frames = Frame.parseTxData(data);
        } catch (RuntimeException e) {
            mismatch(head.number() + 1, "unreadable batcher data in L1 block " + source.number() + ": " + e.getMessage());
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
            mismatch(head.number() + 1, "channel in L1 block " + source.number() + " does not decode: " + e.getMessage());
            return;
        }
        for (SingularBatch batch : batches) derive(batch, source);
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

    private void derive(SingularBatch batch, L1Block source) {
        long number = head.number() + 1;
        if (!batch.parentHash().equals(head.hash())) {
            mismatch(number, "batch does not extend the derived head " + head.hash().shortHex());
            return;
        }
        L1Origin origin = head.origin();
        L1Block epoch = null;
        if (batch.epochNumber() == origin.number() + 1) {
            epoch = l1.block(batch.epochNumber());
            if (epoch == null || !epoch.hash().equals(batch.epochHash())) {
                mismatch(number, "batch names L1 origin " + batch.epochNumber() + " with a hash L1 does not have");
                return;
            }
            origin = L1Origin.of(epoch);
        } else if (batch.epochNumber() != origin.number()) {
            mismatch(number, "batch jumps from L1 origin " + origin.number() + " to " + batch.epochNumber());
            return;
        }
        List<Transaction> txs = new ArrayList<>(batch.transactions().size());
        for (byte[] raw : batch.transactions()) txs.add(Transaction.decode(raw));
        txs.parallelStream().forEach(Transaction::sender);

        BlockBuilder builder = new BlockBuilder(config, state,
                new BlockContext(number, head.hash(), batch.timestampMillis(), Sequencer.nextBaseFee(config, head), config.gasLimit(), origin));
        List<Transaction> all = new ArrayList<>(epoch == null ? List.of() : DepositTxs.of(epoch, config.chainId()));
        all.addAll(txs);
        for (Transaction tx : all) {
            String err = builder.apply(tx);
            if (err != null) {
                mismatch(number, "transaction " + tx.hash().shortHex() + " in the batch is invalid: " + err);
                return;
            }
        }
        BlockBuilder.Sealed sealed = builder.seal();
        head = new SealedBlock(sealed.block(), origin, sealed.l1Fees());
        derivedFrom.addLast(new long[] {number, source.number()});
        outputRoots.put(number, OutputRoot.of(head.header(), head.hash()));
        Hash expected = sequencedHash.apply(number);
        if (expected != null && !expected.equals(head.hash())) {
            mismatch(number, "derived block hash " + head.hash().shortHex() + " differs from sequenced " + expected.shortHex());
        }
    }

    private void checkOutputs() {
        for (var it = pendingOutputs.iterator(); it.hasNext(); ) {
            OutputProposal o = it.next();
            Hash derived = outputRoots.get(o.l2BlockNumber());
            if (derived == null) {
                if (o.l2BlockNumber() <= head.number()) {
                    it.remove();
                }
                continue;
            }
            it.remove();
            checkedOutputs++;
            if (!derived.equals(o.outputRoot())) {
                mismatch(o.l2BlockNumber(), "output " + o.index() + " proposes " + o.outputRoot().shortHex() + " but L1 data derives " + derived.shortHex());
            }
        }
        long keepFrom = pendingOutputs.stream().mapToLong(OutputProposal::l2BlockNumber).min().orElse(head.number());
        outputRoots.headMap(Math.min(keepFrom, head.number() - 1024), false).clear();
    }

    private void mismatch(long block, String what) {
        mismatches++;
        events.publish(new DerivationMismatch(scheduler.now(), block, what));
    }
}
