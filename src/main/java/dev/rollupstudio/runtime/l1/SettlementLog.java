package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.chain.rlp.RlpItem;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * What the L1's dispute games and proof verifier took in during one block besides its
 * transactions: the challenges started, the proofs handed in since the block before, and each root
 * the referee's re-execution from L1 data gave. Kept with the block, so an L1 resumed from its
 * database runs the same settlement block by block and moves every bond and deletes every output
 * as it did live.
 */
public record SettlementLog(List<Challenge> challenges, List<ValidityProof> proofs, List<Answer> answers) {
    public static final SettlementLog EMPTY = new SettlementLog(List.of(), List.of(), List.of());

    /** A challenge of output {@code outputIndex} of {@code chainId}, with {@code challenger}'s bond. */
    public record Challenge(long chainId, long outputIndex, Address challenger) {}

    /** The referee's answer: re-executing {@code chainId} from L1 data gives {@code root} at L2 block {@code l2Block}. */
    public record Answer(long chainId, long l2Block, Hash root) {}

    public boolean isEmpty() {
        return challenges.isEmpty() && proofs.isEmpty() && answers.isEmpty();
    }

    public byte[] encode() {
        List<byte[]> c = new ArrayList<>();
        for (Challenge x : challenges) c.add(Rlp.encodeList(Rlp.encodeLong(x.chainId()), Rlp.encodeLong(x.outputIndex()), Rlp.encodeBytes(x.challenger().raw())));
        List<byte[]> p = new ArrayList<>();
        for (ValidityProof x : proofs) {
            p.add(Rlp.encodeList(Rlp.encodeLong(x.chainId()), Rlp.encodeLong(x.outputIndex()), Rlp.encodeLong(x.l2Block()), Rlp.encodeBytes(x.outputRoot().raw()),
                    Rlp.encodeBytes(x.prover().raw()), Rlp.encodeLong(x.producedAtMillis()), Rlp.encodeBytes(x.commitment().raw())));
        }
        List<byte[]> a = new ArrayList<>();
        for (Answer x : answers) a.add(Rlp.encodeList(Rlp.encodeLong(x.chainId()), Rlp.encodeLong(x.l2Block()), Rlp.encodeBytes(x.root().raw())));
        return Rlp.encodeList(Rlp.encodeList(c), Rlp.encodeList(p), Rlp.encodeList(a));
    }

    /** Reads what {@link #encode()} wrote; null or empty bytes (a block stored before settlements were) read as {@link #EMPTY}. */
    public static SettlementLog decode(byte[] data) {
        if (data == null || data.length == 0) return EMPTY;
        List<RlpItem> f = Rlp.decode(data).list();
        List<Challenge> c = new ArrayList<>();
        for (RlpItem i : f.get(0).list()) c.add(new Challenge(i.list().get(0).longValue(), i.list().get(1).longValue(), Address.of(i.list().get(2).bytes())));
        List<ValidityProof> p = new ArrayList<>();
        for (RlpItem i : f.get(1).list()) {
            List<RlpItem> x = i.list();
            p.add(new ValidityProof(x.get(0).longValue(), x.get(1).longValue(), x.get(2).longValue(), Hash.of(x.get(3).bytes()), Address.of(x.get(4).bytes()),
                    x.get(5).longValue(), Hash.of(x.get(6).bytes())));
        }
        List<Answer> a = new ArrayList<>();
        for (RlpItem i : f.get(2).list()) a.add(new Answer(i.list().get(0).longValue(), i.list().get(1).longValue(), Hash.of(i.list().get(2).bytes())));
        return new SettlementLog(List.copyOf(c), List.copyOf(p), List.copyOf(a));
    }
}
