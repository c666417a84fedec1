package dev.rollupstudio.host;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.evm.BlockEnv;
import dev.rollupstudio.evm.NativeContract;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.state.WorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One chain of the devnet as readers see it, safe from any thread: sealed blocks, receipts and
 * the world state after each recent block come from immutable snapshots the loop thread
 * publishes; what only the live node knows (the pool, a submission's verdict) is asked of the
 * loop thread and answered through a future, never by touching the node from outside.
 */
public interface ChainView {
    /** Where a transaction was included. */
    record TxLocation(ChainBlock block, int index) {}

    long chainId();

    /** "L1" or the rollup's name, for people. */
    String name();

    boolean isRollup();

    Heads heads();

    /** A sealed block, or null when there is none by that number (or it is past the view's memory and the archive's). */
    ChainBlock block(long number);

    ChainBlock block(Hash hash);

    TxLocation transaction(Hash hash);

    /** The state after block {@code number}, or null when it is no longer kept (the view keeps the latest {@link RecordedChain#STATES_KEPT}). */
    WorldState state(long number);

    /** A private copy of the state after block {@code number} that calls may write to; null when not kept. */
    MutableWorldState scratch(long number);

    /** The block environment of block {@code number}, as a call "at" that block sees it. */
    BlockEnv env(long number);

    /** Contracts the chain runs natively (the L1's portals and oracles); empty on a rollup. */
    Map<Address, NativeContract> natives();

    long gasLimit();

    /** The base fee of the next block. */
    BigInteger nextBaseFee();

    /** The priority fee a wallet should offer: the smallest the chain's pool takes, at least one wei. */
    BigInteger suggestedTip();

    /** Hands a signed transaction to the chain's pool; the future says whether it was taken. */
    CompletableFuture<Submitted> submit(Transaction tx);

    /** The nonce a sender's next transaction takes, counting its pooled ones. */
    CompletableFuture<Long> pendingNonce(Address sender);

    CompletableFuture<PoolContent> pool();

    /** Seals a block now (evm_mine); completes with its number. */
    CompletableFuture<Long> mine();

    /** Applies a developer's edits to the latest state (anvil_setBalance and kin): "latest" shows them at once, the next block builds on them. */
    CompletableFuture<Void> edit(java.util.List<dev.rollupstudio.state.StateEdit> edits);

    /** evm_increaseTime: later blocks are stamped {@code seconds} later; completes with the total shift in seconds. */
    CompletableFuture<Long> shiftTime(long seconds);

    /** evm_setNextBlockTimestamp: the next block's timestamp; later ones go on from it. */
    CompletableFuture<Void> nextTimestamp(long seconds);

    /**
     * Runs block {@code number}'s transactions again on a copy of its parent's state, up to the
     * {@code index}th, that one with {@code tracer} told of its messages; returns the traced
     * transaction's gas used. Throws when the parent's
     * state is no longer kept.
     */
    long trace(long number, int index, dev.rollupstudio.evm.CallTracer tracer);

    /** Called on the loop thread with each new block; must be quick. Returns the unsubscribe action. */
    Runnable onBlock(Consumer<ChainBlock> listener);

    /** Called with each transaction a client's submission put in the pool. Returns the unsubscribe action. */
    Runnable onPending(Consumer<Transaction> listener);
}
