package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.types.Address;

/**
 * What the EVM said about one transaction beyond its receipt: the contract it created, why it
 * failed ("reverted", "out of gas", "invalid opcode 0xfe"...) and the data it reverted with, which
 * a receipt does not carry but a developer needs (an Error(string) reason, a custom error).
 */
public record TxExecution(Address contractAddress, String error, byte[] revertData) {}
