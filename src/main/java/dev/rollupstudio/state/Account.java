package dev.rollupstudio.state;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.chain.trie.MerklePatriciaTrie;
import dev.rollupstudio.types.Hash;

/** An account as the state trie stores it: RLP[nonce, balance, storageRoot, codeHash]. */
public record Account(long nonce, Wei balance, Hash storageRoot, Hash codeHash) {
    public static final Hash EMPTY_CODE_HASH = Keccak.EMPTY;
    public static final Account EMPTY = new Account(0, Wei.ZERO, MerklePatriciaTrie.EMPTY_ROOT, EMPTY_CODE_HASH);

    public byte[] encode() {
        return Rlp.encodeList(Rlp.encodeUint64(nonce), Rlp.encodeBigInt(balance.value()), Rlp.encodeBytes(storageRoot.raw()), Rlp.encodeBytes(codeHash.raw()));
    }

    /** EIP-161: no nonce, no balance, no code, so it does not exist in the trie. */
    public boolean isEmpty() {
        return nonce == 0 && balance.isZero() && codeHash.equals(EMPTY_CODE_HASH);
    }

    public boolean hasCode() {
        return !codeHash.equals(EMPTY_CODE_HASH);
    }

    public Account withBalance(Wei b) {
        return new Account(nonce, b, storageRoot, codeHash);
    }

    public Account withNonce(long n) {
        return new Account(n, balance, storageRoot, codeHash);
    }

    public Account withStorageRoot(Hash root) {
        return new Account(nonce, balance, root, codeHash);
    }
}
