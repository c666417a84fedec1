package dev.rollupstudio.runtime.config;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.types.Address;
import java.nio.charset.StandardCharsets;

/**
 * Who builds each block: one sequencer; a restaked set taking turns every
 * {@code rotationBlocks} (SQUAD), paid the priority fees of the blocks it builds; or L1
 * proposers (based: a block per L1 slot). A SQUAD turn starts with its scheduled operator and
 * passes to the next one when no block came for {@code leaderTimeoutMillis}; the rule reads only
 * the block's number and time and its parent's coinbase and time, so the verifier derives the
 * same coinbase.
 */
public record SequencerSet(Mode mode, int operators, int rotationBlocks, long leaderTimeoutMillis) {

    public enum Mode { SINGLE, SQUAD, BASED }

    public static SequencerSet single() {
        return new SequencerSet(Mode.SINGLE, 1, 1, 0);
    }

    public static SequencerSet squad(int operators, int rotationBlocks, long leaderTimeoutMillis) {
        if (leaderTimeoutMillis <= 0) throw new IllegalArgumentException("a SQUAD leader timeout must be positive");
        return new SequencerSet(Mode.SQUAD, operators, rotationBlocks, leaderTimeoutMillis);
    }

    public static SequencerSet based() {
        return new SequencerSet(Mode.BASED, 1, 1, 0);
    }

    /**
     * The operator building block {@code number} at {@code timestampMillis} (SQUAD), or null when
     * the fee vault is the coinbase: the turn's leader (its scheduled one when the turn starts,
     * else whoever built the parent), passed on once for every leader timeout since the parent.
     */
    public Address leader(long number, Address parentCoinbase, long parentTimestampMillis, long timestampMillis) {
        if (mode != Mode.SQUAD) return null;
        int scheduled = (int) ((number / rotationBlocks) % operators);
        int leader = scheduled;
        if (number % rotationBlocks != 0) {
            for (int i = 0; i < operators; i++) if (operatorAddress(i).equals(parentCoinbase)) leader = i;
        }
        long gap = timestampMillis - parentTimestampMillis;
        long skips = gap > leaderTimeoutMillis ? (gap - 1) / leaderTimeoutMillis : 0;
        return operatorAddress((int) ((leader + skips) % operators));
    }

    /** Which operator {@code a} is, or -1. */
    public int indexOf(Address a) {
        for (int i = 0; i < operators; i++) if (operatorAddress(i).equals(a)) return i;
        return -1;
    }

    /**
     * Operator {@code index}'s address: keccak256("squad-operator-" + index), low 20 bytes. The first
     * 64 are made once, so the hot leader check compares the very objects block headers carry (one
     * test JVM saw freshly built copies compare unequal to equal ones, costing a block per timeout).
     */
    public static Address operatorAddress(int index) {
        return index < CACHED.length ? CACHED[index] : derive(index);
    }

    private static final Address[] CACHED = new Address[64];

    static {
        for (int i = 0; i < CACHED.length; i++) CACHED[i] = derive(i);
    }

    private static Address derive(int index) {
        return Address.ofRange(Keccak.digest(("squad-operator-" + index).getBytes(StandardCharsets.US_ASCII)), 12);
    }
}
