package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.chain.Block;
import dev.rollupstudio.chain.BlockHeader;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.chain.rlp.RlpItem;
import dev.rollupstudio.runtime.da.Frame;
import dev.rollupstudio.runtime.event.VerifierFinding.Kind;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.types.Hash;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the verifier stood after an L1 block, all but its world state (stored beside it, account
 * by account): the safe head, what it still waits for (partial channels, batches for later slots,
 * outputs not yet derived) and what it found. A restart resumes derivation here instead of
 * replaying L1 from genesis, so resuming costs the same at block 200 and at block 200,000.
 * Its size is bounded by the channel timeout and the output interval, not by the chain.
 */
public record VerifierCheckpoint(long l1Block, SealedBlock head, long finalized, long checkedOutputs, Map<Kind, Long> findings,
                                 List<long[]> derivedFrom, Map<Long, Hash> outputRoots, List<OutputProposal> pendingOutputs,
                                 List<Frame> partialChannels, List<WaitingBatch> waitingBatches) {

    /** A batch for a later slot and the L1 block that carried it. */
    public record WaitingBatch(SingularBatch batch, long sourceL1) {}

    public byte[] encode() {
        List<byte[]> found = new ArrayList<>();
        findings.forEach((k, n) -> found.add(Rlp.encodeList(Rlp.encodeBytes(k.name().getBytes()), Rlp.encodeLong(n))));
        List<byte[]> from = new ArrayList<>();
        for (long[] p : derivedFrom) from.add(Rlp.encodeList(Rlp.encodeLong(p[0]), Rlp.encodeLong(p[1])));
        List<byte[]> roots = new ArrayList<>();
        outputRoots.forEach((n, r) -> roots.add(Rlp.encodeList(Rlp.encodeLong(n), Rlp.encodeBytes(r.raw()))));
        List<byte[]> outputs = new ArrayList<>();
        for (OutputProposal o : pendingOutputs) {
            outputs.add(Rlp.encodeList(Rlp.encodeLong(o.chainId()), Rlp.encodeLong(o.index()), Rlp.encodeLong(o.l2BlockNumber()),
                    Rlp.encodeBytes(o.outputRoot().raw()), Rlp.encodeLong(o.l1Block()), Rlp.encodeLong(o.l1TimestampMillis())));
        }
        List<byte[]> frames = new ArrayList<>();
        for (Frame f : partialChannels) frames.add(Rlp.encodeBytes(f.encode()));
        List<byte[]> waiting = new ArrayList<>();
        for (WaitingBatch w : waitingBatches) waiting.add(Rlp.encodeList(w.batch().encode(), Rlp.encodeLong(w.sourceL1())));
        L1Origin o = head.origin();
        return Rlp.encodeList(Rlp.encodeLong(l1Block), head.header().encode(),
                Rlp.encodeList(Rlp.encodeLong(o.number()), Rlp.encodeBytes(o.hash().raw()), Rlp.encodeBigInt(o.baseFee()),
                        Rlp.encodeBigInt(o.blobBaseFee()), Rlp.encodeLong(o.timestampMillis())),
                Rlp.encodeLong(finalized), Rlp.encodeLong(checkedOutputs), Rlp.encodeList(found), Rlp.encodeList(from), Rlp.encodeList(roots),
                Rlp.encodeList(outputs), Rlp.encodeList(frames), Rlp.encodeList(waiting));
    }

    /** Reads what {@link #encode()} wrote; malformed bytes throw (the caller then replays from genesis). */
    public static VerifierCheckpoint decode(byte[] data) {
        List<RlpItem> f = Rlp.decode(data).list();
        List<RlpItem> o = f.get(2).list();
        L1Origin origin = new L1Origin(o.get(0).longValue(), Hash.of(o.get(1).bytes()), o.get(2).bigInt(), o.get(3).bigInt(), o.get(4).longValue());
        SealedBlock head = new SealedBlock(Block.of(BlockHeader.decode(f.get(1)), List.of(), List.of()), origin, List.of());
        Map<Kind, Long> found = new EnumMap<>(Kind.class);
        for (RlpItem i : f.get(5).list()) found.put(Kind.valueOf(new String(i.list().get(0).bytes())), i.list().get(1).longValue());
        List<long[]> from = new ArrayList<>();
        for (RlpItem i : f.get(6).list()) from.add(new long[] {i.list().get(0).longValue(), i.list().get(1).longValue()});
        Map<Long, Hash> roots = new TreeMap<>();
        for (RlpItem i : f.get(7).list()) roots.put(i.list().get(0).longValue(), Hash.of(i.list().get(1).bytes()));
        List<OutputProposal> outputs = new ArrayList<>();
        for (RlpItem i : f.get(8).list()) {
            List<RlpItem> p = i.list();
            outputs.add(new OutputProposal(p.get(0).longValue(), p.get(1).longValue(), p.get(2).longValue(), Hash.of(p.get(3).bytes()),
                    p.get(4).longValue(), p.get(5).longValue()));
        }
        List<Frame> frames = new ArrayList<>();
        for (RlpItem i : f.get(9).list()) frames.addAll(Frame.parseTxData(dev.rollupstudio.types.Bytes.concat(new byte[] {0}, i.bytes())));
        List<WaitingBatch> waiting = new ArrayList<>();
        for (RlpItem i : f.get(10).list()) {
            SingularBatch b = SingularBatch.decodeChannel(Rlp.encode(i.list().get(0))).get(0);
            waiting.add(new WaitingBatch(b, i.list().get(1).longValue()));
        }
        return new VerifierCheckpoint(f.get(0).longValue(), head, f.get(3).longValue(), f.get(4).longValue(), found, from, roots, outputs, frames, waiting);
    }
}
