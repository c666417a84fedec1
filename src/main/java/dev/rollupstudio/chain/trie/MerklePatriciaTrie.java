package dev.rollupstudio.chain.trie;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.types.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ethereum's Merkle Patricia trie, in memory. Nodes are immutable, so {@link #copy()} is O(1)
 * and a copy is a snapshot that later writes do not disturb. An empty value deletes the key.
 */
public final class MerklePatriciaTrie {
    public static final Hash EMPTY_ROOT = Keccak.hash(Rlp.encodeBytes(new byte[0]));
    private Node root;

    public MerklePatriciaTrie() {}

    private MerklePatriciaTrie(Node root) {
        this.root = root;
    }

    public MerklePatriciaTrie copy() {
        return new MerklePatriciaTrie(root);
    }

    public boolean isEmpty() {
        return root == null;
    }

    public Hash rootHash() {
        return root == null ? EMPTY_ROOT : Keccak.hash(root.encoded());
    }

    public void put(byte[] key, byte[] value) {
        byte[] path = Nibbles.of(key);
        root = value.length == 0 ? delete(root, path, 0) : insert(root, path, 0, value);
    }

    public void delete(byte[] key) {
        root = delete(root, Nibbles.of(key), 0);
    }

    public byte[] get(byte[] key) {
        byte[] path = Nibbles.of(key);
        Node n = root;
        int i = 0;
        while (n != null) {
            if (n instanceof Node.Leaf l) {
                return Arrays.equals(l.path, 0, l.path.length, path, i, path.length) ? l.value : null;
            } else if (n instanceof Node.Extension e) {
                if (Nibbles.common(path, i, e.path) != e.path.length) return null;
                i += e.path.length;
                n = e.child;
            } else {
                Node.Branch b = (Node.Branch) n;
                if (i == path.length) return b.value;
                n = b.children[path[i++]];
            }
        }
        return null;
    }

    /** The RLP of every node on the path to {@code key} that is referenced by hash (the proof). */
    public List<byte[]> proof(byte[] key) {
        byte[] path = Nibbles.of(key);
        List<byte[]> out = new ArrayList<>();
        Node n = root;
        int i = 0;
        while (n != null) {
            if (n == root || n.encoded().length >= 32) out.add(n.encoded());
            if (n instanceof Node.Leaf) break;
            if (n instanceof Node.Extension e) {
                if (Nibbles.common(path, i, e.path) != e.path.length) break;
                i += e.path.length;
                n = e.child;
            } else {
                Node.Branch b = (Node.Branch) n;
                if (i == path.length) break;
                n = b.children[path[i++]];
            }
        }
        return out;
    }

    /** Root of a list keyed by RLP(index): how transaction and receipt roots are built. */
    public static Hash orderedRoot(List<byte[]> values) {
        MerklePatriciaTrie t = new MerklePatriciaTrie();
        for (int i = 0; i < values.size(); i++) t.put(Rlp.encodeLong(i), values.get(i));
        return t.rootHash();
    }

    private static Node insert(Node n, byte[] path, int i, byte[] value) {
        if (n == null) return new Node.Leaf(Nibbles.slice(path, i), value);
        if (n instanceof Node.Branch b) {
            Node[] children = b.children.clone();
            if (i == path.length) return new Node.Branch(children, value);
            children[path[i]] = insert(children[path[i]], path, i + 1, value);
            return new Node.Branch(children, b.value);
        }
        if (n instanceof Node.Leaf l) {
            int c = Nibbles.common(path, i, l.path);
            if (c == l.path.length && i + c == path.length) return new Node.Leaf(l.path, value);
            Node[] children = new Node[16];
            byte[] branchValue = null;
            if (c == l.path.length) branchValue = l.value;
            else children[l.path[c]] = new Node.Leaf(Nibbles.slice(l.path, c + 1), l.value);
            Node.Branch b = new Node.Branch(children, branchValue);
            Node merged = insert(b, path, i + c, value);
            return c == 0 ? merged : new Node.Extension(Nibbles.slice(l.path, 0, c), merged);
        }
        Node.Extension e = (Node.Extension) n;
        int c = Nibbles.common(path, i, e.path);
        if (c == e.path.length) return new Node.Extension(e.path, insert(e.child, path, i + c, value));
        Node[] children = new Node[16];
        children[e.path[c]] = c + 1 == e.path.length ? e.child : new Node.Extension(Nibbles.slice(e.path, c + 1), e.child);
        Node merged = insert(new Node.Branch(children, null), path, i + c, value);
        return c == 0 ? merged : new Node.Extension(Nibbles.slice(e.path, 0, c), merged);
    }

    private static Node delete(Node n, byte[] path, int i) {
        if (n == null) return null;
        if (n instanceof Node.Leaf l) {
            return Arrays.equals(l.path, 0, l.path.length, path, i, path.length) ? null : n;
        }
        if (n instanceof Node.Extension e) {
            if (Nibbles.common(path, i, e.path) != e.path.length) return n;
            Node child = delete(e.child, path, i + e.path.length);
            return child == e.child ? n : withPrefix(e.path, child);
        }
        Node.Branch b = (Node.Branch) n;
        Node[] children = b.children.clone();
        byte[] value = b.value;
        if (i == path.length) {
            if (value == null) return n;
            value = null;
        } else {
            Node c = delete(children[path[i]], path, i + 1);
            if (c == children[path[i]]) return n;
            children[path[i]] = c;
        }
        Node.Branch nb = new Node.Branch(children, value);
        int occupied = nb.occupied();
        if (occupied + (value == null ? 0 : 1) >= 2) return nb;
        if (occupied == 0) return value == null ? null : new Node.Leaf(new byte[0], value);
        for (int k = 0; k < 16; k++) {
            if (children[k] != null) return withPrefix(new byte[] {(byte) k}, children[k]);
        }
        throw new IllegalStateException("unreachable");
    }

    /** Puts a path in front of a node, merging into leaves and extensions as the trie requires. */
    private static Node withPrefix(byte[] prefix, Node child) {
        if (child == null) return null;
        if (child instanceof Node.Leaf l) return new Node.Leaf(Nibbles.join(prefix, l.path), l.value);
        if (child instanceof Node.Extension e) return new Node.Extension(Nibbles.join(prefix, e.path), e.child);
        return new Node.Extension(prefix, child);
    }
}
