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
 * The transaction pool, in geth's two sections: pending (each sender's contiguous run of nonces
 * from its account nonce, runnable in order) and queued (waiting behind a nonce gap), each with
 * its own number of slots, so transactions that cannot run never crowd out ones that can.
 * Admission makes every check a node makes (each refusal a reason and a sentence); replace-by-fee
 * needs a 10% bump on both fee fields; a full section evicts by fee within itself. Used from the
 * loop thread only.
 */
public final class TxPool {
    private static final BigInteger BUMP_PERCENT = BigInteger.valueOf(110);
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);

    private final RollupConfig config;
    private long blockGasLimit;
    private final Map<Address, Account> accounts = new HashMap<>();
    private final Map<Hash, Entry> byHash = new HashMap<>();
    private int pendingCount;
    private long arrivals;

    /** A pooled transaction with when it arrived (sim ms) and, for benchmarks, when in wall time. */
    public record Entry(Transaction tx, Address sender, long arrival, long submittedAtMillis, long submittedWallNanos) {}

    /** One sender's transactions by nonce; the first {@code pending} from {@code nonce} on are contiguous. */
    private static final class Account {
        final TreeMap<Long, Entry> txs = new TreeMap<>();
        long nonce;
        int pending;

        Account(long nonce) {
            this.nonce = nonce;
        }

        Entry head() {
            return txs.get(nonce);
        }

        Entry pendingTail() {
            return pending == 0 ? null : txs.get(nonce + pending - 1);
        }

        boolean hasQueued() {
            return txs.size() > pending;
        }
    }

    public TxPool(RollupConfig config) {
        this.config = config;
        this.blockGasLimit = config.gasLimit();
    }

    /** The gas limit the next block will have (governance can change it); a transaction above it is refused. */
    public void blockGasLimit(long gas) {
        this.blockGasLimit = gas;
    }

    public int size() {
        return byHash.size();
    }

    /** Transactions that can run now, in nonce order per sender. */
    public int pendingCount() {
        return pendingCount;
    }

    /** Transactions waiting behind a nonce gap. */
    public int queuedCount() {
        return byHash.size() - pendingCount;
    }

    public boolean contains(Hash h) {
        return byHash.containsKey(h);
    }

    /** Checks and admits a transaction whose sender was already recovered; returns null when admitted. */
    public TxRejection add(Transaction tx, WorldState state, BigInteger baseFee, BigInteger l1FeeEstimate, long nowMillis, long wallNanos) {
        TxRejection r = validate(tx, state, baseFee, l1FeeEstimate);
        if (r != null) return r;
        Address from = tx.sender();
        Account account = account(from, state);
        Entry old = account.txs.get(tx.nonce());
        if (old != null) {
            if (!bumps(tx, old.tx())) {
                return reject(Reason.REPLACEMENT_UNDERPRICED, "a transaction with nonce " + tx.nonce() + " from " + from.shortHex()
                        + " is already pooled; a replacement must raise both fee cap and tip by at least 10% (to "
                        + old.tx().maxFeePerGas().multiply(BUMP_PERCENT).divide(HUNDRED) + " and "
                        + old.tx().maxPriorityFeePerGas().multiply(BUMP_PERCENT).divide(HUNDRED) + " wei)");
            }
            byHash.remove(old.tx().hash());
        } else if (tx.nonce() == account.nonce + account.pending) {
            if (pendingCount >= config.pool().pendingSlots() && !evictPricedOut(from, baseFee) && !evictCheapest(tx, baseFee, false)) {
                return reject(Reason.POOL_FULL, "the pool's pending section holds its maximum of " + config.pool().pendingSlots()
                        + " runnable transactions and this one pays no more than any of them; raise the tip or retry later");
            }
        } else if ((queuedCount() >= config.pool().queuedSlots() || size() >= config.pool().capacity()) && !evictCheapest(tx, baseFee, true)) {
            return reject(Reason.POOL_FULL, "the pool's queued section holds its maximum of " + config.pool().queuedSlots()
                    + " transactions waiting behind a nonce gap and this one pays no more than any of them; send nonce "
                    + (account.nonce + account.pending) + " first");
        }
        Entry e = new Entry(tx, from, arrivals++, nowMillis, wallNanos);
        account.txs.put(tx.nonce(), e);
        accounts.put(from, account);
        byHash.put(tx.hash(), e);
        reclassify(from, account, account.nonce);
        return null;
    }

    /** The sender's account, brought to the state's nonce (a deposit may have moved it); a new one joins the pool with its first transaction. */
    private Account account(Address sender, WorldState state) {
        long nonce = state.nonce(sender);
        Account a = accounts.get(sender);
        if (a == null) return new Account(nonce);
        if (a.nonce != nonce) reclassify(sender, a, nonce);
        return a;
    }

    /**
     * Drops what the account nonce has passed, then counts the contiguous run from it as pending.
     * The run known before carries over when the nonce moved within it (a block included its head)
     * and only its new end is scanned, so a sender with thousands of queued transactions costs
     * O(1) per addition instead of a scan of all of them.
     */
    private void reclassify(Address sender, Account a, long accountNonce) {
        reclassify(sender, a, accountNonce, false);
    }

    private void reclassify(Address sender, Account a, long accountNonce, boolean recount) {
        for (Iterator<Entry> it = a.txs.headMap(accountNonce, false).values().iterator(); it.hasNext(); ) {
            byHash.remove(it.next().tx().hash());
            it.remove();
        }
        long moved = accountNonce - a.nonce;
        int run = !recount && moved >= 0 && moved <= a.pending ? a.pending - (int) moved : 0;
        a.nonce = accountNonce;
        while (a.txs.containsKey(accountNonce + run)) run++;
        pendingCount += run - a.pending;
        a.pending = run;
        if (a.txs.isEmpty()) accounts.remove(sender);
    }

    private TxRejection validate(Transaction tx, WorldState state, BigInteger baseFee, BigInteger l1Fee) {
        if (tx.size() > config.pool().maxTxBytes()) {
            return reject(Reason.TX_TOO_LARGE, "transaction is " + tx.size() + " bytes; the limit is " + config.pool().maxTxBytes());
        }
        if (tx.type() == TxType.DEPOSIT) return reject(Reason.UNSUPPORTED_TYPE, "deposit transactions come only from the L1 bridge");
        if (tx.type() == TxType.BLOB) return reject(Reason.UNSUPPORTED_TYPE, "blob transactions (type 3) are not accepted on the rollup; post blobs to L1");
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
        if (tx.gasLimit() > blockGasLimit) {
            return reject(Reason.GAS_LIMIT_ABOVE_BLOCK, "gas limit " + tx.gasLimit() + " exceeds the block gas limit of " + blockGasLimit);
        }
        long needed = BlockBuilder.gasFor(tx);
        if (tx.gasLimit() < needed) {
            return reject(Reason.INTRINSIC_GAS_TOO_LOW, "intrinsic gas too low: gas limit " + tx.gasLimit() + ", needs at least " + needed);
        }
        if (tx.to() == null && tx.dataLength() > 49_152) {
            return reject(Reason.TX_TOO_LARGE, "initcode of " + tx.dataLength() + " bytes is above the 49,152-byte limit (EIP-3860)");
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
        Account a = accounts.get(sender);
        if (a == null) return accountNonce;
        if (a.nonce == accountNonce) return accountNonce + a.pending;
        long n = accountNonce;
        while (a.txs.containsKey(n)) n++;
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
     * A full pending section first drops a sender whose next transaction's fee cap is below the
     * base fee: everything of theirs waits behind it. Its client resends at a higher fee.
     */
    private boolean evictPricedOut(Address newcomer, BigInteger baseFee) {
        for (Map.Entry<Address, Account> e : accounts.entrySet()) {
            if (e.getKey().equals(newcomer)) continue;
            Entry head = e.getValue().head();
            if (head != null && head.tx().maxFeePerGas().compareTo(baseFee) < 0) {
                for (Entry x : e.getValue().txs.values()) byHash.remove(x.tx().hash());
                pendingCount -= e.getValue().pending;
                accounts.remove(e.getKey());
                return true;
            }
        }
        return false;
    }

    /**
     * Evicts the lowest-tip transaction at the end of another sender's run (pending) or queue
     * (queued) if {@code tx} pays more. Taking the last one keeps every other's class unchanged.
     */
    private boolean evictCheapest(Transaction tx, BigInteger baseFee, boolean queued) {
        Entry cheapest = null;
        for (Map.Entry<Address, Account> e : accounts.entrySet()) {
            if (e.getKey().equals(tx.sender())) continue;
            Account a = e.getValue();
            Entry last = queued ? (a.hasQueued() ? a.txs.lastEntry().getValue() : null) : a.pendingTail();
            if (last != null && (cheapest == null || last.tx().effectiveTip(baseFee).compareTo(cheapest.tx().effectiveTip(baseFee)) < 0)) cheapest = last;
        }
        if (cheapest == null || tx.effectiveTip(baseFee).compareTo(cheapest.tx().effectiveTip(baseFee)) <= 0) return false;
        remove(cheapest);
        return true;
    }

    private void remove(Entry e) {
        byHash.remove(e.tx().hash());
        Account a = accounts.get(e.sender());
        a.txs.remove(e.tx().nonce());
        reclassify(e.sender(), a, a.nonce, true); // a hole may have cut the run
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
        Account a = accounts.get(sender);
        return a == null ? null : a.txs.get(nonce);
    }

    /** Drops transactions whose nonces the state has passed, and promotes what became runnable (after a block). */
    public void prune(Iterable<Address> senders, WorldState state) {
        for (Address s : senders) {
            Account a = accounts.get(s);
            if (a != null) reclassify(s, a, state.nonce(s));
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
            // deposits move nonces without passing through the pool: bring only those accounts up to date
            List<Address> moved = new ArrayList<>();
            accounts.forEach((s, a) -> {
                if (a.nonce != state.nonce(s)) moved.add(s);
            });
            prune(moved, state);
            for (Account a : accounts.values()) offer(a.head());
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
            offer(accounts.get(e.sender()).txs.get(e.tx().nonce() + 1));
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
