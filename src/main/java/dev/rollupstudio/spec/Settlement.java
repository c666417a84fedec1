package dev.rollupstudio.spec;

/** The settlement layer: the L1 holding outputs and the bridge, and how its contracts are governed. */
public interface Settlement extends Component {
    long upgradeDelaySeconds(StackSpec s);

    boolean securityCouncil(StackSpec s);
}
