package dev.rollupstudio.chain.trie;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.rlp.Rlp;
import java.util.ArrayList;
import java.util.List;

/**
 * An immutable Merkle Patricia trie node. Each node caches its RLP, so a trie that changed in a
 * few places re-hashes only the paths it changed, and old roots stay valid snapshots.
 */
abstract sealed class Node permits Node.Leaf, Node.Extension, Node.Branch {
    private byte[] encoded;

    abstract byte[] encodeFresh();

    final byte[] encoded() {
        byte[] e = encoded;
        if (e == null) encoded = e = encodeFresh();
        return e;
    }

    /** How a parent refers to this node: inline when its RLP is under 32 bytes, else by hash. */
    final byte[] reference() {
        byte[] e = encoded();
        return e.length < 32 ? e : Rlp.encodeBytes(Keccak.digest(e));
    }

    static final class Leaf extends Node {
        final byte[] path;
        final byte[] value;

        Leaf(byte[] path, byte[] value) {
            this.path = path;
            this.value = value;
        }

        @Override byte[] encodeFresh() {
            return Rlp.encodeList(Rlp.encodeBytes(Nibbles.hexPrefix(path, true)), Rlp.encodeBytes(value));
        }
    }

    static final class Extension extends Node {
        final byte[] path;
        final Node child;

        Extension(byte[] path, Node child) {
            this.path = path;
            this.child = child;
        }

        @Override byte[] encodeFresh() {
            return Rlp.encodeList(Rlp.encodeBytes(Nibbles.hexPrefix(path, false)), child.reference());
        }
    }

    static final class Branch extends Node {
        private static final byte[] EMPTY = Rlp.encodeBytes(new byte[0]);
        final Node[] children;
        final byte[] value; // null when the branch holds no value

        Branch(Node[] children, byte[] value) {
            this.children = children;
            this.value = value;
        }

        @Override byte[] encodeFresh() {
            List<byte[]> items = new ArrayList<>(17);
            for (Node c : children) items.add(c == null ? EMPTY : c.reference());
            items.add(value == null ? EMPTY : Rlp.encodeBytes(value));
            return Rlp.encodeList(items);
        }

        int occupied() {
            int n = 0;
            for (Node c : children) if (c != null) n++;
            return n;
        }
    }
}
