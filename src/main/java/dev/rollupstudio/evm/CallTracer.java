package dev.rollupstudio.evm;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Wei;

/**
 * Told of every message as the EVM enters and leaves it, in nesting order: what geth's
 * callTracer reports. {@code type} is CALL, CALLCODE, DELEGATECALL, STATICCALL, CREATE or CREATE2.
 */
public interface CallTracer {
    void enter(String type, Address from, Address to, Wei value, long gas, byte[] input);

    /** {@code error} is null on success, "reverted" for a revert (output: its data), or why it halted. */
    void exit(long gasUsed, byte[] output, String error);
}
