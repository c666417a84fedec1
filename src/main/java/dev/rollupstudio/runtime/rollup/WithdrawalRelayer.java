package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.Log;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.chain.trie.MerklePatriciaTrie;
import dev.rollupstudio.runtime.RuntimeStore;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.event.WithdrawalFinalized;
import dev.rollupstudio.runtime.event.WithdrawalProven;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.OptimismPortal;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.l1.SystemContracts;
import dev.rollupstudio.runtime.l1.TrackedWithdrawal;
import dev.rollupstudio.runtime.l1.WithdrawalCalls;
import dev.rollupstudio.runtime.l1.WithdrawalMessage;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.state.WorldState;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a user's wallet does for each withdrawal, automatically, with signed L1 transactions to
 * the rollup's portal: once an output covers the block that started it, proveWithdrawalTransaction
 * with a Merkle proof from the message passer's storage at that output; once the proof system's
 * delay has passed (challenge window, or proving time), finalizeWithdrawalTransaction. What
 * happened is read back from the portal's storage after each L1 block, so a transaction that was
 * lost (a crash, a drop) is sent again and one that landed is never counted twice.
 */
public final class WithdrawalRelayer {
    /** L1 blocks to wait for a sent transaction before sending it again. */
    private static final long RESEND_AFTER_BLOCKS = 4;
    private static final BigInteger TIP = BigInteger.TEN.pow(9);

    private final RollupConfig config;
    private final EmbeddedL1 l1;
    private final L2Chain chain;
    private final Scheduler scheduler;
    private final EventBus events;
    private final RuntimeStore store;
    private final L1Signer signer;
    private final TreeMap<Long, MerklePatriciaTrie> snapshots = new TreeMap<>();
    /** Started on L2, not yet proven on L1; with the prove call once an output covers it. */
    private final Map<Hash, Waiting> started = new LinkedHashMap<>();
    /** Proven on L1, not yet finalized. */
    private final Map<Hash, Waiting> proven = new LinkedHashMap<>();
    private long initiated;
    private long provenCount;
    private long finalizedCount;

    /** A withdrawal, the L2 block that started it, the call that moves it on (null: none yet) and the L1 block it was last sent at. */
    private static final class Waiting {
        final WithdrawalMessage message;
        final long l2Block;
        byte[] call;
        long outputIndex = -1;
        long sentAt = Long.MIN_VALUE;

        Waiting(WithdrawalMessage message, long l2Block) {
            this.message = message;
            this.l2Block = l2Block;
        }
    }

    /** {@code stored}: the withdrawals of a resumed chain; {@code signer} signs the relayer's L1 transactions. */
    public WithdrawalRelayer(RollupConfig config, EmbeddedL1 l1, L2Chain chain, Scheduler scheduler, EventBus events, RuntimeStore store,
                             List<TrackedWithdrawal> stored, L1Signer signer) {
        this.config = config;
        this.l1 = l1;
        this.chain = chain;
        this.scheduler = scheduler;
        this.events = events;
        this.store = store;
        this.signer = signer;
        for (TrackedWithdrawal w : stored) {
            initiated++;
            Waiting x = new Waiting(w.message(), w.l2Block());
            if (!w.proven()) started.put(w.message().hash(), x);
            else {
                provenCount++;
                if (w.finalized()) finalizedCount++;
                else {
                    x.call = WithdrawalCalls.finalize(w.message());
                    proven.put(w.message().hash(), x);
                }
            }
        }
    }

    /** Notes the block's withdrawals and, at output blocks, keeps the message passer's storage for proofs. */
    public void onBlock(SealedBlock b, WorldState state) {
        for (Receipt r : b.block().receipts()) {
            for (Log log : r.logs()) {
                WithdrawalMessage w = Withdrawals.fromLog(log);
                if (w != null) {
                    started.put(w.hash(), new Waiting(w, b.number()));
                    initiated++;
                }
            }
        }
        if (b.number() % config.batching().outputIntervalBlocks() == 0) {
            snapshots.put(b.number(), state.storageTrie(Predeploys.L2_TO_L1_MESSAGE_PASSER));
        }
    }

    /** Keeps the message passer's storage at block {@code n} to prove withdrawals against an output there (an ending rollup's final output). */
    public void keepStorage(long n, WorldState state) {
        snapshots.put(n, state.storageTrie(Predeploys.L2_TO_L1_MESSAGE_PASSER));
    }

    /** An output landed on L1: prove every started withdrawal it covers against it. */
    public void onOutput(OutputProposal o) {
        MerklePatriciaTrie storage = snapshots.get(o.l2BlockNumber());
        SealedBlock block = chain.block(o.l2BlockNumber());
        if (storage == null || block == null) return;
        WithdrawalCalls.OutputRootProof orp = new WithdrawalCalls.OutputRootProof(block.header().stateRoot(), block.header().withdrawalsRoot(), block.hash());
        for (Waiting w : started.values()) {
            if (w.l2Block > o.l2BlockNumber() || w.call != null) continue;
            List<byte[]> proof = storage.proof(Keccak.digest(WithdrawalMessage.sentSlot(w.message.hash()).raw()));
            w.call = WithdrawalCalls.prove(w.message, o.index(), orp, proof);
            w.outputIndex = o.index();
            send(w);
        }
        snapshots.headMap(o.l2BlockNumber(), true).clear();
    }

    /** After each L1 block: reads what the portal now records, then sends what is due (or was lost). */
    public void onL1Block() {
        WorldState l1State = l1.state();
        long now = scheduler.now();
        for (Iterator<Map.Entry<Hash, Waiting>> it = started.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Hash, Waiting> e = it.next();
            Waiting w = e.getValue();
            if (OptimismPortal.provenAt(l1State, config.chainId(), e.getKey()) != null) {
                it.remove();
                provenCount++;
                store.withdrawalProven(e.getKey(), w.outputIndex, now);
                events.publish(new WithdrawalProven(now, e.getKey(), w.l2Block, w.outputIndex));
                w.call = WithdrawalCalls.finalize(w.message);
                w.sentAt = Long.MIN_VALUE;
                proven.put(e.getKey(), w);
            } else if (w.call != null && due(w)) {
                send(w);
            }
        }
        long l1Seconds = l1.head().timestampSeconds();
        for (Iterator<Map.Entry<Hash, Waiting>> it = proven.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Hash, Waiting> e = it.next();
            Waiting w = e.getValue();
            if (OptimismPortal.finalized(l1State, config.chainId(), e.getKey())) {
                it.remove();
                finalizedCount++;
                store.withdrawalFinalized(e.getKey(), now);
                events.publish(new WithdrawalFinalized(now, e.getKey(), w.message.target(), Wei.of(w.message.value())));
                continue;
            }
            Long provenAt = OptimismPortal.provenAt(l1State, config.chainId(), e.getKey());
            // the next L1 block is at least a slot later: send once it will be past the window
            if (provenAt != null && l1Seconds + l1.config().slotMillis() / 1000 >= provenAt + config.proof().delayMillis() / 1000 && due(w)) send(w);
        }
    }

    private boolean due(Waiting w) {
        return w.sentAt == Long.MIN_VALUE || l1.head().number() - w.sentAt >= RESEND_AFTER_BLOCKS;
    }

    private void send(Waiting w) {
        BigInteger cap = l1.baseFee().shiftLeft(1).add(TIP);
        UnsignedTransaction u = UnsignedTransaction.transfer(EmbeddedL1.CHAIN_ID, l1.pendingNonce(signer.address()), SystemContracts.portal(config.chainId()),
                BigInteger.ZERO, TIP, cap).withData(w.call).withGasLimit(Math.max(600_000, w.message.gasLimit().min(BigInteger.valueOf(20_000_000)).longValue() + 300_000));
        l1.submit(signer.sign().apply(u));
        w.sentAt = l1.head().number();
    }

    public int pending() {
        return started.size() + proven.size();
    }

    /** The withdrawals not yet finalized on L1: started, or proven and waiting. */
    public List<Hash> unfinished() {
        List<Hash> out = new java.util.ArrayList<>(started.keySet());
        out.addAll(proven.keySet());
        return out;
    }

    /** The value of the withdrawals not yet finalized on L1: burnt on L2, still held by the portal. */
    public BigInteger unfinishedValue() {
        BigInteger v = BigInteger.ZERO;
        for (Waiting w : started.values()) v = v.add(w.message.value());
        for (Waiting w : proven.values()) v = v.add(w.message.value());
        return v;
    }

    /** Over the whole chain, resumed runs included. */
    public long initiated() { return initiated; }
    public long provenCount() { return provenCount; }
    public long finalizedCount() { return finalizedCount; }
}
