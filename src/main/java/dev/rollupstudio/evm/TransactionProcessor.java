package dev.rollupstudio.evm;

import dev.rollupstudio.chain.Log;
import dev.rollupstudio.state.Account;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;
import java.util.List;

/**
 * Runs one transaction on a world state as Cancun's process_transaction does: checks it
 * (intrinsic gas, nonce, fee caps, balance, EIP-3607, EIP-3860), buys its gas, runs the message
 * or the creation, refunds unused gas and up to a fifth of the used gas (EIP-3529), pays the
 * coinbase the priority fee and burns the base fee, and deletes what self-destructed. An invalid
 * transaction changes nothing and says why.
 */
public final class TransactionProcessor {
    public static final long BLOB_GAS_PER_BLOB = 131_072;
    public static final int MAX_BLOBS = 6;

    /** What a transaction did: whether it was valid (and if not, why), succeeded, its gas, logs, created address and output. */
    public record Outcome(String invalid, boolean success, long gasUsed, List<Log> logs, Address contractAddress, byte[] output, String error) {
        public boolean valid() {
            return invalid == null;
        }

        static Outcome invalid(String why) {
            return new Outcome(why, false, 0, List.of(), null, new byte[0], null);
        }
    }

    /**
     * What a chain adds to Ethereum's fee flows: an extra fee charged up front and paid to a vault
     * (the OP Stack's L1 data fee), a vault that receives the base fee instead of burning it, and a
     * floor on the gas a transaction is charged (EIP-7623). {@link #ETHEREUM} adds nothing.
     */
    public record Fees(BigInteger extraFee, Address extraFeeVault, Address baseFeeVault, long floorGas) {
        public static final Fees ETHEREUM = new Fees(BigInteger.ZERO, null, null, 0);
    }

    private TransactionProcessor() {}

    /** The intrinsic gas: 21,000, calldata, creation and initcode words, access list entries. */
    public static long intrinsicGas(EvmTransaction tx) {
        long gas = Gas.TX + calldataGas(tx.data());
        if (tx.isCreate()) gas += Gas.TX_CREATE + Gas.INITCODE_WORD * Gas.words(tx.data().length);
        for (EvmTransaction.AccessEntry e : tx.accessList()) gas += Gas.ACCESS_LIST_ADDRESS + Gas.ACCESS_LIST_SLOT * e.keys().size();
        return gas;
    }

    /** 4 gas per zero byte of call data, 16 per other byte. */
    private static long calldataGas(byte[] data) {
        long gas = 0;
        for (byte b : data) gas += b == 0 ? Gas.TX_DATA_ZERO : Gas.TX_DATA_NONZERO;
        return gas;
    }

    public static Outcome process(MutableWorldState state, BlockEnv block, EvmTransaction tx) {
        return process(state, block, tx, Fees.ETHEREUM);
    }

    public static Outcome process(MutableWorldState state, BlockEnv block, EvmTransaction tx, Fees fees) {
        return process(state, block, tx, fees, java.util.Map.of());
    }

    /** As above on a chain with contracts implemented natively ({@link NativeContract}). */
    public static Outcome process(MutableWorldState state, BlockEnv block, EvmTransaction tx, Fees fees, java.util.Map<Address, NativeContract> natives) {
        return process(state, block, tx, fees, natives, true);
    }

    /**
     * As above; {@code signed} false for a call no one signed (eth_call, eth_estimateGas), which
     * geth lets come from a contract's address: EIP-3607 guards signatures, and there is none.
     */
    public static Outcome process(MutableWorldState state, BlockEnv block, EvmTransaction tx, Fees fees, java.util.Map<Address, NativeContract> natives,
                                  boolean signed) {
        String why = check(state, block, tx, fees, signed);
        if (why != null) return Outcome.invalid(why);
        BigInteger price = tx.hasFeeMarket()
                ? tx.maxPriorityFeePerGas().min(tx.maxFeePerGas().subtract(block.baseFee())).add(block.baseFee())
                : tx.gasPrice();
        Address sender = tx.sender();
        BigInteger blobFee = BigInteger.valueOf(BLOB_GAS_PER_BLOB * tx.blobHashes().size()).multiply(block.blobBaseFee());
        long gas = tx.gasLimit() - intrinsicGas(tx);
        state.setNonce(sender, state.nonce(sender) + 1);
        state.setBalance(sender, Wei.of(state.balance(sender).value().subtract(price.multiply(BigInteger.valueOf(tx.gasLimit()))).subtract(blobFee)
                .subtract(fees.extraFee())));
        if (fees.extraFee().signum() > 0) state.setBalance(fees.extraFeeVault(), state.balance(fees.extraFeeVault()).add(Wei.of(fees.extraFee())));

        Journal journal = new Journal(state);
        journal.warm(block.coinbase());
        journal.warm(sender);
        for (Address p : Precompiles.ADDRESSES) journal.warm(p);
        for (EvmTransaction.AccessEntry e : tx.accessList()) {
            journal.warm(e.address());
            for (Hash k : e.keys()) journal.warm(e.address(), Word.fromBytes(k.raw()));
        }
        Evm evm = new Evm(journal, block, new TxEnv(sender, price, tx.blobHashes()), natives);
        Wei value = Wei.of(tx.value());
        Evm.Result r;
        Address created = null;
        if (tx.isCreate()) {
            created = Evm.createAddress(sender, tx.nonce());
            journal.warm(created);
            Account existing = state.account(created);
            boolean collision = existing.nonce() != 0 || existing.hasCode()
                    || !existing.storageRoot().equals(dev.rollupstudio.chain.trie.MerklePatriciaTrie.EMPTY_ROOT);
            r = collision ? Evm.Result.halt("address collision")
                    : evm.create(new Evm.Message(sender, created, created, value, new byte[0], tx.data(), gas, 0, false, true));
        } else {
            journal.warm(tx.to());
            r = evm.call(new Evm.Message(sender, tx.to(), tx.to(), value, tx.data(), state.code(tx.to()), gas, 0, false, true));
        }
        long usedBeforeRefund = tx.gasLimit() - r.gasLeft();
        long refund = r.success() ? Math.min(usedBeforeRefund / Gas.MAX_REFUND_QUOTIENT, Math.max(0, journal.refund())) : 0;
        long used = Math.max(usedBeforeRefund - refund, Math.min(fees.floorGas(), tx.gasLimit()));
        long left = tx.gasLimit() - used;
        state.setBalance(sender, state.balance(sender).add(Wei.of(price.multiply(BigInteger.valueOf(left)))));
        BigInteger tip = price.subtract(block.baseFee()).multiply(BigInteger.valueOf(used));
        Address coinbase = block.coinbase();
        BigInteger coinbaseBalance = state.balance(coinbase).value().add(tip);
        if (fees.baseFeeVault() != null && block.baseFee().signum() > 0) {
            Address v = fees.baseFeeVault();
            state.setBalance(v, state.balance(v).add(Wei.of(block.baseFee().multiply(BigInteger.valueOf(used)))));
        }
        if (coinbaseBalance.signum() != 0) state.setBalance(coinbase, Wei.of(coinbaseBalance));
        else if (state.account(coinbase) != Account.EMPTY && state.account(coinbase).isEmpty()) state.delete(coinbase);
        if (r.success()) for (Address a : journal.selfDestructs()) state.delete(a);
        List<Log> logs = r.success() ? List.copyOf(journal.logs()) : List.of();
        return new Outcome(null, r.success(), used, logs, r.success() ? created : null, r.output(), r.error());
    }

    /**
     * An OP Stack deposit transaction's call on L2, its mint already credited: no gas is bought
     * and no fee paid, the sender's nonce is taken, and the call runs with the gas limit less the
     * intrinsic gas. Failure (a revert, too little gas or value) undoes the call only.
     */
    public static Outcome deposit(MutableWorldState state, BlockEnv block, Address from, Address to, BigInteger value, byte[] data, long gasLimit,
                                  java.util.Map<Address, NativeContract> natives) {
        long intrinsic = Gas.TX + calldataGas(data);
        state.setNonce(from, state.nonce(from) + 1);
        if (gasLimit < intrinsic) return new Outcome(null, false, gasLimit, List.of(), null, new byte[0], "intrinsic gas too low");
        if (state.balance(from).value().compareTo(value) < 0) return new Outcome(null, false, gasLimit, List.of(), null, new byte[0], "insufficient balance for the deposit's value");
        Journal journal = new Journal(state);
        journal.warm(from);
        journal.warm(to);
        journal.warm(block.coinbase());
        for (Address p : Precompiles.ADDRESSES) journal.warm(p);
        Evm evm = new Evm(journal, block, new TxEnv(from, BigInteger.ZERO, List.of()), natives);
        Evm.Result r = evm.call(new Evm.Message(from, to, to, Wei.of(value), data, state.code(to), gasLimit - intrinsic, 0, false, true));
        if (r.success()) for (Address a : journal.selfDestructs()) state.delete(a);
        return new Outcome(null, r.success(), gasLimit, r.success() ? List.copyOf(journal.logs()) : List.of(), null, r.output(), r.error());
    }

    /** Why the transaction cannot be included, or null if it can. */
    private static String check(MutableWorldState state, BlockEnv block, EvmTransaction tx, Fees fees, boolean signed) {
        if (tx.value().bitLength() > 256) return "value does not fit 256 bits";
        long intrinsic = intrinsicGas(tx);
        if (intrinsic > tx.gasLimit()) return "intrinsic gas too low: " + intrinsic + " needed, " + tx.gasLimit() + " given";
        if (tx.nonce() == -1L) return "nonce at its maximum (2^64-1)";
        if (tx.isCreate() && tx.data().length > Gas.MAX_INITCODE_SIZE) return "initcode larger than 49,152 bytes (EIP-3860)";
        if (tx.gasLimit() > block.gasLimit()) return "gas limit above the block's";
        BigInteger maxFee;
        if (tx.hasFeeMarket()) {
            if (tx.maxFeePerGas().compareTo(tx.maxPriorityFeePerGas()) < 0) return "priority fee above max fee";
            if (tx.maxFeePerGas().compareTo(block.baseFee()) < 0) return "max fee per gas below the base fee";
            maxFee = tx.maxFeePerGas().multiply(BigInteger.valueOf(tx.gasLimit()));
        } else {
            if (tx.gasPrice().compareTo(block.baseFee()) < 0) return "gas price below the base fee";
            maxFee = tx.gasPrice().multiply(BigInteger.valueOf(tx.gasLimit()));
        }
        if (tx.type() == 3) {
            if (tx.isCreate()) return "a blob transaction cannot create a contract";
            if (tx.blobHashes().isEmpty()) return "a blob transaction needs at least one blob";
            if (tx.blobHashes().size() > MAX_BLOBS) return "more than " + MAX_BLOBS + " blobs";
            for (Hash h : tx.blobHashes()) if (h.raw()[0] != 1) return "a blob versioned hash must start with 0x01";
            if (tx.maxFeePerBlobGas().compareTo(block.blobBaseFee()) < 0) return "max fee per blob gas below the blob base fee";
            maxFee = maxFee.add(tx.maxFeePerBlobGas().multiply(BigInteger.valueOf(BLOB_GAS_PER_BLOB * tx.blobHashes().size())));
        }
        Account sender = state.account(tx.sender());
        if (sender.nonce() != tx.nonce()) return "nonce " + tx.nonce() + " but the sender's is " + sender.nonce();
        if (sender.balance().value().compareTo(maxFee.add(tx.value()).add(fees.extraFee())) < 0) {
            return "insufficient funds for gas * price + value" + (fees.extraFee().signum() > 0 ? " + L1 data fee" : "");
        }
        if (signed && sender.hasCode()) return "the sender has code (EIP-3607)";
        return null;
    }
}
