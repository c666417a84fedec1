package dev.rollupstudio.chain;

import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.chain.rlp.RlpItem;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.util.ArrayList;
import java.util.List;

/** An event log: emitting address, up to four topics, and data. */
public record Log(Address address, List<Hash> topics, byte[] data) {

    public byte[] encode() {
        List<byte[]> t = new ArrayList<>();
        for (Hash h : topics) t.add(Rlp.encodeBytes(h.raw()));
        return Rlp.encodeList(Rlp.encodeBytes(address.raw()), Rlp.encodeList(t), Rlp.encodeBytes(data));
    }

    public static Log decode(RlpItem item) {
        List<RlpItem> f = item.list();
        List<Hash> topics = new ArrayList<>();
        for (RlpItem t : f.get(1).list()) topics.add(Hash.of(t.bytes()));
        return new Log(Address.of(f.get(0).bytes()), topics, f.get(2).bytes());
    }
}
