package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.chain.Block;
import dev.rollupstudio.chain.BlockHeader;
import dev.rollupstudio.chain.Bloom;
import dev.rollupstudio.chain.Log;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.trie.MerklePatriciaTrie;
import dev.rollupstudio.evm.BlockEnv;
import dev.rollupstudio.evm.EvmTransaction;
import dev.rollupstudio.evm.TransactionProcessor;
import dev.rollupstudio.runtime.l1.WithdrawalMessage;
import dev.rollupstudio.state.Account;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Executes transactions into one block and seals it. The sequencer and the derivation verifier
 * both build blocks with this class, so a derived block equals the sequenced one byte for byte.
 * Value transfers, deposits and withdrawals run natively; contract creations and calls to code
 * run on the EVM.
 */
public final class BlockBuilder {
    private final RollupConfig config;
    private final MutableWorldState state;
    private final BlockContext ctx;
    private final List<Transaction> txs = new ArrayList<>();
    private final List<Receipt> receipts = new ArrayList<>();
    private final List<BigInteger> l1Fees = new ArrayList<>();
    private final java.util.Map<Integer, TxExecution> executions = new java.util.HashMap<>();
    private long gasUsed;
    private BigInteger burnt = BigInteger.ZERO;
    private BigInteger deposited = BigInteger.ZERO;
    private BigInteger withdrawn = BigInteger.ZERO;

    public BlockBuilder(RollupConfig config, MutableWorldState state, BlockContext ctx) {
        this.config = config;
        this.state = state;
        this.ctx = ctx;
    }

    public long gasUsed() {
        return gasUsed;
    }

    public long gasRemaining() {
        return ctx.gasLimit() - gasUsed;
    }

    public BlockContext context() {
        return ctx;
    }

    /** Gas a transaction will use if valid: intrinsic, the EIP-7623 floor, and native execution. */
    public static long gasFor(Transaction tx) {
        if (tx.isDeposit()) return tx.gasLimit();
        long gas = Math.max(tx.intrinsicGas(), tx.floorGas());
        if (plainWithdrawal(tx)) gas = tx.intrinsicGas() + Withdrawals.EXECUTION_GAS;
        return gas;
    }

    /** ETH sent to the message passer with no data: a withdrawal to the sender, run natively. */
    private static boolean plainWithdrawal(Transaction tx) {
        return Predeploys.L2_TO_L1_MESSAGE_PASSER.equals(tx.to()) && tx.data().length == 0;
    }

    /** The L1 data fee in the gas token (converted from ETH when the gas token is another). */
    public BigInteger l1Fee(Transaction tx) {
        return config.inGasToken(L1Fee.fee(tx, ctx.origin().baseFee(), ctx.origin().blobBaseFee(), config.fees().baseFeeScalar(), config.fees().blobBaseFeeScalar()));
    }

    /** Applies a transaction; returns null on success, or why it cannot be included (state unchanged). */
    public String apply(Transaction tx) {
        if (tx.isDeposit()) return applyDeposit(tx);
        Address from = tx.sender();
        if (from == null) return "invalid signature";
        long gas = gasFor(tx);
        if (gas > tx.gasLimit()) return "gas limit " + tx.gasLimit() + " is below the " + gas + " it needs";
        if (tx.gasLimit() > gasRemaining()) return "does not fit in the block's remaining gas";
        Account sender = state.account(from);
        if (tx.nonce() != sender.nonce()) return "nonce " + tx.nonce() + " but account is at " + sender.nonce();
        if (tx.maxFeePerGas().compareTo(ctx.baseFee()) < 0) return "fee cap below base fee";
        BigInteger l1Fee = l1Fee(tx);
        if (tx.to() == null || (!plainWithdrawal(tx) && state.hasCode(tx.to()))) return applyEvm(tx, l1Fee);
        BigInteger upfront = BigInteger.valueOf(tx.gasLimit()).multiply(tx.maxFeePerGas()).add(tx.value()).add(l1Fee);
        if (sender.balance().value().compareTo(upfront) < 0) return "insufficient funds: has " + sender.balance().value() + " wei, needs " + upfront;

        BigInteger tip = tx.effectiveTip(ctx.baseFee());
        BigInteger gasBig = BigInteger.valueOf(gas);
        BigInteger baseFeePaid = gasBig.multiply(ctx.baseFee());
        BigInteger tipPaid = gasBig.multiply(tip);
        state.setNonce(from, sender.nonce() + 1);
        state.subtractBalance(from, Wei.of(baseFeePaid.add(tipPaid).add(l1Fee).add(tx.value())));
        List<Log> logs = List.of();
        if (plainWithdrawal(tx)) {
            logs = List.of(startWithdrawal(from, tx));
        } else {
            state.addBalance(tx.to(), Wei.of(tx.value()));
            state.removeIfEmpty(tx.to());
        }
        credit(coinbase(), tipPaid);
        credit(Predeploys.L1_FEE_VAULT, l1Fee);
        if (config.fees().burnBaseFee()) burnt = burnt.add(baseFeePaid);
        else credit(Predeploys.BASE_FEE_VAULT, baseFeePaid);
        gasUsed += gas;
        txs.add(tx);
        receipts.add(new Receipt(tx.type(), true, gasUsed, logs, null, gas));
        l1Fees.add(l1Fee);
        return null;
    }

    /**
     * A contract creation or a call to code: run on the EVM with the rollup's fee flows (the L1
     * data fee charged up front to its vault, the base fee burnt or to its vault, the tip to the
     * coinbase, the EIP-7623 floor). A transaction that reverts or runs out of gas is included
     * with status 0 and pays for its gas, as on Ethereum.
     */
    private String applyEvm(Transaction tx, BigInteger l1Fee) {
        BlockEnv env = env();
        TransactionProcessor.Fees fees = new TransactionProcessor.Fees(l1Fee, Predeploys.L1_FEE_VAULT,
                config.fees().burnBaseFee() ? null : Predeploys.BASE_FEE_VAULT, tx.floorGas());
        EvmTransaction etx = EvmTransaction.of(tx);
        TransactionProcessor.Outcome o = dev.rollupstudio.evm.DeepStack.run(() -> TransactionProcessor.process(state, env, etx, fees, MessagePasser.ON_L2));
        if (!o.valid()) return o.invalid();
        countWithdrawals(o.logs());
        if (config.fees().burnBaseFee()) burnt = burnt.add(ctx.baseFee().multiply(BigInteger.valueOf(o.gasUsed())));
        gasUsed += o.gasUsed();
        txs.add(tx);
        receipts.add(new Receipt(tx.type(), o.success(), gasUsed, o.logs(), null, o.gasUsed()));
        l1Fees.add(l1Fee);
        executions.put(txs.size() - 1, new TxExecution(o.contractAddress(), o.error(), o.success() || o.output().length == 0 ? null : o.output()));
        return null;
    }

    private BlockEnv env() {
        return new BlockEnv(coinbase(), ctx.number(), ctx.timestampMillis() / 1000, ctx.gasLimit(), ctx.baseFee(), ctx.origin().hash(),
                BigInteger.ONE, config.chainId(), n -> n == ctx.number() - 1 ? ctx.parentHash() : Hash.ZERO);
    }

    private Log startWithdrawal(Address from, Transaction tx) {
        WithdrawalMessage w = Withdrawals.start(state, from, from, tx.value(), BigInteger.valueOf(tx.gasLimit()), new byte[0]);
        withdrawn = withdrawn.add(tx.value());
        return Withdrawals.log(w);
    }

    /** Adds the value of the withdrawals contracts started (through {@link MessagePasser}) to the block's total. */
    private void countWithdrawals(List<Log> logs) {
        for (Log l : logs) {
            WithdrawalMessage w = Withdrawals.fromLog(l);
            if (w != null) withdrawn = withdrawn.add(w.value());
        }
    }

    /**
     * A deposit transaction: the mint is credited whatever happens, the sender's nonce taken, then
     * ETH moves to an account without code natively, or the call (data, or a contract) runs on the
     * EVM with the deposit's gas, as OP's deposits do; no fee is paid.
     */
    private String applyDeposit(Transaction tx) {
        if (tx.gasLimit() > gasRemaining()) return "deposit does not fit in the block";
        Address from = tx.deposit().from();
        long nonce = state.nonce(from);
        state.addBalance(from, Wei.of(tx.deposit().mint()));
        deposited = deposited.add(tx.deposit().mint());
        boolean ok;
        List<Log> logs = List.of();
        if (tx.to() != null && (tx.data().length > 0 || state.hasCode(tx.to()))) {
            TransactionProcessor.Outcome o = dev.rollupstudio.evm.DeepStack.run(() ->
                    TransactionProcessor.deposit(state, env(), from, tx.to(), tx.value(), tx.data(), tx.gasLimit(), MessagePasser.ON_L2));
            ok = o.success();
            logs = o.logs();
            countWithdrawals(logs);
            if (!ok) executions.put(txs.size(), new TxExecution(null, o.error(), o.output().length == 0 ? null : o.output()));
        } else {
            ok = tx.to() != null && state.balance(from).value().compareTo(tx.value()) >= 0;
            if (ok) {
                state.subtractBalance(from, Wei.of(tx.value()));
                state.addBalance(tx.to(), Wei.of(tx.value()));
            }
            state.setNonce(from, nonce + 1);
        }
        gasUsed += tx.gasLimit();
        txs.add(tx);
        receipts.add(new Receipt(tx.type(), ok, gasUsed, logs, nonce, tx.gasLimit()));
        l1Fees.add(BigInteger.ZERO);
        return null;
    }

    /** Who earns the priority fees: the SQUAD operator building this block, else the sequencer fee vault. */
    private Address coinbase() {
        return ctx.leader() != null ? ctx.leader() : Predeploys.SEQUENCER_FEE_VAULT;
    }

    private void credit(Address vault, BigInteger amount) {
        if (amount.signum() > 0) state.addBalance(vault, Wei.of(amount));
    }

    /** Computes the roots and the header; the block is final from here. */
    public Sealed seal() {
        List<byte[]> txEnc = new ArrayList<>(txs.size());
        List<byte[]> rcEnc = new ArrayList<>(receipts.size());
        byte[] bloom = new byte[Bloom.BYTES];
        for (Transaction t : txs) txEnc.add(t.encoded());
        for (Receipt r : receipts) {
            rcEnc.add(r.encode());
            if (!r.logs().isEmpty()) Bloom.or(bloom, r.bloom());
        }
        Hash stateRoot = state.root();
        Hash withdrawalsRoot = state.account(Predeploys.L2_TO_L1_MESSAGE_PASSER).storageRoot();
        BlockHeader header = new BlockHeader(ctx.parentHash(), BlockHeader.EMPTY_OMMERS, coinbase(), stateRoot,
                MerklePatriciaTrie.orderedRoot(txEnc), MerklePatriciaTrie.orderedRoot(rcEnc), bloom, BigInteger.ZERO, ctx.number(),
                ctx.gasLimit(), gasUsed, ctx.timestampMillis() / 1000, new byte[0], ctx.origin().hash(), new byte[8], ctx.baseFee(),
                withdrawalsRoot, 0L, 0L, ctx.origin().hash(), null);
        ChainTotals totals = new ChainTotals(Wei.of(burnt), Wei.of(deposited), Wei.of(withdrawn), txs.size(), gasUsed);
        return new Sealed(Block.of(header, txs, receipts), List.copyOf(l1Fees), java.util.Map.copyOf(executions), totals);
    }

    /** A sealed block with the L1 fee each transaction paid, what the EVM said of those that ran code, and what the block adds to the totals. */
    public record Sealed(Block block, List<BigInteger> l1Fees, java.util.Map<Integer, TxExecution> executions, ChainTotals totals) {}
}
