package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.rlp.Rlp;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;

/**
 * An L2-to-L1 withdrawal as the OP Stack hashes it: keccak(abi.encode(nonce, sender, target,
 * value, gasLimit, data)), here always with empty data. The L2 message passer stores
 * sentMessages[hash] = true in slot keccak(hash . 0); the L1 bridge proves that slot.
 */
public record WithdrawalMessage(BigInteger nonce, Address sender, Address target, BigInteger value, BigInteger gasLimit) {

    public Hash hash() {
        return Keccak.hash(Bytes.concat(word(nonce), word(sender), word(target), word(value), word(gasLimit),
                word(BigInteger.valueOf(0xc0)), word(BigInteger.ZERO)));
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
}
