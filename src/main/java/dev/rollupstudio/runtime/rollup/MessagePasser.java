package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.evm.NativeContract;
import dev.rollupstudio.runtime.l1.WithdrawalMessage;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;

/**
 * The L2ToL1MessagePasser predeploy as the EVM sees it: {@code initiateWithdrawal(address
 * _target, uint256 _gasLimit, bytes _data)} (payable) starts a withdrawal from the caller, as the
 * L2 standard bridge does to release tokens on L1. The value is burnt at once (OP burns it later
 * with {@code burn()}; the effect on supply is the same). Plain ETH sent to the passer by a
 * transaction is a withdrawal to the sender and never reaches the EVM ({@link BlockBuilder}).
 */
final class MessagePasser implements NativeContract {
    static final byte[] INITIATE = Abi.selector("initiateWithdrawal(address,uint256,bytes)");
    private static final byte[] MESSAGE_NONCE = Abi.selector("messageNonce()");
    /** A flat charge for the two storage writes and the log, plus the log's data. */
    static final long GAS = 60_000;

    /** The natives of every rollup's EVM. */
    static final Map<dev.rollupstudio.types.Address, NativeContract> ON_L2 = Map.of(Predeploys.L2_TO_L1_MESSAGE_PASSER, new MessagePasser());

    @Override public Evm.Result run(Evm evm, Evm.Message m) {
        byte[] in = m.input();
        if (Abi.startsWith(in, MESSAGE_NONCE)) {
            if (m.gas() < 2_600) return Evm.Result.halt("out of gas");
            BigInteger counter = evm.journal().state().storage(m.target(), Withdrawals.NONCE_SLOT);
            return new Evm.Result(true, m.gas() - 2_600, Abi.word(Withdrawals.VERSION_1.or(counter)), false, null);
        }
        if (!Abi.startsWith(in, INITIATE)) return revert(m.gas(), "L2ToL1MessagePasser: unknown function " + Bytes.toHex(Arrays.copyOf(in, Math.min(4, in.length))));
        byte[] args = Abi.args(in);
        byte[] data = Abi.bytes(args, 2);
        if (args.length < 96 || data == null) return revert(m.gas(), "L2ToL1MessagePasser: malformed initiateWithdrawal arguments");
        long gas = GAS + 8L * data.length;
        if (m.gas() < gas) return Evm.Result.halt("out of gas");
        if (m.isStatic()) return Evm.Result.halt("a withdrawal in a static call");
        var state = evm.journal().state();
        WithdrawalMessage w = Withdrawals.start(state, m.caller(), Abi.address(args, 0), m.value().value(), Abi.uint(args, 1), data);
        state.setBalance(m.target(), state.balance(m.target()).subtract(Wei.of(w.value())));
        evm.journal().log(Withdrawals.log(w));
        return new Evm.Result(true, m.gas() - gas, new byte[0], false, null);
    }

    private static Evm.Result revert(long gas, String reason) {
        return new Evm.Result(false, gas, Bytes.concat(Abi.ERROR_SELECTOR, Abi.encodeString(reason)), true, "reverted");
    }
}
