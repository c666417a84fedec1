package dev.rollupstudio.evm;

/**
 * A contract a chain implements in Java behind a Solidity ABI (the embedded L1's system
 * contracts). It runs where the code would: after the call's value has moved, inside the call's
 * checkpoint, so its storage writes, balance moves and logs revert with the call. It must keep
 * no state of its own outside the world state.
 */
@FunctionalInterface
public interface NativeContract {
    Evm.Result run(Evm evm, Evm.Message m);
}
