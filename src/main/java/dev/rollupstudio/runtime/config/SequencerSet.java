package dev.rollupstudio.runtime.config;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.types.Address;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Who builds each block: one sequencer; a restaked set taking turns every
 * {@code rotationBlocks} (SQUAD), paid the priority fees of the blocks it builds; or L1
 * proposers (based: a block per L1 slot). The rotation is a function of the block number,
 * so the verifier derives the same coinbase.
 */
public record SequencerSet(Mode mode, int operators, int rotationBlocks) {

    public enum Mode { SINGLE, SQUAD, BASED }

    public static SequencerSet single() {
        return new SequencerSet(Mode.SINGLE, 1, 1);
    }

    public static SequencerSet squad(int operators, int rotationBlocks) {
        return new SequencerSet(Mode.SQUAD, operators, rotationBlocks);
    }

    public static SequencerSet based() {
        return new SequencerSet(Mode.BASED, 1, 1);
    }

    /** The operator building block {@code number} (SQUAD), or null when the fee vault is the coinbase. */
    public Address operator(long number) {
        if (mode != Mode.SQUAD) return null;
        return operatorAddress((int) ((number / rotationBlocks) % operators));
    }

    public static Address operatorAddress(int index) {
        byte[] h = Keccak.digest(("squad-operator-" + index).getBytes(StandardCharsets.US_ASCII));
        return Address.of(Arrays.copyOfRange(h, 12, 32));
    }
}
