package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.runtime.config.RollupConfig;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.runtime.RunMetrics;
import dev.rollupstudio.runtime.event.BlockSealed;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.event.TxDropped;
import dev.rollupstudio.runtime.l1.Eip1559;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.sim.WallClock;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.evm.DeepStack;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Seals a block every block time: the L1 origin advances when the next L1 block is old enough,
 * the epoch's deposits go first, then pooled transactions by priority until the gas runs out.
 */
public final class Sequencer {
    private boolean down;
    /** A fault on a SQUAD set: the operator that seals nothing while it leads, or null. */
    private Address downLeader;
    /** A fault: the sender whose transactions the sequencer leaves out of its blocks, or null. */
    private Address censored;
    private long censoredSkips;
    private final RollupConfig config;
    private final MutableWorldState state;
    private final TxPool pool;
    private final EmbeddedL1 l1;
    private final L2Chain chain;
    private final Scheduler scheduler;
    private final EventBus events;
    private final RunMetrics metrics;
    private final Consumer<SealedBlock> onSealed;
    private long timeOffsetMillis;
    private long nextTimestampMillis = -1;

    public Sequencer(RollupConfig config, MutableWorldState state, TxPool pool, EmbeddedL1 l1, L2Chain chain, Scheduler scheduler,
                     EventBus events, RunMetrics metrics, Consumer<SealedBlock> onSealed) {
        this.config = config;
        this.state = state;
        this.pool = pool;
        this.l1 = l1;
        this.chain = chain;
        this.scheduler = scheduler;
        this.events = events;
        this.metrics = metrics;
        this.onSealed = onSealed;
    }

    /** The base fee of the block after {@code parent}: EIP-1559 with the rollup's parameters, never under its floor. */
    public static BigInteger nextBaseFee(RollupConfig config, SealedBlock parent) {
        if (parent.number() == 0) return parent.header().baseFeePerGas();
        BigInteger next = Eip1559.nextBaseFee(parent.header().baseFeePerGas(), parent.header().gasUsed(), parent.header().gasLimit(),
                config.fees().eip1559Elasticity(), config.fees().eip1559Denominator());
        return next.max(config.fees().minBaseFee().value());
    }

    /**
     * L1 blocks the sequencer keeps between its newest origin and the L1 head (op-node's
     * {@code --sequencer.l1-confs}): an L1 reorg this deep replaces only blocks no L2 block was
     * built on yet, so the unsafe chain (and what MACH made fast-final) never has to move back.
     */
    public static final int L1_CONFIRMATIONS = 1;

    /** The origin of the next block: the parent's, or the next L1 block once its time has come and it is confirmed. */
    static L1Block nextEpoch(SealedBlock parent, EmbeddedL1 l1, long timestampMillis) {
        long number = parent.origin().number() + 1;
        if (number > l1.head().number() - L1_CONFIRMATIONS) return null;
        L1Block next = l1.block(number);
        return next != null && next.timestampMillis() <= timestampMillis ? next : null;
    }

    /** The L1 block a rollup started now anchors its genesis to: the newest one a reorg of up to {@link #L1_CONFIRMATIONS} leaves. */
    public static long anchorFor(EmbeddedL1 l1) {
        return Math.max(0, l1.head().number() - L1_CONFIRMATIONS);
    }

    /** evm_increaseTime: later blocks are stamped this much later than the clock; returns the total shift. */
    public long shiftTime(long millis) {
        if (millis < 0) throw new IllegalArgumentException("time only moves forward; got " + millis / 1000 + " s");
        if (nextTimestampMillis >= 0) nextTimestampMillis += millis;
        timeOffsetMillis = Math.addExact(timeOffsetMillis, millis);
        return timeOffsetMillis;
    }

    /** evm_setNextBlockTimestamp: the next block's time, and later blocks go on from there. */
    public void nextTimestamp(long millis) {
        long parent = chain.head().header().timestamp() * 1000;
        if (millis <= parent) {
            throw new IllegalArgumentException("timestamp " + millis / 1000 + " is not after the head block's (" + parent / 1000 + "); give a later one");
        }
        nextTimestampMillis = millis;
    }

    /** The next block's time: the clock plus the shift, never before its parent's. */
    private long stamp(long now, SealedBlock parent) {
        if (nextTimestampMillis >= 0) {
            timeOffsetMillis = nextTimestampMillis - now; // as Anvil: later blocks go on from it
            long t = nextTimestampMillis;
            nextTimestampMillis = -1;
            return t;
        }
        return Math.max(now + timeOffsetMillis, parent.header().timestamp() * 1000);
    }

    /** A fault: while down the sequencer seals nothing, and transactions wait in the pool. */
    public void setDown(boolean down) {
        this.down = down;
    }

    public boolean isDown() {
        return down;
    }

    /**
     * A fault on a SQUAD set: operator {@code leader} seals nothing (null: it is back); once no
     * block has come for the leader timeout, the next operator takes the turn over.
     */
    public void setLeaderDown(Address leader) {
        this.downLeader = leader;
    }

    /**
     * A fault: leaves {@code sender}'s pooled transactions out of every block (null: stops). Its
     * deposits still go in: a block without its epoch's deposits would not derive from L1.
     */
    public void censor(Address sender) {
        this.censored = sender;
    }

    /** How many times a block left a censored sender's ready transaction out. */
    public long censoredSkips() {
        return censoredSkips;
    }

    public void produceBlock() {
        if (down) return;
        SealedBlock parent = chain.head();
        long now = scheduler.now();
        long time = stamp(now, parent);
        L1Origin origin = parent.origin();
        L1Block epoch = nextEpoch(parent, l1, time); // an origin is never younger than the block
        L1Origin blockOrigin = epoch != null ? L1Origin.of(epoch) : origin;
        RollupConfig governed = l1.parameters().at(config, blockOrigin.number()); // as its L1 origin left governance's changes
        BlockContext ctx = BlockContext.after(governed, parent, time, blockOrigin);
        if (ctx.leader() != null && ctx.leader().equals(downLeader)) return; // the leader is down: the next takes over after the timeout
        BlockBuilder builder = new BlockBuilder(governed, state, ctx);
        if (epoch != null) {
            for (Transaction d : DepositTxs.of(epoch, config.chainId())) {
                String err = builder.apply(d);
                if (err != null) throw new IllegalStateException("deposit could not be applied: " + err);
            }
        }
        TxPool.Selection sel = pool.select(state, builder.context().baseFee());
        Set<Address> senders = new HashSet<>();
        List<TxPool.Entry> included = new ArrayList<>();
        List<TxDropped> dropped = new ArrayList<>();
        // one hop to the EVM's deep-stack thread per block, not per transaction
        DeepStack.run(() -> fill(builder, sel, senders, included, dropped, now));
        for (TxDropped d : dropped) {
            metrics.dropped();
            events.publish(d);
        }
        BlockBuilder.Sealed sealed = builder.seal();
        SealedBlock block = new SealedBlock(sealed.block(), builder.context().origin(), sealed.l1Fees(), sealed.executions());
        chain.append(block, sealed.totals());
        pool.prune(senders, state);
        long wallNow = WallClock.nanos();
        for (TxPool.Entry i : included) {
            metrics.included(now - i.submittedAtMillis(), i.submittedWallNanos() > 0 ? wallNow - i.submittedWallNanos() : -1);
        }
        metrics.block(sealed.block().header().gasUsed());
        onSealed.accept(block);
        events.publish(new BlockSealed(now, sealed.block(), config.chainId()));
    }

    /** Applies the pool's best transactions until the block is full; those that cannot apply leave the pool. */
    private Void fill(BlockBuilder builder, TxPool.Selection sel, Set<Address> senders, List<TxPool.Entry> included, List<TxDropped> dropped, long now) {
        TxPool.Entry e;
        while ((e = sel.peek()) != null && builder.gasRemaining() >= 21_000) {
            if (censored != null && e.sender().equals(censored)) {
                censoredSkips++;
                sel.skipSender();
                continue;
            }
            if (e.tx().gasLimit() > builder.gasRemaining()) {
                sel.skipSender();
                continue;
            }
            String err = builder.apply(e.tx());
            if (err != null) {
                pool.remove(e.tx().hash());
                sel.skipSender();
                dropped.add(new TxDropped(now, e.tx().hash(), err));
                continue;
            }
            senders.add(e.sender());
            included.add(e);
            sel.shift();
        }
        return null;
    }

}
