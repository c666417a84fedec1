package dev.rollupstudio.spec;

import java.math.BigDecimal;
import java.util.OptionalLong;

/**
 * How long the rollup lives: until its operators stop it, or a set lifetime (ephemeral); and what
 * Rollup-as-a-Service charges, in ALT, to launch it for that long.
 */
public interface Lifecycle extends Component {
    OptionalLong lifetimeSeconds(StackSpec s);

    /** The RaaS fee for launching {@code s}, in whole ALT: a deployment fee, plus the hours of an ephemeral rollup's lifetime. */
    BigDecimal launchFeeAlt(StackSpec s);
}
