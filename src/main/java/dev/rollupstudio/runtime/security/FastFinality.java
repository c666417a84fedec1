package dev.rollupstudio.runtime.security;

import dev.rollupstudio.runtime.config.MachConfig;
import dev.rollupstudio.runtime.config.OperatorConfig;
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
    private final Stakes stakes;
    private java.util.function.IntSupplier quorumSource;
    private int quorumPct;
    /** Each operator's stake as the book held it at the last round: status and quorums read this, not the L1, per event. */
    private final Map<Address, Stakes.Stake> stake = new HashMap<>();
    private java.util.function.Consumer<Equivocation> onEquivocation = e -> {};
    private final Runnable cancel;
    private long finalHead;
    private BigInteger altBehind = BigInteger.ZERO;
    private BigInteger ethBehind = BigInteger.ZERO;
    private long alerts;
    private long missedQuorums;
    private long rejected;
    private String lastAlert;
    /** Operators a fault took offline for now, whatever their configured behaviour. */
    private final java.util.Set<Integer> forcedOffline = new java.util.HashSet<>();
    /** Operators that will sign a second, different block at the next height they attest (a fault). */
    private final java.util.Set<Integer> willDoubleSign = new java.util.HashSet<>();
    /** Operators caught signing two blocks at one height: their stake no longer counts. */
    private final Map<Address, Equivocation> ejected = new LinkedHashMap<>();
    /** Operators caught signing a block that builds differently: their signatures stop counting too. */
    private final Map<Address, BadAttestation> forged = new LinkedHashMap<>();
    /** A fault: operator index to the height where it signs a forged block. */
    private final Map<Integer, Long> willForgeAt = new HashMap<>();
    private java.util.function.Consumer<BadAttestation> onBadAttestation = b -> { };

    /** Two attestations by one operator to different blocks at one height: the evidence that slashes it. */
    public record Equivocation(Attestation first, Attestation second, long atMillis) {}

    /** An operator's signature on a block at a height that is not the block re-execution gives there ({@code real}): evidence once an output commits to {@code real}. */
    public record BadAttestation(Attestation signed, SealedBlock real, long atMillis) {}

    private static final class Tally {
        final SealedBlock block;
        /** Whether the operators' client built the same block: honest operators sign only then. */
        final boolean agreed;
        /** Operators that have signed it (or will, when slow). */
        final java.util.Set<Integer> asked = new java.util.HashSet<>();
        final Map<Address, Attestation> by = new LinkedHashMap<>();
        /** Every attestation seen at this height, by operator, whichever block it names: what equivocation is caught by. */
        final Map<Address, Attestation> any = new HashMap<>();

        Tally(SealedBlock block, boolean agreed) {
            this.block = block;
            this.agreed = agreed;
        }
    }

    /**
     * @param state  the operators' own state after {@code head} (a copy: they never read the sequencer's)
     * @param head   the block they start after (genesis, or a resumed chain's head, which they take as final)
     */
    public FastFinality(MachConfig config, long chainId, MutableWorldState state, SealedBlock head, BlockReplay replay, Scheduler scheduler,
                        EventBus events, Stakes stakes, Runnable onAdvance) {
        this.config = config;
        this.stakes = stakes;
        this.quorumSource = config::quorumPct;
        this.quorumPct = config.quorumPct();
        this.chainId = chainId;
        this.scheduler = scheduler;
        this.events = events;
        this.onAdvance = onAdvance;
        this.client = new MachClient(state, head, replay);
        this.finalHead = head.number();
        for (int i = 0; i < config.operators().size(); i++) {
            Operator o = new Operator(config.operators().get(i), dev.rollupstudio.wallet.DevAccounts.machOperator(chainId, i));
            operators.add(o);
            byAddress.put(o.address(), o);
        }
        readStakes();
        this.cancel = scheduler.every(scheduler.now() + config.checkIntervalMillis(), config.checkIntervalMillis(), 4, this::round);
    }

    /** Where each round reads the quorum from (the spec's, unless governance on L1 has set another). */
    public void quorumFrom(java.util.function.IntSupplier source) {
        this.quorumSource = source;
        this.quorumPct = source.getAsInt();
    }

    /** Loop thread: a block the sequencer sealed, for the next round. */
    public void onSealed(SealedBlock b) {
        unchecked.addLast(b);
    }

    /** Stops the operators' rounds (the rollup was removed). */
    public void stop() {
        cancel.run();
    }

    /**
     * One round: every block sealed since the last is re-executed; then each operator online signs
     * one attestation, over the furthest block it vouches for: an honest one the last block before
     * the first that re-executed differently (a block's hash commits to all before it, so one
     * signature covers the blocks since the last), a malicious one the newest sealed. One back from
     * offline catches up at once.
     */
    void round() {
        readStakes();
        quorumPct = quorumSource.getAsInt();
        boolean waiting = !unchecked.isEmpty() || !tallies.isEmpty();
        while (!unchecked.isEmpty()) {
            SealedBlock b = unchecked.pollFirst();
            MachClient.Verdict v = client.check(b);
            tallies.put(b.number(), new Tally(b, v.agrees()));
            if (!v.agrees()) {
                alerts++;
                lastAlert = v.why();
                events.publish(new MachAlert(scheduler.now(), b.number(), v.why()));
            }
        }
        if (tallies.isEmpty()) return;
        forgetPastFirstBadBlock();
        Tally newest = tallies.lastEntry().getValue();
        Tally vouched = null;
        for (Tally t : tallies.values()) {
            if (!t.agreed) break;
            vouched = t;
        }
        for (int i = 0; i < operators.size(); i++) {
            Operator o = operators.get(i);
            Behaviour how = forcedOffline.contains(i) ? Behaviour.OFFLINE : o.config().behaviour();
            Tally t = how == Behaviour.MALICIOUS ? newest : vouched;
            Long forgeAt = willForgeAt.get(i);
            if (forgeAt != null && how != Behaviour.OFFLINE && tallies.containsKey(forgeAt)) { // a block hash no execution gives, signed in place of the real one
                willForgeAt.remove(i);
                SealedBlock real = tallies.get(forgeAt).block;
                tallies.get(forgeAt).asked.add(i);
                deliver(o.attest(chainId, forgeAt, dev.rollupstudio.chain.Keccak.hash(real.hash().raw()), real.header().stateRoot()));
            }
            if (how == Behaviour.OFFLINE || t == null || !t.asked.add(i)) continue;
            SealedBlock b = t.block;
            Attestation a = o.attest(chainId, b.number(), b.hash(), b.header().stateRoot());
            if (willDoubleSign.remove(i)) { // the same height, another block: what a compromised or careless key does
                deliver(o.attest(chainId, b.number(), dev.rollupstudio.chain.Keccak.hash(b.hash().raw()), b.header().stateRoot()));
            }
            if (how == Behaviour.SLOW) {
                scheduler.at(scheduler.now() + o.config().delayMillis(), 4, () -> {
                    deliver(a);
                    advance();
                });
            } else {
                deliver(a);
            }
        }
        if (!advance() && waiting) missedQuorums++;
    }

    /**
     * Past a block that built differently the head never moves, so only the newest block (what
     * malicious operators sign) is worth a tally there: the others would pile up for good.
     */
    private void forgetPastFirstBadBlock() {
        for (Tally t : tallies.values()) {
            if (t.agreed) continue;
            long last = tallies.lastKey();
            if (last > t.block.number() + 1) tallies.subMap(t.block.number(), false, last, false).clear();
            return;
        }
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
        if (t != null) {
            Attestation earlier = t.any.putIfAbsent(a.operator(), a);
            if (earlier != null && !earlier.blockHash().equals(a.blockHash())) {
                eject(o, new Equivocation(earlier, a, scheduler.now()));
                return;
            }
        }
        if (distrusted(a.operator())) return;
        if (t != null && (!t.block.hash().equals(a.blockHash()) || !t.block.header().stateRoot().equals(a.stateRoot()))) {
            distrust(o, new BadAttestation(a, t.block, scheduler.now()));
            return;
        }
        if (t == null) return; // final already
        t.by.putIfAbsent(a.operator(), a);
    }

    /** Told of each equivocation caught (loop thread): the evidence that slashes the operator's bond on L1. */
    public void onEquivocation(java.util.function.Consumer<Equivocation> listener) {
        this.onEquivocation = listener;
    }

    /** Caught signing two blocks at one height: the operator's signatures and stake stop counting, and an alert says why. */
    private void eject(Operator o, Equivocation e) {
        if (ejected.putIfAbsent(o.address(), e) != null) return;
        stopCounting(o, e.first().number(), o.config().name() + " signed two blocks at height " + e.first().number() + " (" + e.first().blockHash().shortHex()
                + " and " + e.second().blockHash().shortHex() + "): its stake no longer counts, and the evidence goes to L1 to slash its bond");
        onEquivocation.accept(e);
    }

    /** Every signature on a block re-execution does not give caught so far, in order. */
    public List<BadAttestation> badAttestations() {
        return List.copyOf(forged.values());
    }

    /** Told of each operator caught signing a block that builds differently (loop thread): evidence for L1 once an output commits to the real block. */
    public void onBadAttestation(java.util.function.Consumer<BadAttestation> listener) {
        this.onBadAttestation = listener;
    }

    /** Its signatures and stake stop counting, and an alert says why. */
    private void distrust(Operator o, BadAttestation b) {
        if (forged.putIfAbsent(o.address(), b) != null) return;
        stopCounting(o, b.signed().number(), o.config().name() + " signed block " + b.signed().blockHash().shortHex() + " at height " + b.signed().number()
                + ", but re-execution gives " + b.real().hash().shortHex() + ": its stake no longer counts, and once an output commits to the real block the"
                + " evidence goes to L1 to slash its bond");
        onBadAttestation.accept(b);
    }

    /** A caught operator's signatures leave every tally, and an alert at {@code height} says why. */
    private void stopCounting(Operator o, long height, String why) {
        for (Tally t : tallies.values()) t.by.remove(o.address());
        alerts++;
        lastAlert = why;
        events.publish(new MachAlert(scheduler.now(), height, why));
    }

    private boolean distrusted(Address operator) {
        return ejected.containsKey(operator) || forged.containsKey(operator);
    }

    /** A fault: operator {@code index} signs a block that is not the chain's at height {@code height}, in place of the real one. */
    public void forgeAt(int index, long height) {
        willForgeAt.put(index, height);
    }

    /** A fault: operator {@code index} is offline (signs nothing) until set back. */
    public void setOffline(int index, boolean offline) {
        if (offline) forcedOffline.add(index); else forcedOffline.remove(index);
    }

    /** A fault: operator {@code index} signs two different blocks at the next height it attests. */
    public void doubleSignNext(int index) {
        willDoubleSign.add(index);
    }

    /** Equivocations caught so far, oldest first. */
    public List<Equivocation> equivocations() {
        return List.copyOf(ejected.values());
    }

    /**
     * Moves the fast-final head to the furthest block whose signers hold the quorum and whose every
     * block since the head re-executed the same (a bad block is never passed); tells the node.
     */
    boolean advance() {
        BigInteger totalAlt = countedAlt();
        BigInteger totalEth = countedEth();
        Tally reached = null;
        Stakes.Stake behind = null;
        for (Tally t : tallies.values()) {
            if (!t.agreed) break;
            Stakes.Stake signed = signed(t);
            if (OperatorConfig.reaches(signed.alt(), totalAlt, quorumPct) && (totalEth.signum() == 0 || OperatorConfig.reaches(signed.eth(), totalEth, quorumPct))) {
                reached = t;
                behind = signed;
            }
        }
        if (reached == null) return false;
        finalHead = reached.block.number();
        altBehind = behind.alt();
        ethBehind = behind.eth();
        tallies.headMap(finalHead, true).clear();
        onAdvance.run();
        return true;
    }

    /** Reads every operator's stake from the book once per round (a slash counts from the next one). */
    private void readStakes() {
        for (Operator o : operators) stake.put(o.address(), stakes.of(o.address()));
    }

    private Stakes.Stake stakeOf(Address operator) {
        return stake.getOrDefault(operator, Stakes.Stake.NONE);
    }

    /** The stake behind a block: its signers', as the book held it at the last round. */
    private Stakes.Stake signed(Tally t) {
        BigInteger alt = BigInteger.ZERO;
        BigInteger eth = BigInteger.ZERO;
        for (Address a : t.by.keySet()) {
            Stakes.Stake s = stakeOf(a);
            alt = alt.add(s.alt());
            eth = eth.add(s.eth());
        }
        return new Stakes.Stake(alt, eth);
    }

    /** The stake that counts: every operator's but those caught equivocating. */
    private BigInteger countedAlt() {
        BigInteger out = BigInteger.ZERO;
        for (Operator o : operators) if (!distrusted(o.address())) out = out.add(stakeOf(o.address()).alt());
        return out;
    }

    private BigInteger countedEth() {
        BigInteger out = BigInteger.ZERO;
        for (Operator o : operators) if (!distrusted(o.address())) out = out.add(stakeOf(o.address()).eth());
        return out;
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
        for (int i = 0; i < operators.size(); i++) {
            Operator o = operators.get(i);
            Stakes.Stake st = stakeOf(o.address());
            ops.add(new MachStatus.OperatorStatus(o.config().name(), o.address(), st.alt(), st.eth(),
                    forcedOffline.contains(i) ? Behaviour.OFFLINE : o.config().behaviour(), lastAttested.getOrDefault(o.address(), -1L),
                    distrusted(o.address())));
        }
        return new MachStatus(finalHead, altBehind, ethBehind, countedAlt(), countedEth(), quorumPct,
                ops, alerts, lastAlert, missedQuorums, rejected);
    }
}
