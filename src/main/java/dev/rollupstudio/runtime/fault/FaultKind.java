package dev.rollupstudio.runtime.fault;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The faults a tester can inject into a running rollup, by the name the CLI and the studio use. */
public enum FaultKind {
    SEQUENCER_DOWN("the sequencer seals nothing for 60 s; transactions wait in the pool", true),
    SEQUENCER_CENSORS("for 180 s the sequencer leaves one account's transactions out; its wallet forces one in through L1", true),
    WRONG_OUTPUT("the proposer posts a wrong output root; a dispute (optimistic) or L1's proof verifier (ZK) deletes it", true),
    DA_WITHHOLD("the DA layer takes the next batch but serves its data only 120 s later", true),
    DOUBLE_SIGN("a MACH operator signs two different blocks at one height", true),
    SIGN_BAD_BLOCK("a MACH operator signs a block that is not the chain's at the next output height; slashed once that output is final", true),
    OPERATOR_OFFLINE("enough MACH operators go offline for 60 s that the quorum is lost", true),
    L1_CONGESTION("for 180 s the rest of Ethereum fills L1 blocks and blobs", true),
    L1_REORG("the next L1 head that carries a batch loses to a competing block without it; derivation follows", true);

    public final String description;
    /** False while the kind is planned but not injectable yet. */
    public final boolean ready;

    FaultKind(String description, boolean ready) {
        this.description = description;
        this.ready = ready;
    }

    /** The name on the command line: {@code sequencer-down}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The kind named {@code id}; an unknown or not yet injectable one is refused with the names that work. */
    public static FaultKind parse(String id) {
        for (FaultKind k : values()) {
            if (k.id().equals(id)) {
                if (!k.ready) throw new IllegalArgumentException("the " + id + " fault is not injectable yet; the faults are " + readyIds());
                return k;
            }
        }
        throw new IllegalArgumentException("unknown fault \"" + id + "\"; the faults are " + readyIds());
    }

    public static String readyIds() {
        return Arrays.stream(values()).filter(k -> k.ready).map(FaultKind::id).collect(Collectors.joining(", "));
    }
}
