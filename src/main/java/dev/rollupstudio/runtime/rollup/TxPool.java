package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxType;
import dev.rollupstudio.runtime.rollup.TxRejection.Reason;
import dev.rollupstudio.state.WorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Pending transactions: a nonce-ordered queue per sender, admitted only after every check a
 * node makes (each refusal a reason and a sentence), replace-by-fee with a 10% bump on both fee
 * fields, bounded, evicting the lowest-paying tail when full. Used from the loop thread only.
 */
public final class TxPool {
    private static final BigInteger BUMP_PERCENT = BigInteger.valueOf(110);
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private final RollupConfig config;
    private final Map<Address, TreeMap<Long, Entry>> bySender = new HashMap<>();
    private final Map<Hash, Entry> byHash = new HashMap<>();
    private long arrivals;

    /** A pooled transaction with when it arrived (sim ms) and, for benchmarks, when in wall time. */
    public record Entry(Transaction tx, Address sender, long arrival, long submittedAtMillis, long submittedWallNanos) {}

    public TxPool(RollupConfig config) {
        this.config = config;
    }

    public int size() {
        return byHash.size();
    }

    public boolean contains(Hash h) {
        return byHash.containsKey(h);
    }

    /** Checks and admits a transaction whose sender was already recovered; returns null when admitted. */
    public TxRejection add(Transaction tx, WorldState state, BigInteger baseFee, BigInteger l1FeeEstimate, long nowMillis, long wallNanos) {
        TxRejection r = validate(tx, state, baseFee, l1FeeEstimate);
        if (r != null) return r;
        Address from = tx.sender();
        TreeMap<Long, Entry> queue = bySender.get(from);
        Entry old = queue == null ? null : queue.get(tx.nonce());
        if (old != null) {
            if (!bumps(tx, old.tx())) {
                return reject(Reason.REPLACEMENT_UNDERPRICED, "a transaction with nonce " + tx.nonce() + " from " + from.shortHex()
                        + " is already pooled; a replacement must raise both fee cap and tip by at least 10% (to "
                        + old.tx().maxFeePerGas().multiply(BUMP_PERCENT).divide(HUNDRED) + " and "
                        + old.tx().maxPriorityFeePerGas().multiply(BUMP_PERCENT).divide(HUNDRED) + " wei)");
            }
            byHash.remove(old.tx().hash());
        } else if (byHash.size() >= config.pool().capacity() && !evictUnrunnable(state, baseFee) && !evictCheaperThan(tx, baseFee)) {
            return reject(Reason.POOL_FULL, "the pool holds its maximum of " + config.pool().capacity()
                    + " transactions and this one pays no more than any of them; raise the tip or retry later");
        }
        Entry e = new Entry(tx, from, arrivals++, nowMillis, wallNanos);
        bySender.computeIfAbsent(from, a -> new TreeMap<>()).put(tx.nonce(), e);
        byHash.put(tx.hash(), e);
        return null;
    }

    private TxRejection validate(Transaction tx, WorldState state, BigInteger baseFee, BigInteger l1Fee) {
        if (tx.size() > config.pool().maxTxBytes()) {
            return reject(Reason.TX_TOO_LARGE, "transaction is " + tx.size() + " bytes; the limit is " + config.pool().maxTxBytes());
        }
        if (tx.type() == TxType.DEPOSIT) return reject(Reason.UNSUPPORTED_TYPE, "deposit transactions come only from the L1 bridge");
        if (byHash.containsKey(tx.hash())) return reject(Reason.ALREADY_KNOWN, "transaction " + tx.hash().shortHex() + " is already in the pool");
        String sig = tx.signatureProblem();
        if (sig != null || tx.sender() == null) {
            return reject(Reason.BAD_SIGNATURE, "bad signature: " + (sig != null ? sig : "no public key recovers from it"));
        }
        if (tx.chainId() == null) {
            return reject(Reason.WRONG_CHAIN_ID, "legacy transaction without EIP-155 replay protection; sign it for chain id " + config.chainId());
        }
        if (tx.chainId() != config.chainId()) {
            return reject(Reason.WRONG_CHAIN_ID, "wrong chain id: transaction is for chain " + tx.chainId() + ", this rollup is chain " + config.chainId());
        }
        if (tx.gasLimit() > config.gasLimit()) {
            return reject(Reason.GAS_LIMIT_ABOVE_BLOCK, "gas limit " + tx.gasLimit() + " exceeds the block gas limit of " + config.gasLimit());
        }
        long needed = BlockBuilder.gasFor(tx);
        if (tx.gasLimit() < needed) {
            return reject(Reason.INTRINSIC_GAS_TOO_LOW, "intrinsic gas too low: gas limit " + tx.gasLimit() + ", needs at least " + needed);
        }
        if (tx.to() == null) return reject(Reason.NEEDS_EVM, "contract creation needs the EVM, which this runtime does not have yet; send value transfers");
        if (state.account(tx.to()).hasCode() && !Predeploys.L2_TO_L1_MESSAGE_PASSER.equals(tx.to())) {
            return reject(Reason.NEEDS_EVM, "calling contract code at " + tx.to().shortHex() + " needs the EVM, which this runtime does not have yet");
        }
        if (tx.maxPriorityFeePerGas().compareTo(tx.maxFeePerGas()) > 0) {
            return reject(Reason.TIP_ABOVE_FEE_CAP, "max priority fee " + tx.maxPriorityFeePerGas() + " is above the fee cap " + tx.maxFeePerGas());
        }
        if (tx.maxFeePerGas().compareTo(baseFee) < 0) {
            return reject(Reason.FEE_CAP_BELOW_BASE_FEE, "fee cap below base fee: max fee " + tx.maxFeePerGas() + " wei, base fee is " + baseFee + " wei");
        }
        long accountNonce = state.nonce(tx.sender());
        if (tx.nonce() < accountNonce) {
            return reject(Reason.NONCE_TOO_LOW, "nonce too low: account " + tx.sender().shortHex() + " is at " + accountNonce + ", transaction has " + tx.nonce());
        }
        long executable = nextExecutableNonce(tx.sender(), accountNonce);
        if (tx.nonce() > executable + config.pool().maxNoncesAhead()) {
            return reject(Reason.NONCE_TOO_FAR_AHEAD, "nonce too far ahead: account " + tx.sender().shortHex() + " is at " + accountNonce
                    + (executable > accountNonce ? " with pooled transactions up to " + (executable - 1) : "")
                    + ", transaction has " + tx.nonce() + "; a gap of at most " + config.pool().maxNoncesAhead() + " is kept");
        }
        BigInteger cost = BigInteger.valueOf(tx.gasLimit()).multiply(tx.maxFeePerGas()).add(tx.value()).add(l1Fee);
        BigInteger balance = state.balance(tx.sender()).value();
        if (balance.compareTo(cost) < 0) {
            return reject(Reason.INSUFFICIENT_FUNDS, "insufficient funds for gas x price + value: account " + tx.sender().shortHex()
                    + " has " + balance + " wei, needs " + cost + " wei");
        }
        return null;
    }

    /** The nonce a client should send next: the account's, past the sender's contiguous run of pooled transactions. */
    public long pendingNonce(Address sender, WorldState state) {
        return nextExecutableNonce(sender, state.nonce(sender));
    }

    /** The first nonce after the sender's contiguous run of pooled transactions. */
    private long nextExecutableNonce(Address sender, long accountNonce) {
        TreeMap<Long, Entry> q = bySender.get(sender);
        if (q == null) return accountNonce;
        long n = accountNonce;
        for (Long k : q.tailMap(accountNonce, true).keySet()) {
            if (k != n) break;
            n++;
        }
        return n;
    }

    private static TxRejection reject(Reason reason, String message) {
        return new TxRejection(reason, message);
    }

    private static boolean bumps(Transaction next, Transaction old) {
        return next.maxFeePerGas().multiply(HUNDRED).compareTo(old.maxFeePerGas().multiply(BUMP_PERCENT)) >= 0
                && next.maxPriorityFeePerGas().multiply(HUNDRED).compareTo(old.maxPriorityFeePerGas().multiply(BUMP_PERCENT)) >= 0;
    }

    /**
     * A full pool first drops work that cannot run: a sender's whole queue when its next nonce is
     * missing (everything waits behind a gap) or its next transaction's fee cap is below the base
     * fee (everything waits behind it). Its client resends from the account's nonce.
     */
    private boolean evictUnrunnable(WorldState state, BigInteger baseFee) {
        for (Map.Entry<Address, TreeMap<Long, Entry>> e : bySender.entrySet()) {
            Entry head = e.getValue().get(state.nonce(e.getKey()));
            if (head == null || head.tx().maxFeePerGas().compareTo(baseFee) < 0) {
                for (Entry x : e.getValue().values()) byHash.remove(x.tx().hash());
                bySender.remove(e.getKey());
                return true;
            }
        }
        return false;
    }

    /** Evicts the lowest-tip transaction at the tail of any sender's queue if {@code tx} pays more. */
    private boolean evictCheaperThan(Transaction tx, BigInteger baseFee) {
        Entry cheapest = null;
        for (TreeMap<Long, Entry> q : bySender.values()) {
            Entry tail = q.lastEntry().getValue();
            if (cheapest == null || tail.tx().effectiveTip(baseFee).compareTo(cheapest.tx().effectiveTip(baseFee)) < 0) cheapest = tail;
        }
        if (cheapest == null || tx.effectiveTip(baseFee).compareTo(cheapest.tx().effectiveTip(baseFee)) <= 0) return false;
        remove(cheapest);
        return true;
    }

    private void remove(Entry e) {
        byHash.remove(e.tx().hash());
        TreeMap<Long, Entry> q = bySender.get(e.sender());
        q.remove(e.tx().nonce());
        if (q.isEmpty()) bySender.remove(e.sender());
    }

    public void remove(Hash h) {
        Entry e = byHash.get(h);
        if (e != null) remove(e);
    }

    public Entry entry(Hash h) {
        return byHash.get(h);
    }

    /** The sender's pooled transaction with this nonce, or null. */
    public Entry entry(Address sender, long nonce) {
        TreeMap<Long, Entry> q = bySender.get(sender);
        return q == null ? null : q.get(nonce);
    }

    /** Drops transactions whose nonces the state has passed (after a block). */
    public void prune(Iterable<Address> senders, WorldState state) {
        for (Address a : senders) {
            TreeMap<Long, Entry> q = bySender.get(a);
            if (q == null) continue;
            long nonce = state.nonce(a);
            for (Iterator<Map.Entry<Long, Entry>> it = q.headMap(nonce, false).entrySet().iterator(); it.hasNext(); ) {
                byHash.remove(it.next().getValue().tx().hash());
                it.remove();
            }
            if (q.isEmpty()) bySender.remove(a);
        }
    }

    /**
     * Executable transactions in block order: the best effective tip first among each sender's
     * next nonce, then that sender's following nonce (geth's price-and-nonce ordering).
     */
    public Selection select(WorldState state, BigInteger baseFee) {
        return new Selection(state, baseFee);
    }

    public final class Selection {
        /** A sender's next transaction with its tip at this block's base fee, computed once. */
        private record Head(Entry entry, BigInteger tip) {}

        private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> {
            int c = b.tip().compareTo(a.tip());
            return c != 0 ? c : Long.compare(a.entry().arrival(), b.entry().arrival());
        });
        private final BigInteger baseFee;

        private Selection(WorldState state, BigInteger baseFee) {
            this.baseFee = baseFee;
            for (Map.Entry<Address, TreeMap<Long, Entry>> e : bySender.entrySet()) offer(e.getValue().get(state.nonce(e.getKey())));
        }

        private void offer(Entry e) {
            if (e != null && e.tx().maxFeePerGas().compareTo(baseFee) >= 0) heads.add(new Head(e, e.tx().effectiveTip(baseFee)));
        }

        public Entry peek() {
            Head h = heads.peek();
            return h == null ? null : h.entry();
        }

        /** The head was included: offer that sender's next nonce. */
        public void shift() {
            Entry e = heads.poll().entry();
            offer(bySender.get(e.sender()).get(e.tx().nonce() + 1));
        }

        /** Skip the head's sender for this block (it does not fit or is not executable now). */
        public void skipSender() {
            heads.poll();
        }
    }

    public List<Entry> entries() {
        return new ArrayList<>(byHash.values());
    }
}
