package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.Log;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The L2ToL1MessagePasser, natively: sending ETH to it starts a withdrawal. As in the OP Stack,
 * the withdrawal hash is keccak(abi.encode(nonce, sender, target, value, gasLimit, data)),
 * sentMessages[hash] = true sits in storage slot keccak(hash . 0), and the ETH is burnt on L2.
 * The message passer's storage root goes in the block header and in the output root.
 */
public final class Withdrawals {
    /** Gas the message passer's bookkeeping costs on top of the intrinsic 21,000 (a storage write and a log). */
    public static final long EXECUTION_GAS = 60_000;
    public static final Hash NONCE_SLOT = Hash.of(Bytes.leftPad(new byte[] {1}, 32));
    static final Hash MESSAGE_PASSED = Keccak.hash("MessagePassed(uint256,address,address,uint256,uint256,bytes,bytes32)".getBytes(StandardCharsets.US_ASCII));
    private static final BigInteger VERSION_1 = BigInteger.ONE.shiftLeft(240);

    private Withdrawals() {}

    public record Withdrawal(BigInteger nonce, Address sender, Address target, BigInteger value, BigInteger gasLimit, Hash hash) {}

    public static Withdrawal of(BigInteger counter, Address sender, BigInteger value, long gasLimit) {
        BigInteger nonce = VERSION_1.or(counter);
        byte[] encoded = Bytes.concat(word(nonce), word(sender), word(sender), word(value), word(BigInteger.valueOf(gasLimit)),
                word(BigInteger.valueOf(0xc0)), word(BigInteger.ZERO));
        return new Withdrawal(nonce, sender, sender, value, BigInteger.valueOf(gasLimit), Keccak.hash(encoded));
    }

    /** Storage slot of sentMessages[hash] (mapping at slot 0). */
    public static Hash sentSlot(Hash withdrawalHash) {
        return Keccak.hash(Bytes.concat(withdrawalHash.raw(), new byte[32]));
    }

    static Log log(Withdrawal w) {
        byte[] data = Bytes.concat(word(w.value()), word(w.gasLimit()), word(BigInteger.valueOf(0x80)), w.hash().raw(), word(BigInteger.ZERO));
        return new Log(Predeploys.L2_TO_L1_MESSAGE_PASSER,
                List.of(MESSAGE_PASSED, Hash.of(word(w.nonce())), Hash.of(word(w.sender())), Hash.of(word(w.target()))), data);
    }

    private static byte[] word(BigInteger v) {
        return Bytes.leftPad(dev.rollupstudio.chain.rlp.Rlp.minimal(v), 32);
    }

    private static byte[] word(Address a) {
        return Bytes.leftPad(a.raw(), 32);
    }
}
