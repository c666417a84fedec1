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

    /** The EVM's view of a decoded, signed chain transaction (legacy, EIP-2930, EIP-1559 or a blob transaction). */
    public static EvmTransaction of(dev.rollupstudio.chain.Transaction tx) {
        List<AccessEntry> access = tx.accessList().stream().map(e -> new AccessEntry(e.address(), e.storageKeys())).toList();
        boolean blob = tx.type() == dev.rollupstudio.chain.TxType.BLOB;
        boolean feeMarket = tx.type() == dev.rollupstudio.chain.TxType.DYNAMIC_FEE || blob;
        return new EvmTransaction(tx.type().code, tx.sender(), tx.to(), tx.nonce(), tx.value(), tx.data(), tx.gasLimit(),
                feeMarket ? null : tx.maxFeePerGas(), feeMarket ? tx.maxFeePerGas() : null, feeMarket ? tx.maxPriorityFeePerGas() : null,
                access, tx.blobVersionedHashes(), blob ? tx.maxFeePerBlobGas() : BigInteger.ZERO);
    }

    public boolean isCreate() {
        return to == null;
    }

    public boolean hasFeeMarket() {
        return type >= 2;
    }
}
