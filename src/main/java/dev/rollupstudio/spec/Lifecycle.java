package dev.rollupstudio.spec;

import java.util.OptionalLong;

/** How long the rollup lives: until its operators stop it, or a set lifetime (ephemeral). */
public interface Lifecycle extends Component {
    OptionalLong lifetimeSeconds(StackSpec s);
}
