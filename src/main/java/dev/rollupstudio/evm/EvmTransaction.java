package dev.rollupstudio.evm;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.List;

/**
 * A transaction as the EVM runs it, its signature already checked: the sender, the recipient
 * (null to create a contract), and the fee fields of its type (legacy and EIP-2930 use
 * {@code gasPrice}; EIP-1559 and blob transactions the two caps).
 */
public record EvmTransaction(int type, Address sender, Address to, long nonce, BigInteger value, byte[] data, long gasLimit,
                             BigInteger gasPrice, BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas,
                             List<AccessEntry> accessList, List<Hash> blobHashes, BigInteger maxFeePerBlobGas) {

    /** An EIP-2930 access list entry: an account and storage keys to warm up front. */
    public record AccessEntry(Address address, List<Hash> keys) {}

    public boolean isCreate() {
        return to == null;
    }

    public boolean hasFeeMarket() {
        return type >= 2;
    }
}
