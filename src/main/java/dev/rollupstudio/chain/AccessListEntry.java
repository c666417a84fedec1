package dev.rollupstudio.chain;

import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.util.ArrayList;
import java.util.List;

/** One EIP-2930 access-list entry: an address and the storage keys it pre-warms. */
public record AccessListEntry(Address address, List<Hash> storageKeys) {

    byte[] encode() {
        List<byte[]> keys = new ArrayList<>();
        for (Hash k : storageKeys) keys.add(Rlp.encodeBytes(k.raw()));
        return Rlp.encodeList(Rlp.encodeBytes(address.raw()), Rlp.encodeList(keys));
    }

    static byte[] encodeAll(List<AccessListEntry> list) {
        List<byte[]> items = new ArrayList<>();
        for (AccessListEntry e : list) items.add(e.encode());
        return Rlp.encodeList(items);
    }
}
