package dev.rollupstudio.chain;

import dev.rollupstudio.types.Address;
import java.math.BigInteger;
import java.util.List;

/** The fields a sender fills in before signing. Legacy and EIP-2930 use {@code maxFeePerGas} as the gas price. */
public record UnsignedTransaction(TxType type, long chainId, long nonce, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas,
                                  long gasLimit, Address to, BigInteger value, byte[] data, List<AccessListEntry> accessList) {

    public static UnsignedTransaction transfer(long chainId, long nonce, Address to, BigInteger value, BigInteger tip, BigInteger feeCap) {
        return new UnsignedTransaction(TxType.DYNAMIC_FEE, chainId, nonce, tip, feeCap, 21_000, to, value, new byte[0], List.of());
    }

    public static UnsignedTransaction legacyTransfer(long chainId, long nonce, Address to, BigInteger value, BigInteger gasPrice) {
        return new UnsignedTransaction(TxType.LEGACY, chainId, nonce, gasPrice, gasPrice, 21_000, to, value, new byte[0], List.of());
    }

    public UnsignedTransaction withGasLimit(long gas) {
        return new UnsignedTransaction(type, chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data, accessList);
    }

    public UnsignedTransaction withData(byte[] d) {
        return new UnsignedTransaction(type, chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, d, accessList);
    }

    public UnsignedTransaction withFees(BigInteger tip, BigInteger cap) {
        return new UnsignedTransaction(type, chainId, nonce, tip, cap, gasLimit, to, value, data, accessList);
    }

    public UnsignedTransaction withChainId(long id) {
        return new UnsignedTransaction(type, id, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList);
    }
}
