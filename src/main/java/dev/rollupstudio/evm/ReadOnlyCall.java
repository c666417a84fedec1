package dev.rollupstudio.evm;

import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;
import java.util.List;

/**
 * A call that changes nothing, as {@code eth_call} is: the message runs on the live state inside a
 * checkpoint that is always reverted, so the code may write (and see its writes) while it runs.
 * Call it on the thread that owns the state; the message itself runs on the deep-stack thread.
 */
public final class ReadOnlyCall {
    public static final long DEFAULT_GAS = 50_000_000;

    private ReadOnlyCall() {}

    public static Evm.Result run(MutableWorldState state, BlockEnv block, Address from, Address to, byte[] data) {
        return run(state, block, from, to, data, java.util.Map.of());
    }

    public static Evm.Result run(MutableWorldState state, BlockEnv block, Address from, Address to, byte[] data, java.util.Map<Address, NativeContract> natives) {
        return DeepStack.run(() -> {
            Journal journal = new Journal(state);
            Evm evm = new Evm(journal, block, new TxEnv(from, BigInteger.ZERO, List.of()), natives);
            journal.checkpoint();
            try {
                journal.warm(from);
                journal.warm(to);
                return evm.call(new Evm.Message(from, to, to, Wei.ZERO, data, state.code(to), DEFAULT_GAS, 0, false, false));
            } finally {
                journal.revert();
            }
        });
    }
}
