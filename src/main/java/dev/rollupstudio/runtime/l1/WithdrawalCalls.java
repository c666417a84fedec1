package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The portal's withdrawal calls in OP Stack's ABI: {@code proveWithdrawalTransaction(
 * Types.WithdrawalTransaction, uint256, Types.OutputRootProof, bytes[])} and
 * {@code finalizeWithdrawalTransaction(Types.WithdrawalTransaction)}, where a withdrawal
 * transaction is the tuple {@code (uint256 nonce, address sender, address target, uint256 value,
 * uint256 gasLimit, bytes data)} and an output root proof {@code (bytes32 version, bytes32
 * stateRoot, bytes32 messagePasserStorageRoot, bytes32 latestBlockhash)}.
 */
public final class WithdrawalCalls {
    static final String TX = "(uint256,address,address,uint256,uint256,bytes)";
    static final byte[] PROVE = Abi.selector("proveWithdrawalTransaction(" + TX + ",uint256,(bytes32,bytes32,bytes32,bytes32),bytes[])");
    static final byte[] FINALIZE = Abi.selector("finalizeWithdrawalTransaction(" + TX + ")");

    private WithdrawalCalls() {}

    /** The preimage of an output root (version 0): what lets L1 check a storage proof against it. */
    public record OutputRootProof(Hash stateRoot, Hash messagePasserStorageRoot, Hash blockHash) {}

    /** A decoded prove call. */
    record Prove(WithdrawalMessage withdrawal, BigInteger outputIndex, OutputRootProof outputRootProof, List<byte[]> proof) {}

    public static byte[] prove(WithdrawalMessage w, long outputIndex, OutputRootProof orp, List<byte[]> proof) {
        byte[] tuple = tuple(w);
        ByteArrayOutputStream nodes = new ByteArrayOutputStream();
        nodes.writeBytes(Abi.word(BigInteger.valueOf(proof.size())));
        int offset = 32 * proof.size();
        List<byte[]> tails = new ArrayList<>();
        for (byte[] node : proof) {
            nodes.writeBytes(Abi.word(BigInteger.valueOf(offset)));
            byte[] t = padded(node);
            tails.add(t);
            offset += t.length;
        }
        tails.forEach(nodes::writeBytes);
        int head = 32 * 7; // tx offset, index, the four proof words, proof offset
        return Bytes.concat(PROVE, Abi.word(BigInteger.valueOf(head)), Abi.word(BigInteger.valueOf(outputIndex)), new byte[32],
                orp.stateRoot().raw(), orp.messagePasserStorageRoot().raw(), orp.blockHash().raw(), Abi.word(BigInteger.valueOf(head + tuple.length)),
                tuple, nodes.toByteArray());
    }

    public static byte[] finalize(WithdrawalMessage w) {
        return Bytes.concat(FINALIZE, Abi.word(BigInteger.valueOf(32)), tuple(w));
    }

    /** The withdrawal in a call's arguments, the tuple's offset at head word {@code i}; null if malformed. */
    static WithdrawalMessage withdrawal(byte[] args, int i) {
        BigInteger at = Abi.uint(args, i);
        if (at.bitLength() > 31 || at.intValue() % 32 != 0 || at.intValue() + 192 > args.length) return null;
        byte[] t = java.util.Arrays.copyOfRange(args, at.intValue(), args.length);
        byte[] data = Abi.bytes(t, 5);
        if (data == null) return null;
        return new WithdrawalMessage(Abi.uint(t, 0), Abi.address(t, 1), Abi.address(t, 2), Abi.uint(t, 3), Abi.uint(t, 4), data);
    }

    static Prove decodeProve(byte[] args) {
        WithdrawalMessage w = withdrawal(args, 0);
        if (w == null || args.length < 32 * 7 || Abi.uint(args, 2).signum() != 0) return null; // output root version 0 only
        OutputRootProof orp = new OutputRootProof(Hash.of(Abi.wordAt(args, 3)), Hash.of(Abi.wordAt(args, 4)), Hash.of(Abi.wordAt(args, 5)));
        BigInteger at = Abi.uint(args, 6);
        if (at.bitLength() > 31 || at.intValue() + 32 > args.length) return null;
        byte[] list = java.util.Arrays.copyOfRange(args, at.intValue(), args.length);
        BigInteger n = Abi.uint(list, 0);
        if (n.bitLength() > 16) return null;
        byte[] items = java.util.Arrays.copyOfRange(list, 32, list.length);
        List<byte[]> proof = new ArrayList<>();
        for (int k = 0; k < n.intValue(); k++) {
            byte[] node = Abi.bytes(items, k);
            if (node == null) return null;
            proof.add(node);
        }
        return new Prove(w, Abi.uint(args, 1), orp, proof);
    }

    private static byte[] tuple(WithdrawalMessage w) {
        return Abi.encode(w.nonce(), w.sender(), w.target(), w.value(), w.gasLimit(), new Abi.DynamicBytes(w.data()));
    }

    private static byte[] padded(byte[] b) {
        byte[] out = new byte[32 + (b.length + 31) / 32 * 32];
        System.arraycopy(Abi.word(BigInteger.valueOf(b.length)), 0, out, 0, 32);
        System.arraycopy(b, 0, out, 32, b.length);
        return out;
    }
}
