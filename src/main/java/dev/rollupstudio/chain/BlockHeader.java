package dev.rollupstudio.chain;

import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.chain.rlp.RlpItem;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A block header in Ethereum's encoding, through Cancun (and Prague's requests hash when set).
 * Trailing fork fields are optional: a null ends the list, as in Ethereum.
 */
public record BlockHeader(Hash parentHash, Hash ommersHash, Address coinbase, Hash stateRoot, Hash transactionsRoot,
                          Hash receiptsRoot, byte[] logsBloom, BigInteger difficulty, long number, long gasLimit, long gasUsed,
                          long timestamp, byte[] extraData, Hash mixHash, byte[] nonce, BigInteger baseFeePerGas,
                          Hash withdrawalsRoot, Long blobGasUsed, Long excessBlobGas, Hash parentBeaconBlockRoot, Hash requestsHash) {

    /** Keccak of the RLP of an empty list: the ommers hash of every post-merge block. */
    public static final Hash EMPTY_OMMERS = Keccak.hash(Rlp.encodeList());

    public byte[] encode() {
        List<byte[]> f = new ArrayList<>(List.of(
                Rlp.encodeBytes(parentHash.raw()), Rlp.encodeBytes(ommersHash.raw()), Rlp.encodeBytes(coinbase.raw()),
                Rlp.encodeBytes(stateRoot.raw()), Rlp.encodeBytes(transactionsRoot.raw()), Rlp.encodeBytes(receiptsRoot.raw()),
                Rlp.encodeBytes(logsBloom), Rlp.encodeBigInt(difficulty), Rlp.encodeLong(number), Rlp.encodeLong(gasLimit),
                Rlp.encodeLong(gasUsed), Rlp.encodeLong(timestamp), Rlp.encodeBytes(extraData), Rlp.encodeBytes(mixHash.raw()),
                Rlp.encodeBytes(nonce)));
        if (baseFeePerGas == null) return Rlp.encodeList(f);
        f.add(Rlp.encodeBigInt(baseFeePerGas));
        if (withdrawalsRoot == null) return Rlp.encodeList(f);
        f.add(Rlp.encodeBytes(withdrawalsRoot.raw()));
        if (blobGasUsed == null) return Rlp.encodeList(f);
        f.add(Rlp.encodeLong(blobGasUsed));
        f.add(Rlp.encodeLong(excessBlobGas));
        if (parentBeaconBlockRoot == null) return Rlp.encodeList(f);
        f.add(Rlp.encodeBytes(parentBeaconBlockRoot.raw()));
        if (requestsHash != null) f.add(Rlp.encodeBytes(requestsHash.raw()));
        return Rlp.encodeList(f);
    }

    public Hash hash() {
        return Keccak.hash(encode());
    }

    public static BlockHeader decode(byte[] encoded) {
        return decode(Rlp.decode(encoded));
    }

    public static BlockHeader decode(RlpItem item) {
        List<RlpItem> f = item.list();
        if (f.size() < 15) throw new IllegalArgumentException("a block header has at least 15 fields, got " + f.size());
        return new BlockHeader(h(f.get(0)), h(f.get(1)), Address.of(f.get(2).bytes()), h(f.get(3)), h(f.get(4)), h(f.get(5)),
                f.get(6).bytes(), f.get(7).bigInt(), f.get(8).longValue(), f.get(9).longValue(), f.get(10).longValue(),
                f.get(11).longValue(), f.get(12).bytes(), h(f.get(13)), f.get(14).bytes(),
                f.size() > 15 ? f.get(15).bigInt() : null,
                f.size() > 16 ? h(f.get(16)) : null,
                f.size() > 17 ? f.get(17).longValue() : null,
                f.size() > 18 ? f.get(18).longValue() : null,
                f.size() > 19 ? h(f.get(19)) : null,
                f.size() > 20 ? h(f.get(20)) : null);
    }

    private static Hash h(RlpItem i) {
        return Hash.of(i.bytes());
    }

    @Override public String toString() {
        return "block " + number + " " + hash().shortHex() + " (" + Bytes.toHex(stateRoot.raw()).substring(0, 10) + ")";
    }
}
