package dev.rollupstudio.spec;

/** The execution layer: the chain's block time, gas limit and how fast it may burn gas. */
public interface Execution extends Component {
    Param<Long> blockTime();

    Param<Long> gasLimit();

    /** Gas per second the chain sustains: its limit per block time, unless it has a lower speed limit. */
    default double gasPerSecond(StackSpec s) {
        return s.gasLimit() / (s.blockTimeMillis() / 1000.0);
    }

    /** Whether the stack proves its batches (and so has no fault proofs). */
    default boolean provesValidity() {
        return false;
    }
}
