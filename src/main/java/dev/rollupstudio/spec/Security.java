package dev.rollupstudio.spec;

import java.util.OptionalDouble;

/** Restaked security: operators who attest to or verify the rollup. */
public interface Security extends Component {
    /** Seconds to a fast-final block when operators attest, or empty when they do not. */
    default OptionalDouble fastFinalitySeconds(StackSpec s, double softSeconds) {
        return OptionalDouble.empty();
    }

    /** What makes a block fast-final, in words (when {@link #fastFinalitySeconds} is present). */
    default String fastFinalityBy() {
        return "";
    }
}
