package dev.rollupstudio.chain.trie;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.chain.rlp.RlpItem;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Verifies a Merkle Patricia proof (the node RLPs from {@link MerklePatriciaTrie#proof}) against a root. */
public final class TrieProof {
    private TrieProof() {}

    /** The value at {@code key}, or null if the proof shows it absent; throws if the proof does not hold. */
    public static byte[] verify(Hash root, byte[] key, List<byte[]> proof) {
        Map<Hash, byte[]> nodes = new HashMap<>();
        for (byte[] n : proof) nodes.put(Keccak.hash(n), n);
        byte[] path = Nibbles.of(key);
        RlpItem node = load(nodes, root.raw());
        int i = 0;
        while (true) {
            List<RlpItem> f = node.list();
            if (f.size() == 17) {
                if (i == path.length) return emptyToNull(f.get(16).bytes());
                RlpItem child = f.get(path[i++]);
                if (child instanceof RlpItem.Str s && s.bytes().length == 0) return null;
                node = follow(nodes, child);
            } else if (f.size() == 2) {
                boolean[] leaf = new boolean[1];
                byte[] p = Nibbles.fromHexPrefix(f.get(0).bytes(), leaf);
                if (leaf[0]) return Arrays.equals(p, 0, p.length, path, i, path.length) ? f.get(1).bytes() : null;
                if (Nibbles.common(path, i, p) != p.length) return null;
                i += p.length;
                node = follow(nodes, f.get(1));
            } else {
                throw new IllegalArgumentException("proof node has " + f.size() + " items; a trie node has 2 or 17");
            }
        }
    }

    private static RlpItem follow(Map<Hash, byte[]> nodes, RlpItem ref) {
        if (ref instanceof RlpItem.Seq) return ref; // inlined node under 32 bytes
        return load(nodes, ref.bytes());
    }

    private static RlpItem load(Map<Hash, byte[]> nodes, byte[] hash) {
        byte[] n = nodes.get(Hash.of(hash));
        if (n == null) throw new IllegalArgumentException("proof is missing the node with hash " + Bytes.toHex(hash));
        return Rlp.decode(n);
    }

    private static byte[] emptyToNull(byte[] v) {
        return v.length == 0 ? null : v;
    }
}
