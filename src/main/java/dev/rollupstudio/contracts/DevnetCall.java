package dev.rollupstudio.contracts;

import dev.rollupstudio.evm.BlockEnv;
import dev.rollupstudio.evm.DeepStack;
import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.evm.Journal;
import dev.rollupstudio.evm.TxEnv;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;
import java.util.List;

/**
 * A call run in our EVM outside any block, as the devnet's own act (backing a rollup's genesis in
 * its portal, registering its operators): what {@code from} would do in a transaction, without the
 * transaction. Its logs go nowhere; balances and storage change as the call leaves them.
 */
public final class DevnetCall {
    private static final long GAS = 30_000_000;

    private DevnetCall() {}

    /** Runs the call; IllegalStateException with {@code what} and the EVM's reason when it fails. */
    public static byte[] run(MutableWorldState state, long chainId, Address from, Address to, BigInteger value, byte[] data, String what) {
        return run(state, chainId, 0, from, to, value, data, what);
    }

    /** As above, with {@code block.timestamp} at {@code timestampSeconds}. */
    public static byte[] run(MutableWorldState state, long chainId, long timestampSeconds, Address from, Address to, BigInteger value, byte[] data,
                             String what) {
        BlockEnv block = new BlockEnv(Address.ZERO, 0, timestampSeconds, GAS, BigInteger.ZERO, Hash.ZERO, BigInteger.ONE, chainId, n -> Hash.ZERO);
        Journal journal = new Journal(state);
        Evm evm = new Evm(journal, block, new TxEnv(from, BigInteger.ZERO, List.of()));
        if (value.signum() > 0) { // the value moves as a transaction's would, before the call
            if (state.balance(from).value().compareTo(value) < 0) throw new IllegalStateException(what + ": " + from + " holds less than " + value + " wei");
        }
        Evm.Result r = DeepStack.run(() -> evm.call(new Evm.Message(from, to, to, Wei.of(value), data, state.code(to), GAS, 0, false, true)));
        if (!r.success()) throw new IllegalStateException(what + " failed: " + r.error());
        return r.output();
    }
}
