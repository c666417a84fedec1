package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.types.Wei;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * Output disputes on the embedded L1, for optimistic rollups. Each output is proposed with a
 * bond, held by the rollup's output oracle; during the challenge window anyone may challenge it
 * with a bond of their own, which starts a game whose clock (half the window, as OP's 3.5-day
 * clock is half its 7 days) runs on the sim clock. At the end the referee settles it.
 *
 * <p>The simplification, said where users read it: instead of a bisection game played move by
 * move, the referee re-executes the disputed range from the last agreed output the way the fault
 * proof program would, which is what the rollup's derivation from L1 data does; the root it
 * derives decides. The loser's bond goes to the winner. A wrong output is deleted with every
 * output after it (OP's {@code deleteL2Outputs}), withdrawals proven against it can no longer be
 * finalized, and the proposer proposes the block again. Every move of a bond is ETH moving
 * between L1 accounts in the block that makes it, so L1 conserves value to the wei.
 */
public final class Disputes {
    /** What a proposer bonds per output and a challenger per challenge: OP's order of magnitude, a parameter of the model. */
    public static final Wei BOND = Wei.ether(1);

    /** A game, as readers see it. {@code outcome} is null until it resolves. */
    public record Game(long chainId, long outputIndex, long l2Block, Hash proposedRoot, Address challenger, long startedAtMillis,
                       long deadlineMillis, String outcome, boolean outputDeleted) {}

    private record Bonded(long chainId, long outputIndex, long l2Block, long releaseAtMillis) {}

    private final L1Ledger ledger;
    private final Referee referee;
    private final Map<Long, Long> windowMillis = new HashMap<>();
    private final Map<Long, List<Consumer<Game>>> listeners = new HashMap<>();
    private final Deque<Bonded> bonded = new ArrayDeque<>();
    private final List<SettlementLog.Challenge> challenges = new ArrayList<>();
    private List<SettlementLog.Challenge> taken = List.of();
    private final List<Game> open = new ArrayList<>();
    private final Map<Game, Hash> truth = new HashMap<>();
    private final List<Game> resolved = new ArrayList<>();

    Disputes(L1Ledger ledger, Referee referee) {
        this.ledger = ledger;
        this.referee = referee;
    }

    /** A rollup whose outputs may be disputed during {@code challengeWindowMillis}. */
    public void register(long chainId, long challengeWindowMillis) {
        windowMillis.put(chainId, challengeWindowMillis);
    }

    /** The rollup left the L1 (its node stopped): its referee and listeners go, so nothing keeps the node. */
    public void forget(long chainId) {
        referee.forget(chainId);
        listeners.remove(chainId);
    }

    /**
     * Who settles this rollup's games: the output root at an L2 block as derived from L1 data, or
     * null while L1 does not carry that block yet.
     */
    public void referee(long chainId, LongFunction<Hash> derivedRoot) {
        referee.register(chainId, derivedRoot);
    }

    /** Told of each game of {@code chainId} when it starts and when it resolves (loop thread). */
    public void onGame(long chainId, Consumer<Game> listener) {
        listeners.computeIfAbsent(chainId, k -> new ArrayList<>()).add(listener);
    }

    /** Queues a challenge of output {@code outputIndex}, made in the next L1 block with {@code challenger}'s bond. */
    public void challenge(long chainId, long outputIndex, Address challenger) {
        challenges.add(new SettlementLog.Challenge(chainId, outputIndex, challenger));
    }

    /** Every game so far, the open ones last. */
    public List<Game> games() {
        List<Game> all = new ArrayList<>(resolved);
        all.addAll(open);
        return all;
    }

    /** An output was included: its proposer's bond moves to the oracle until the window passes or a game ends. */
    void proposed(OutputProposal o, long nowMillis) {
        Long window = windowMillis.get(o.chainId());
        if (window == null || ledger.balance(SystemContracts.proposer(o.chainId())).compareTo(BOND) < 0) return; // unbonded: a game pays only the challenger's bond
        ledger.debit(SystemContracts.proposer(o.chainId()), BOND);
        ledger.credit(SystemContracts.outputOracle(o.chainId()), BOND);
        bonded.addLast(new Bonded(o.chainId(), o.index(), o.l2BlockNumber(), nowMillis + window));
    }

    /**
     * In each L1 block: starts the challenges queued, settles the games whose clock ran out, and
     * gives back the bonds of outputs whose window passed unchallenged.
     */
    void onBlock(long nowMillis, OutputLookup outputs) {
        taken = List.copyOf(challenges);
        challenges.clear();
        for (SettlementLog.Challenge p : taken) start(p, nowMillis, outputs);
        for (Iterator<Game> it = open.iterator(); it.hasNext(); ) {
            Game g = it.next();
            Hash derived = truth.get(g);
            if (derived == null) {
                derived = referee.rootAt(g.chainId(), g.l2Block());
                if (derived != null) truth.put(g, derived);
            }
            if (nowMillis < g.deadlineMillis() || derived == null) continue; // the referee waits for L1 to carry the block
            it.remove();
            truth.remove(g);
            settle(g, derived, nowMillis, outputs);
        }
        while (!bonded.isEmpty() && bonded.peekFirst().releaseAtMillis() <= nowMillis) {
            Bonded b = bonded.pollFirst();
            if (open.stream().noneMatch(g -> g.chainId() == b.chainId() && g.outputIndex() == b.outputIndex())) {
                pay(b.chainId(), SystemContracts.proposer(b.chainId()), BOND);
            } else {
                bonded.addLast(b); // its game settles the bond
                break;
            }
        }
    }

    /** The challenges the last block started (or turned away), for its settlement log. */
    List<SettlementLog.Challenge> taken() {
        return taken;
    }

    private void start(SettlementLog.Challenge p, long nowMillis, OutputLookup outputs) {
        OutputProposal o = outputs.output(p.chainId(), p.outputIndex());
        Long window = windowMillis.get(p.chainId());
        if (o == null || window == null || nowMillis > o.l1TimestampMillis() + window) return; // gone, or its window passed: no game
        if (open.stream().anyMatch(g -> g.chainId() == p.chainId() && g.outputIndex() == p.outputIndex())) return;
        if (ledger.balance(p.challenger()).compareTo(BOND) < 0) return;
        ledger.debit(p.challenger(), BOND);
        ledger.credit(SystemContracts.outputOracle(p.chainId()), BOND);
        Game g = new Game(p.chainId(), o.index(), o.l2BlockNumber(), o.outputRoot(), p.challenger(), nowMillis, nowMillis + window / 2, null, false);
        open.add(g);
        tell(g);
    }

    private void settle(Game g, Hash derived, long nowMillis, OutputLookup outputs) {
        Wei stake = bonded.removeIf(b -> b.chainId() == g.chainId() && b.outputIndex() == g.outputIndex()) ? BOND.add(BOND) : BOND;
        Game done;
        if (derived.equals(g.proposedRoot())) {
            pay(g.chainId(), SystemContracts.proposer(g.chainId()), stake);
            done = new Game(g.chainId(), g.outputIndex(), g.l2Block(), g.proposedRoot(), g.challenger(), g.startedAtMillis(), g.deadlineMillis(),
                    "the output stands: re-execution from L1 data gives the proposed root; the challenger's bond went to the proposer", false);
        } else {
            pay(g.chainId(), g.challenger(), stake);
            // outputs after it built on it: deleted too, their bonds back to the proposer and any games on them called off
            for (Iterator<Bonded> it = bonded.iterator(); it.hasNext(); ) {
                Bonded b = it.next();
                if (b.chainId() == g.chainId() && b.outputIndex() > g.outputIndex()) {
                    it.remove();
                    pay(g.chainId(), SystemContracts.proposer(g.chainId()), BOND);
                }
            }
            for (Iterator<Game> it = open.iterator(); it.hasNext(); ) {
                Game later = it.next();
                if (later.chainId() == g.chainId() && later.outputIndex() > g.outputIndex()) {
                    it.remove();
                    pay(g.chainId(), later.challenger(), BOND);
                }
            }
            int deleted = outputs.deleteFrom(g.chainId(), g.outputIndex());
            outputs.markWrong(g.chainId(), g.proposedRoot());
            done = new Game(g.chainId(), g.outputIndex(), g.l2Block(), g.proposedRoot(), g.challenger(), g.startedAtMillis(), g.deadlineMillis(),
                    "the output is wrong: re-execution from L1 data gives " + derived.shortHex() + ", not " + g.proposedRoot().shortHex() + "; "
                            + deleted + " output(s) deleted from index " + g.outputIndex() + ", the proposer's bond went to the challenger", true);
        }
        resolved.add(done);
        tell(done);
    }

    private void pay(long chainId, Address to, Wei v) {
        ledger.debit(SystemContracts.outputOracle(chainId), v);
        ledger.credit(to, v);
    }

    private void tell(Game g) {
        for (Consumer<Game> l : listeners.getOrDefault(g.chainId(), List.of())) l.accept(g);
    }

    /** What the oracle holds, as disputes need it. */
    interface OutputLookup {
        /** The output at {@code index} of {@code chainId}, or null. */
        OutputProposal output(long chainId, long index);

        /** Deletes {@code chainId}'s outputs from {@code index} on; how many. */
        int deleteFrom(long chainId, long index);

        /** Records on the oracle that a game proved {@code root} wrong. */
        void markWrong(long chainId, Hash root);
    }
}
