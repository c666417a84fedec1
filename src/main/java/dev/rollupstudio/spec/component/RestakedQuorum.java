package dev.rollupstudio.spec.component;

import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Param;
import dev.rollupstudio.spec.Problems;

/** A rule shared by the restaked services: a quorum under two thirds lets a minority sign off a bad block. */
final class RestakedQuorum {
    private RestakedQuorum() {}

    static void check(long quorumPct, Param<Long> param, Problems out) {
        if (quorumPct < 66) {
            out.warning(Layer.SECURITY, "params." + param.key(),
                    "a quorum under two thirds of stake lets a minority of operators sign off a bad block; use 66% or more", "quorum-two-thirds");
        }
    }
}
