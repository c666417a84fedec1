package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;

/**
 * An L2-to-L1 withdrawal as the OP Stack hashes it: keccak(abi.encode(nonce, sender, target,
 * value, gasLimit, data)). A plain ETH withdrawal has empty data; the standard bridge's carries
 * its call to the L1 bridge. The L2 message passer stores sentMessages[hash] = true in slot
 * keccak(hash . 0); the L1 portal proves that slot.
 */
public record WithdrawalMessage(BigInteger nonce, Address sender, Address target, BigInteger value, BigInteger gasLimit, byte[] data) {

    public WithdrawalMessage {
        data = data.clone();
    }

    /** A withdrawal with no call data (ETH only). */
    public WithdrawalMessage(BigInteger nonce, Address sender, Address target, BigInteger value, BigInteger gasLimit) {
        this(nonce, sender, target, value, gasLimit, new byte[0]);
    }

    @Override public byte[] data() {
        return data.clone();
    }

    public Hash hash() {
        return Keccak.hash(Abi.encode(nonce, sender, target, value, gasLimit, new Abi.DynamicBytes(data)));
    }

    /** The storage slot of sentMessages[hash] (a mapping at slot 0). */
    public static Hash sentSlot(Hash withdrawalHash) {
        return Keccak.hash(Bytes.concat(withdrawalHash.raw(), new byte[32]));
    }

    public static byte[] word(BigInteger v) {
        return Bytes.leftPad(Rlp.minimal(v), 32);
    }

    public static byte[] word(Address a) {
        return Bytes.leftPad(a.raw(), 32);
    }

    @Override public boolean equals(Object o) {
        return o instanceof WithdrawalMessage w && w.hash().equals(hash());
    }

    @Override public int hashCode() {
        return hash().hashCode();
    }
}
