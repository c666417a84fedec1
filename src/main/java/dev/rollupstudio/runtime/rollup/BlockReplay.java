package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.state.StateEdit;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * Builds the block a batch describes on top of a head, with one's own state, all or nothing: the
 * deposits come from L1 (the batch cannot add any), the transactions from the batch, and the rules
 * are the rollup's. What the verifier does with batches read from L1, and what MACH's operators do
 * with each block the sequencer seals.
 */
public final class BlockReplay {
    /** The block built, or why the batch was dropped (the state is then as it was). */
    public record Result(SealedBlock block, String dropped) {}

    private final RollupConfig config;
    private final EmbeddedL1 l1;
    private LongFunction<List<StateEdit>> devEdits = n -> List.of();
    private Function<Hash, Address> impersonated = h -> null;

    public BlockReplay(RollupConfig config, EmbeddedL1 l1) {
        this.config = config;
        this.l1 = l1;
    }

    /**
     * The developer's state edits to apply before each block (anvil_setBalance and kin). They are
     * in no L1 data, so a devnet's checkers are told them by its sequencer, as the only exception.
     */
    public void devEdits(LongFunction<List<StateEdit>> edits) {
        this.devEdits = edits;
    }

    /** The sender of a transaction the sequencer made for an impersonated account (anvil_impersonateAccount), or null. */
    public void impersonated(Function<Hash, Address> senders) {
        this.impersonated = senders;
    }

    /** The block {@code batch} makes on {@code head}, executed on {@code state} (the state after {@code head}). */
    public Result run(MutableWorldState state, SealedBlock head, SingularBatch batch) {
        long number = head.number() + 1;
        L1Origin origin = head.origin();
        L1Block epoch = null;
        if (batch.epochNumber() == origin.number() + 1) {
            epoch = l1.block(batch.epochNumber());
            if (epoch == null || !epoch.hash().equals(batch.epochHash())) {
                return dropped("it names L1 origin " + batch.epochNumber() + " with a hash L1 does not have");
            }
            origin = L1Origin.of(epoch);
        } else if (batch.epochNumber() != origin.number()) {
            return dropped("it jumps from L1 origin " + origin.number() + " to " + batch.epochNumber());
        }
        if (batch.timestampMillis() < head.header().timestamp() * 1000) {
            return dropped("its timestamp is before its parent's");
        }
        List<Transaction> txs = new ArrayList<>(batch.transactions().size());
        for (byte[] raw : batch.transactions()) {
            Transaction tx;
            try {
                tx = Transaction.decode(raw);
            } catch (RuntimeException e) {
                return dropped("transaction " + txs.size() + " does not decode: " + e.getMessage());
            }
            if (tx.isDeposit()) return dropped("transaction " + txs.size() + " is a deposit, which only L1 may create");
            if (tx.type() == dev.rollupstudio.chain.TxType.BLOB) return dropped("transaction " + txs.size() + " is a blob transaction, which a rollup does not carry");
            Address as = impersonated.apply(tx.hash());
            if (as != null) tx.assumeSender(as);
            txs.add(tx);
        }
        txs.parallelStream().forEach(Transaction::sender);

        state.checkpoint();
        for (StateEdit e : devEdits.apply(number)) e.apply(state);
        RollupConfig governed = l1.parameters().at(config, origin.number());
        BlockBuilder builder = new BlockBuilder(governed, state, BlockContext.after(governed, head, batch.timestampMillis(), origin));
        List<Transaction> all = new ArrayList<>(epoch == null ? List.of() : DepositTxs.of(epoch, config.chainId()));
        all.addAll(txs);
        String invalid = dev.rollupstudio.evm.DeepStack.run(() -> { // one hop to the EVM's thread per block
            for (Transaction tx : all) {
                String err = builder.apply(tx);
                if (err != null) return "transaction " + tx.hash().shortHex() + " is invalid: " + err;
            }
            return null;
        });
        if (invalid != null) {
            state.revert();
            return dropped(invalid);
        }
        BlockBuilder.Sealed sealed = builder.seal();
        state.commit();
        return new Result(new SealedBlock(sealed.block(), origin, sealed.l1Fees(), sealed.executions()), null);
    }

    private static Result dropped(String why) {
        return new Result(null, why);
    }
}
