package dev.rollupstudio.chain;

import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.chain.rlp.RlpItem;
import dev.rollupstudio.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * A transaction receipt. The consensus part (status, cumulative gas, bloom, logs, and for OP
 * deposits the deposit nonce) goes into the receipts root; {@code gasUsed} is kept beside it.
 */
public record Receipt(TxType type, boolean success, long cumulativeGasUsed, List<Log> logs, Long depositNonce, long gasUsed) {

    public byte[] bloom() {
        return Bloom.of(logs);
    }

    /** The EIP-2718 encoding that the receipts trie stores. */
    public byte[] encode() {
        List<byte[]> logItems = new ArrayList<>();
        for (Log l : logs) logItems.add(l.encode());
        List<byte[]> f = new ArrayList<>(List.of(
                Rlp.encodeLong(success ? 1 : 0),
                Rlp.encodeLong(cumulativeGasUsed),
                Rlp.encodeBytes(bloom()),
                Rlp.encodeList(logItems)));
        if (depositNonce != null) {
            f.add(Rlp.encodeLong(depositNonce));
            f.add(Rlp.encodeLong(1)); // deposit receipt version (Canyon)
        }
        byte[] body = Rlp.encodeList(f);
        return type == TxType.LEGACY ? body : Bytes.concat(new byte[] {(byte) type.code}, body);
    }

    public static Receipt decode(byte[] encoded, long gasUsed) {
        TxType type = TxType.LEGACY;
        byte[] body = encoded;
        if ((encoded[0] & 0xff) < 0xc0) {
            int code = encoded[0] & 0xff;
            for (TxType t : TxType.values()) if (t.code == code) type = t;
            body = java.util.Arrays.copyOfRange(encoded, 1, encoded.length);
        }
        List<RlpItem> f = Rlp.decode(body).list();
        List<Log> logs = new ArrayList<>();
        for (RlpItem l : f.get(3).list()) logs.add(Log.decode(l));
        Long depositNonce = f.size() > 4 ? f.get(4).longValue() : null;
        return new Receipt(type, f.get(0).longValue() == 1, f.get(1).longValue(), logs, depositNonce, gasUsed);
    }
}
