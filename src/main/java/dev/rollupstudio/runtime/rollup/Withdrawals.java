package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.Log;
import dev.rollupstudio.runtime.l1.WithdrawalMessage;
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

    /** The message for the {@code counter}-th withdrawal (nonce version 1, as the OP Stack encodes it). */
    public static WithdrawalMessage of(BigInteger counter, Address sender, BigInteger value, long gasLimit) {
        return new WithdrawalMessage(VERSION_1.or(counter), sender, sender, value, BigInteger.valueOf(gasLimit));
    }

    /** Reads a withdrawal back from its MessagePassed log, or null if the log is something else. */
    public static WithdrawalMessage fromLog(Log log) {
        if (!log.address().equals(Predeploys.L2_TO_L1_MESSAGE_PASSER) || log.topics().size() != 4 || !log.topics().get(0).equals(MESSAGE_PASSED)) return null;
        byte[] d = log.data();
        return new WithdrawalMessage(new BigInteger(1, log.topics().get(1).raw()), address(log.topics().get(2)), address(log.topics().get(3)),
                new BigInteger(1, java.util.Arrays.copyOfRange(d, 0, 32)), new BigInteger(1, java.util.Arrays.copyOfRange(d, 32, 64)));
    }

    private static Address address(Hash word) {
        return Address.of(java.util.Arrays.copyOfRange(word.raw(), 12, 32));
    }

    static Log log(WithdrawalMessage w) {
        byte[] data = Bytes.concat(word(w.value()), word(w.gasLimit()), word(BigInteger.valueOf(0x80)), w.hash().raw(), word(BigInteger.ZERO));
        return new Log(Predeploys.L2_TO_L1_MESSAGE_PASSER,
                List.of(MESSAGE_PASSED, Hash.of(word(w.nonce())), Hash.of(word(w.sender())), Hash.of(word(w.target()))), data);
    }

    private static byte[] word(BigInteger v) {
        return WithdrawalMessage.word(v);
    }

    private static byte[] word(Address a) {
        return WithdrawalMessage.word(a);
    }
}
