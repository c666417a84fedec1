package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.Log;
import dev.rollupstudio.chain.Receipt;
import dev.rollupstudio.chain.trie.MerklePatriciaTrie;
import dev.rollupstudio.runtime.RuntimeStore;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.event.WithdrawalFinalized;
import dev.rollupstudio.runtime.event.WithdrawalProven;
import dev.rollupstudio.runtime.l1.Bridge;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.TrackedWithdrawal;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.l1.WithdrawalMessage;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.state.WorldState;
import dev.rollupstudio.types.Hash;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;

/**
 * What a user's wallet does for each withdrawal, automatically: once an output covers the
 * block that started it, prove it on L1 with a Merkle proof from the message passer's storage
 * at that output; once the proof system's delay has passed (challenge window, or proving
 * time), finalise it.
 */
public final class WithdrawalRelayer {
    private final RollupConfig config;
    private final EmbeddedL1 l1;
    private final L2Chain chain;
    private final Scheduler scheduler;
    private final EventBus events;
    private final TreeMap<Long, MerklePatriciaTrie> snapshots = new TreeMap<>();
    private final List<Pending> started = new ArrayList<>();
    private final List<Hash> proven = new ArrayList<>();
    private final RuntimeStore store;
    private long initiated;
    private long provenCount;
    private long finalizedCount;

    private record Pending(WithdrawalMessage message, long l2Block) {}

    /** {@code stored}: the withdrawals of a resumed chain; the bridge already knows the proven ones. */
    public WithdrawalRelayer(RollupConfig config, EmbeddedL1 l1, L2Chain chain, Scheduler scheduler, EventBus events, RuntimeStore store,
                             List<TrackedWithdrawal> stored) {
        this.config = config;
        this.l1 = l1;
        this.chain = chain;
        this.scheduler = scheduler;
        this.events = events;
        this.store = store;
        for (TrackedWithdrawal w : stored) {
            initiated++;
            if (!w.proven()) started.add(new Pending(w.message(), w.l2Block()));
            else {
                provenCount++;
                if (w.finalized()) finalizedCount++;
                else proven.add(w.message().hash());
            }
        }
    }

    /** Notes the block's withdrawals and, at output blocks, keeps the message passer's storage for proofs. */
    public void onBlock(SealedBlock b, WorldState state) {
        for (Receipt r : b.block().receipts()) {
            for (Log log : r.logs()) {
                WithdrawalMessage w = Withdrawals.fromLog(log);
                if (w != null) {
                    started.add(new Pending(w, b.number()));
                    initiated++;
                }
            }
        }
        if (b.number() % config.batching().outputIntervalBlocks() == 0) {
            snapshots.put(b.number(), state.storageTrie(Predeploys.L2_TO_L1_MESSAGE_PASSER));
        }
    }

    public void onOutput(OutputProposal o) {
        MerklePatriciaTrie storage = snapshots.get(o.l2BlockNumber());
        SealedBlock block = chain.block(o.l2BlockNumber());
        if (storage == null || block == null) return;
        Bridge.OutputRootProof orp = new Bridge.OutputRootProof(block.header().stateRoot(), block.header().withdrawalsRoot(), block.hash());
        for (Iterator<Pending> it = started.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.l2Block() > o.l2BlockNumber()) continue;
            Hash h = p.message().hash();
            List<byte[]> proof = storage.proof(Keccak.digest(WithdrawalMessage.sentSlot(h).raw()));
            l1.bridge().prove(config.chainId(), p.message(), o.index(), orp, proof, scheduler.now());
            it.remove();
            proven.add(h);
            provenCount++;
            store.withdrawalProven(h, o.index(), scheduler.now());
            events.publish(new WithdrawalProven(scheduler.now(), h, p.l2Block(), o.index()));
        }
        snapshots.headMap(o.l2BlockNumber(), true).clear();
    }

    public void onL1Block() {
        for (Iterator<Hash> it = proven.iterator(); it.hasNext(); ) {
            Hash h = it.next();
            if (l1.bridge().finalizeWithdrawal(h, scheduler.now(), config.proof().delayMillis())) {
                it.remove();
                finalizedCount++;
                store.withdrawalFinalized(h, scheduler.now());
                Bridge.Proven p = l1.bridge().status(h);
                events.publish(new WithdrawalFinalized(scheduler.now(), h, p.withdrawal().target(), Wei.of(p.withdrawal().value())));
            }
        }
    }

    public int pending() {
        return started.size() + proven.size();
    }

    /** The withdrawals not yet finalized on L1: started, or proven and waiting. */
    public List<Hash> unfinished() {
        List<Hash> out = new ArrayList<>();
        for (Pending p : started) out.add(p.message().hash());
        out.addAll(proven);
        return out;
    }

    /** Over the whole chain, resumed runs included. */
    public long initiated() { return initiated; }
    public long provenCount() { return provenCount; }
    public long finalizedCount() { return finalizedCount; }
}
