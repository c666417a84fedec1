package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.Log;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.runtime.l1.WithdrawalMessage;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The L2ToL1MessagePasser's bookkeeping: sending ETH to it starts a withdrawal to the sender, and
 * {@code initiateWithdrawal} ({@link MessagePasser}, for contracts such as the standard bridge)
 * one to any target with data. As in the OP Stack,
 * the withdrawal hash is keccak(abi.encode(nonce, sender, target, value, gasLimit, data)),
 * sentMessages[hash] = true sits in storage slot keccak(hash . 0), and the ETH is burnt on L2.
 * The message passer's storage root goes in the block header and in the output root.
 */
public final class Withdrawals {
    /** Gas the message passer's bookkeeping costs on top of the intrinsic 21,000 (a storage write and a log). */
    public static final long EXECUTION_GAS = 60_000;
    public static final Hash NONCE_SLOT = Hash.of(Bytes.leftPad(new byte[] {1}, 32));
    static final Hash MESSAGE_PASSED = Keccak.hash("MessagePassed(uint256,address,address,uint256,uint256,bytes,bytes32)".getBytes(StandardCharsets.US_ASCII));
    static final BigInteger VERSION_1 = BigInteger.ONE.shiftLeft(240);

    private Withdrawals() {}

    /**
     * Starts a withdrawal: takes the next nonce (version 1, as the OP Stack encodes it), sets
     * sentMessages[hash], and returns the message; the caller burns the value and logs it.
     */
    static WithdrawalMessage start(MutableWorldState state, Address sender, Address target, BigInteger value, BigInteger gasLimit, byte[] data) {
        Address mp = Predeploys.L2_TO_L1_MESSAGE_PASSER;
        BigInteger counter = state.storage(mp, NONCE_SLOT);
        WithdrawalMessage w = new WithdrawalMessage(VERSION_1.or(counter), sender, target, value, gasLimit, data);
        state.setStorage(mp, NONCE_SLOT, counter.add(BigInteger.ONE));
        state.setStorage(mp, WithdrawalMessage.sentSlot(w.hash()), BigInteger.ONE);
        return w;
    }

    /** Reads a withdrawal back from its MessagePassed log, or null if the log is something else. */
    public static WithdrawalMessage fromLog(Log log) {
        if (!log.address().equals(Predeploys.L2_TO_L1_MESSAGE_PASSER) || log.topics().size() != 4 || !log.topics().get(0).equals(MESSAGE_PASSED)) return null;
        byte[] d = log.data();
        byte[] data = Abi.bytes(d, 2);
        if (data == null) return null;
        return new WithdrawalMessage(new BigInteger(1, log.topics().get(1).raw()), address(log.topics().get(2)), address(log.topics().get(3)),
                Abi.uint(d, 0), Abi.uint(d, 1), data);
    }

    private static Address address(Hash word) {
        return Address.of(java.util.Arrays.copyOfRange(word.raw(), 12, 32));
    }

    /** MessagePassed(nonce, sender, target, value, gasLimit, data, withdrawalHash), as OP's message passer logs it. */
    static Log log(WithdrawalMessage w) {
        byte[] data = Abi.encode(w.value(), w.gasLimit(), new Abi.DynamicBytes(w.data()), w.hash().raw());
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
