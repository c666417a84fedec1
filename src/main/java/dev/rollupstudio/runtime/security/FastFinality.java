package dev.rollupstudio.runtime.security;

import dev.rollupstudio.runtime.config.MachConfig;
import dev.rollupstudio.runtime.config.OperatorConfig.Behaviour;
import dev.rollupstudio.runtime.event.EventBus;
import dev.rollupstudio.runtime.event.MachAlert;
import dev.rollupstudio.runtime.rollup.BlockReplay;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.sim.Scheduler;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * MACH fast finality. Every check interval the operators take the blocks sealed since the last
 * round, re-execute each on their own state ({@link MachClient}) and sign an attestation over its
 * hash and state root; each attestation's signature is checked before it counts. A block is
 * fast-final when it and every block before it carry attestations from operators holding the
 * quorum of the bonded ALT and of the restaked ETH. A block that re-executes differently raises
 * an alert and honest operators do not sign it; offline operators sign nothing, slow ones late,
 * malicious ones sign whatever was sealed.
 */
public final class FastFinality {
    private final MachConfig config;
    private final long chainId;
    private final Scheduler scheduler;
    private final EventBus events;
    private final MachClient client;
    private final List<Operator> operators = new ArrayList<>();
    private final Map<Address, Operator> byAddress = new HashMap<>();
    private final Deque<SealedBlock> unchecked = new ArrayDeque<>();
    /** Per block not yet fast-final: the sealed block's attestations, by operator. */
    private final TreeMap<Long, Tally> tallies = new TreeMap<>();
    private final Map<Address, Long> lastAttested = new HashMap<>();
    private final Runnable onAdvance;
    private final Runnable cancel;
    private long finalHead;
    private BigInteger altBehind = BigInteger.ZERO;
    private BigInteger ethBehind = BigInteger.ZERO;
    private long alerts;
    private long missedQuorums;
    private long rejected;
    private String lastAlert;

    private static final class Tally {
        final SealedBlock block;
        final Map<Address, Attestation> by = new LinkedHashMap<>();
        BigInteger alt = BigInteger.ZERO;
        BigInteger eth = BigInteger.ZERO;

        Tally(SealedBlock block) {
            this.block = block;
        }
    }

    /**
     * @param state  the operators' own state after {@code head} (a copy: they never read the sequencer's)
     * @param head   the block they start after (genesis, or a resumed chain's head, which they take as final)
     */
    public FastFinality(MachConfig config, long chainId, MutableWorldState state, SealedBlock head, BlockReplay replay, Scheduler scheduler,
                        EventBus events, Runnable onAdvance) {
        this.config = config;
        this.chainId = chainId;
        this.scheduler = scheduler;
        this.events = events;
        this.onAdvance = onAdvance;
        this.client = new MachClient(state, head, replay);
        this.finalHead = head.number();
        for (int i = 0; i < config.operators().size(); i++) {
            Operator o = new Operator(config.operators().get(i), chainId, i);
            operators.add(o);
            byAddress.put(o.address(), o);
        }
        this.cancel = scheduler.every(scheduler.now() + config.checkIntervalMillis(), config.checkIntervalMillis(), 4, this::round);
    }

    /** Loop thread: a block the sequencer sealed, for the next round. */
    public void onSealed(SealedBlock b) {
        unchecked.addLast(b);
    }

    /** Stops the operators' rounds (the rollup was removed). */
    public void stop() {
        cancel.run();
    }

    /** One round: every block sealed since the last is re-executed, and each operator attests as it behaves. */
    void round() {
        boolean waiting = !unchecked.isEmpty() || !tallies.isEmpty();
        while (!unchecked.isEmpty()) {
            SealedBlock b = unchecked.pollFirst();
            MachClient.Verdict v = client.check(b);
            tallies.put(b.number(), new Tally(b));
            if (!v.agrees()) {
                alerts++;
                lastAlert = v.why();
                events.publish(new MachAlert(scheduler.now(), b.number(), v.why()));
            }
            for (Operator o : operators) {
                Behaviour how = o.config().behaviour();
                if (how == Behaviour.OFFLINE || (!v.agrees() && how != Behaviour.MALICIOUS)) continue;
                Attestation a = o.attest(chainId, b.number(), b.hash(), b.header().stateRoot());
                if (how == Behaviour.SLOW) {
                    scheduler.at(scheduler.now() + o.config().delayMillis(), 4, () -> {
                        deliver(a);
                        advance();
                    });
                } else {
                    deliver(a);
                }
            }
        }
        if (!advance() && waiting) missedQuorums++;
    }

    /**
     * An attestation reaches the aggregator: it counts toward the block sealed at its height if its
     * signature is its operator's and it names that block; one not from an operator, or badly
     * signed, is refused and counted. Finality moves at the next {@link #advance()}.
     */
    void deliver(Attestation a) {
        Operator o = byAddress.get(a.operator());
        if (o == null || a.chainId() != chainId || !a.verifies()) {
            rejected++;
            return;
        }
        lastAttested.merge(a.operator(), a.number(), Math::max);
        Tally t = tallies.get(a.number());
        if (t == null || !t.block.hash().equals(a.blockHash()) || !t.block.header().stateRoot().equals(a.stateRoot())) return; // final already, or another block
        if (t.by.putIfAbsent(a.operator(), a) != null) return;
        t.alt = t.alt.add(o.config().bondAlt());
        t.eth = t.eth.add(o.config().restakedEth());
    }

    /** Moves the fast-final head over every next block with a quorum; tells the node when it moved. */
    boolean advance() {
        boolean moved = false;
        BigInteger totalAlt = config.totalBondAlt();
        BigInteger totalEth = config.totalRestakedEth();
        for (Tally t; (t = tallies.get(finalHead + 1)) != null && quorum(t, totalAlt, totalEth); ) {
            tallies.remove(finalHead + 1);
            finalHead++;
            altBehind = t.alt;
            ethBehind = t.eth;
            moved = true;
        }
        if (moved) onAdvance.run();
        return moved;
    }

    private boolean quorum(Tally t, BigInteger totalAlt, BigInteger totalEth) {
        return config.reaches(t.alt, totalAlt) && (totalEth.signum() == 0 || config.reaches(t.eth, totalEth));
    }

    public long finalHead() {
        return finalHead;
    }

    /** The last block the operators re-executed. */
    public long checkedThrough() {
        return client.head();
    }

    public long missedQuorums() {
        return missedQuorums;
    }

    /** What the Runtime screen and the report show: the head, the stake behind it, each operator. */
    public MachStatus status() {
        List<MachStatus.OperatorStatus> ops = new ArrayList<>();
        for (Operator o : operators) {
            ops.add(new MachStatus.OperatorStatus(o.config().name(), o.address(), o.config().bondAlt(), o.config().restakedEth(),
                    o.config().behaviour(), lastAttested.getOrDefault(o.address(), -1L)));
        }
        return new MachStatus(finalHead, altBehind, ethBehind, config.totalBondAlt(), config.totalRestakedEth(), config.quorumPct(),
                ops, alerts, lastAlert, missedQuorums, rejected);
    }
}
