package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.chain.Log;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.evm.BlockEnv;
import dev.rollupstudio.evm.DeepStack;
import dev.rollupstudio.evm.EvmTransaction;
import dev.rollupstudio.evm.TransactionProcessor;
import dev.rollupstudio.state.TrieWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * The embedded L1 as an EVM chain: its world state (accounts, contracts, the rollups' system
 * contracts), the signed transactions waiting for a block, and their execution by our EVM with
 * Ethereum's fee rules (base fee burnt, tips to the block's coinbase, the zero address here).
 */
final class L1Execution {
    private final TrieWorldState state = new TrieWorldState();
    private final SystemContracts system = new SystemContracts();
    private final List<Transaction> pending = new ArrayList<>();
    /** Why recent transactions were dropped, for whoever sent them; the oldest are forgotten. */
    private final Map<Hash, String> dropped = new LinkedHashMap<>() {
        @Override protected boolean removeEldestEntry(Map.Entry<Hash, String> e) {
            return size() > 10_000;
        }
    };

    /** What a block's user transactions did. */
    record Executed(List<Transaction> transactions, List<Receipt> receipts, long gasUsed) {}

    TrieWorldState state() {
        return state;
    }

    SystemContracts system() {
        return system;
    }

    /** Queues a signed transaction for the next blocks; null, or why it is refused now. */
    String submit(Transaction tx) {
        if (tx.isDeposit()) return "deposit transactions exist only on L2";
        if (tx.type() == dev.rollupstudio.chain.TxType.BLOB) return "the embedded L1 takes blobs from the rollups' batchers only; send a type 0, 1 or 2 transaction";
        if (tx.chainId() == null || tx.chainId() != EmbeddedL1.CHAIN_ID) {
            return "wrong chain id: the embedded L1 is chain " + EmbeddedL1.CHAIN_ID + ", the transaction is for " + tx.chainId();
        }
        if (tx.sender() == null) return "bad signature: no sender recovers from it";
        if (tx.nonce() < pendingNonce(tx.sender())) return "nonce " + tx.nonce() + " is already used; the next is " + pendingNonce(tx.sender());
        pending.add(tx);
        return null;
    }

    long pendingNonce(Address sender) {
        long n = state.nonce(sender);
        for (Transaction t : pending) if (sender.equals(t.sender())) n = Math.max(n, t.nonce() + 1);
        return n;
    }

    List<Transaction> pending() {
        return List.copyOf(pending);
    }

    int pendingCount() {
        return pending.size();
    }

    String droppedReason(Hash tx) {
        return dropped.get(tx);
    }

    /**
     * Runs the queued transactions that fit in {@code gasLimit}, in the order they came; an
     * invalid one (a nonce gap, too little balance, a fee cap below the base fee) is dropped with
     * its reason. What does not fit waits for the next block.
     */
    Executed run(BlockEnv env, long gasLimit) {
        return DeepStack.run(() -> {
            List<Transaction> txs = new ArrayList<>();
            List<Receipt> receipts = new ArrayList<>();
            long used = 0;
            int i = 0;
            for (; i < pending.size(); i++) {
                Transaction tx = pending.get(i);
                if (tx.gasLimit() > gasLimit - used) break;
                TransactionProcessor.Outcome o = TransactionProcessor.process(state, env, EvmTransaction.of(tx), TransactionProcessor.Fees.ETHEREUM,
                        system.natives());
                if (!o.valid()) {
                    dropped.put(tx.hash(), o.invalid());
                    continue;
                }
                used += o.gasUsed();
                txs.add(tx);
                receipts.add(new Receipt(tx.type(), o.success(), used, o.logs(), null, o.gasUsed()));
            }
            pending.subList(0, i).clear();
            return new Executed(List.copyOf(txs), List.copyOf(receipts), used);
        });
    }

    /** Runs already-included transactions again (a resume), expecting each to be valid. */
    void replay(BlockEnv env, List<Transaction> txs) {
        DeepStack.run(() -> {
            for (Transaction tx : txs) {
                TransactionProcessor.Outcome o = TransactionProcessor.process(state, env, EvmTransaction.of(tx), TransactionProcessor.Fees.ETHEREUM,
                        system.natives());
                if (!o.valid()) throw new IllegalStateException("stored L1 transaction " + tx.hash().shortHex() + " no longer applies: " + o.invalid());
            }
            return null;
        });
    }

    /** The deposits the block's receipts logged through the registered portals, in log order. */
    List<Deposit> deposits(List<Receipt> receipts, long number, Hash blockHash) {
        List<Deposit> out = new ArrayList<>();
        int logIndex = 0;
        for (Receipt r : receipts) {
            for (Log l : r.logs()) {
                Long chainId = system.chainOfPortal(l.address());
                Deposit d = chainId == null ? null : OptimismPortal.deposit(chainId, l, number, blockHash, logIndex);
                if (d != null) out.add(d);
                logIndex++;
            }
        }
        return out;
    }

    static BlockEnv env(long number, long timestampMillis, long gasLimit, BigInteger baseFee, BigInteger blobBaseFee, Hash parentHash,
                        LongFunction<Hash> blockHash) {
        return new BlockEnv(Address.ZERO, number, timestampMillis / 1000, gasLimit, baseFee, parentHash, blobBaseFee, EmbeddedL1.CHAIN_ID, blockHash);
    }
}
