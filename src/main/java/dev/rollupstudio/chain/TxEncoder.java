package dev.rollupstudio.chain;

import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.crypto.ECKeyPair;

/** Builds canonical transaction bytes: signing payloads, signed transactions and deposits. */
public final class TxEncoder {
    private TxEncoder() {}

    /** Signs with secp256k1 ({@link Ecdsa#active()}) and returns the decoded, canonical transaction. */
    public static Transaction sign(UnsignedTransaction u, ECKeyPair key) {
        byte[] hash = Keccak.digest(signingPayload(u));
        Ecdsa.Signature sig = Ecdsa.active().sign(hash, key);
        int recId = sig.recoveryId();
        List<byte[]> f = fields(u);
        if (u.type() == TxType.LEGACY) {
            f.add(Rlp.encodeLong(35 + 2 * u.chainId() + recId));
        } else {
            f.add(Rlp.encodeLong(recId));
        }
        f.add(Rlp.encodeBigInt(sig.r()));
        f.add(Rlp.encodeBigInt(sig.s()));
        byte[] body = Rlp.encodeList(f);
        return Transaction.decode(u.type() == TxType.LEGACY ? body : Bytes.concat(new byte[] {(byte) u.type().code}, body));
    }

    /**
     * A transaction "from" an account whose key nobody here holds (anvil_impersonateAccount): a
     * placeholder signature (r = 2^160 + the address, so hashes differ per sender; s = 1) and the
     * sender assumed. Devnet only.
     */
    public static Transaction impersonated(UnsignedTransaction u, Address from) {
        List<byte[]> f = fields(u);
        f.add(Rlp.encodeLong(u.type() == TxType.LEGACY ? 35 + 2 * u.chainId() : 0));
        f.add(Rlp.encodeBigInt(BigInteger.ONE.shiftLeft(160).add(new BigInteger(1, from.raw()))));
        f.add(Rlp.encodeBigInt(BigInteger.ONE));
        byte[] body = Rlp.encodeList(f);
        Transaction tx = Transaction.decode(u.type() == TxType.LEGACY ? body : Bytes.concat(new byte[] {(byte) u.type().code}, body));
        tx.assumeSender(from);
        return tx;
    }

    static byte[] signingPayload(UnsignedTransaction u) {
        List<byte[]> f = fields(u);
        if (u.type() == TxType.LEGACY) {
            f.add(Rlp.encodeLong(u.chainId()));
            f.add(Rlp.encodeLong(0));
            f.add(Rlp.encodeLong(0));
            return Rlp.encodeList(f);
        }
        return Bytes.concat(new byte[] {(byte) u.type().code}, Rlp.encodeList(f));
    }

    private static List<byte[]> fields(UnsignedTransaction u) {
        List<byte[]> f = new ArrayList<>();
        if (u.type() != TxType.LEGACY) f.add(Rlp.encodeLong(u.chainId()));
        f.add(Rlp.encodeLong(u.nonce()));
        if (u.type() == TxType.DYNAMIC_FEE) f.add(Rlp.encodeBigInt(u.maxPriorityFeePerGas()));
        f.add(Rlp.encodeBigInt(u.maxFeePerGas()));
        f.add(Rlp.encodeLong(u.gasLimit()));
        f.add(Rlp.encodeBytes(u.to() == null ? Bytes.EMPTY : u.to().raw()));
        f.add(Rlp.encodeBigInt(u.value()));
        f.add(Rlp.encodeBytes(u.data()));
        if (u.type() != TxType.LEGACY) f.add(AccessListEntry.encodeAll(u.accessList()));
        return f;
    }

    /** The EIP-2718 payload of a typed transaction, with or without its signature. */
    static byte[] typedPayload(Transaction tx, boolean withSignature) {
        List<byte[]> f = fields(new UnsignedTransaction(tx.type(), tx.chainId(), tx.nonce(), tx.maxPriorityFeePerGas(),
                tx.maxFeePerGas(), tx.gasLimit(), tx.to(), tx.value(), tx.rawData(), tx.accessList()));
        if (withSignature) {
            f.add(Rlp.encodeBigInt(tx.v()));
            f.add(Rlp.encodeBigInt(tx.r()));
            f.add(Rlp.encodeBigInt(tx.s()));
        }
        return Bytes.concat(new byte[] {(byte) tx.type().code}, Rlp.encodeList(f));
    }

    /** An OP Stack deposit transaction (type 0x7E): value minted on L2 by an L1 bridge deposit. */
    public static Transaction deposit(Hash sourceHash, Address from, Address to, BigInteger mint, BigInteger value, long gas, byte[] data) {
        byte[] body = Rlp.encodeList(
                Rlp.encodeBytes(sourceHash.raw()),
                Rlp.encodeBytes(from.raw()),
                Rlp.encodeBytes(to == null ? Bytes.EMPTY : to.raw()),
                Rlp.encodeBigInt(mint),
                Rlp.encodeBigInt(value),
                Rlp.encodeLong(gas),
                Rlp.encodeLong(0),
                Rlp.encodeBytes(data));
        return Transaction.decode(Bytes.concat(new byte[] {(byte) TxType.DEPOSIT.code}, body));
    }
}
