package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.chain.Block;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.chain.rlp.RlpItem;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * One L2 block as the batcher posts it (the OP Stack singular batch): parent hash, L1 origin
 * (epoch number and hash), timestamp and the sequenced transactions. Deposits are not in it:
 * the verifier takes them from L1. Encoded as version byte 0 followed by the RLP list.
 */
public record SingularBatch(Hash parentHash, long epochNumber, Hash epochHash, long timestampMillis, List<byte[]> transactions) {

    public static SingularBatch of(Block block, L1Origin origin, long timestampMillis) {
        List<byte[]> txs = new ArrayList<>();
        for (Transaction t : block.transactions()) if (!t.isDeposit()) txs.add(t.encoded());
        return new SingularBatch(block.header().parentHash(), origin.number(), origin.hash(), timestampMillis, txs);
    }

    /** The channel item: an RLP string holding version 0 and the batch list. */
    public byte[] encode() {
        List<byte[]> txs = new ArrayList<>();
        for (byte[] t : transactions) txs.add(Rlp.encodeBytes(t));
        byte[] body = Rlp.encodeList(Rlp.encodeBytes(parentHash.raw()), Rlp.encodeLong(epochNumber), Rlp.encodeBytes(epochHash.raw()),
                Rlp.encodeLong(timestampMillis), Rlp.encodeList(txs));
        return Rlp.encodeBytes(Bytes.concat(new byte[] {0}, body));
    }

    public static List<SingularBatch> decodeChannel(byte[] decompressed) {
        List<SingularBatch> out = new ArrayList<>();
        for (RlpItem item : Rlp.decodeAll(decompressed)) {
            byte[] b = item.bytes();
            if (b.length == 0 || b[0] != 0) throw new IllegalArgumentException("unknown batch version");
            List<RlpItem> f = Rlp.decode(java.util.Arrays.copyOfRange(b, 1, b.length)).list();
            List<byte[]> txs = new ArrayList<>();
            for (RlpItem t : f.get(4).list()) txs.add(t.bytes());
            out.add(new SingularBatch(Hash.of(f.get(0).bytes()), f.get(1).longValue(), Hash.of(f.get(2).bytes()), f.get(3).longValue(), txs));
        }
        return out;
    }
}
