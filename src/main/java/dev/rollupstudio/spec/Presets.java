package dev.rollupstudio.spec;

import dev.rollupstudio.spec.component.AltGas;
import dev.rollupstudio.spec.component.ArbitrumOrbit;
import dev.rollupstudio.spec.component.Based;
import dev.rollupstudio.spec.component.Celestia;
import dev.rollupstudio.spec.component.CustomEvm;
import dev.rollupstudio.spec.component.EigenDa;
import dev.rollupstudio.spec.component.EmbeddedL1Settlement;
import dev.rollupstudio.spec.component.Ephemeral;
import dev.rollupstudio.spec.component.EthGas;
import dev.rollupstudio.spec.component.EthereumBlobs;
import dev.rollupstudio.spec.component.LocalDa;
import dev.rollupstudio.spec.component.Mach;
import dev.rollupstudio.spec.component.NoProofs;
import dev.rollupstudio.spec.component.NoRestaking;
import dev.rollupstudio.spec.component.OpStack;
import dev.rollupstudio.spec.component.OptimisticProofs;
import dev.rollupstudio.spec.component.Persistent;
import dev.rollupstudio.spec.component.PolygonCdk;
import dev.rollupstudio.spec.component.SingleSequencer;
import dev.rollupstudio.spec.component.Squad;
import dev.rollupstudio.spec.component.ZkStack;
import dev.rollupstudio.spec.component.ZkValidityProofs;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ready stacks to start from. Each validates without errors. */
public final class Presets {
    private static final Map<String, StackSpec> BY_ID = new LinkedHashMap<>();

    static {
        BY_ID.put("op-stack-blobs", spec("OP Stack on Ethereum blobs",
                "The default OP Stack chain: 2 s blocks, blobs on Ethereum, permissionless fault proofs, a security council.", 901,
                Choice.of(OpStack.ID), Choice.of(SingleSequencer.ID), Choice.of(EmbeddedL1Settlement.ID).with(EmbeddedL1Settlement.UPGRADE_DELAY_DAYS, 14L).with(EmbeddedL1Settlement.SECURITY_COUNCIL, true),
                Choice.of(EthereumBlobs.ID), Choice.of(OptimisticProofs.ID), Choice.of(NoRestaking.ID), Choice.of(Persistent.ID), Choice.of(EthGas.ID)));
        BY_ID.put("orbit-celestia", spec("Arbitrum Orbit with Celestia",
                "An Orbit chain that publishes its data on Celestia, bridged to L1 with Blobstream; validators are whitelisted.", 902,
                Choice.of(ArbitrumOrbit.ID), Choice.of(SingleSequencer.ID), Choice.of(EmbeddedL1Settlement.ID),
                Choice.of(Celestia.ID).with(Celestia.BRIDGED_TO_L1, true),
                Choice.of(OptimisticProofs.ID).with(OptimisticProofs.CHALLENGE_WINDOW, 549_816L).with(OptimisticProofs.PERMISSIONLESS, false)
                        .with(OptimisticProofs.WHITELISTED_CHALLENGERS, 3L),
                Choice.of(NoRestaking.ID), Choice.of(Persistent.ID), Choice.of(EthGas.ID)));
        BY_ID.put("zk-eigenda-mach", spec("ZK Stack with EigenDA and MACH",
                "A ZK chain publishing to EigenDA, with restaked operators giving fast finality before the proof lands.", 903,
                Choice.of(ZkStack.ID), Choice.of(Squad.ID), Choice.of(EmbeddedL1Settlement.ID), Choice.of(EigenDa.ID), Choice.of(ZkValidityProofs.ID), Choice.of(Mach.ID),
                Choice.of(Persistent.ID), Choice.of(AltGas.ID)));
        BY_ID.put("ephemeral-nft-mint", spec("Ephemeral NFT mint flash layer",
                "A rollup that lives six hours for one mint: MACH gives its users fast finality, and a one-hour challenge window lets it settle back to L1 when the event ends.", 904,
                Choice.of(OpStack.ID).with(OpStack.BLOCK_TIME, 1_000L), Choice.of(SingleSequencer.ID), Choice.of(EmbeddedL1Settlement.ID), Choice.of(EthereumBlobs.ID),
                Choice.of(OptimisticProofs.ID).with(OptimisticProofs.CHALLENGE_WINDOW, 3_600L), Choice.of(Mach.ID), Choice.of(Ephemeral.ID).with(Ephemeral.LIFETIME, 21_600L),
                Choice.of(EthGas.ID)));
        BY_ID.put("sovereign-devnet", spec("Sovereign devnet",
                "A local chain for development: 1 s blocks, data kept on this machine, no proofs.", 905,
                Choice.of(CustomEvm.ID), Choice.of(SingleSequencer.ID), Choice.of(EmbeddedL1Settlement.ID), Choice.of(LocalDa.ID), Choice.of(NoProofs.ID),
                Choice.of(NoRestaking.ID), Choice.of(Persistent.ID), Choice.of(EthGas.ID)));
        BY_ID.put("based-zk", spec("Based ZK rollup",
                "L1 proposers sequence it, blobs carry its data and validity proofs settle it: Ethereum's liveness and security end to end.", 906,
                Choice.of(PolygonCdk.ID), Choice.of(Based.ID), Choice.of(EmbeddedL1Settlement.ID).with(EmbeddedL1Settlement.UPGRADE_DELAY_DAYS, 31L).with(EmbeddedL1Settlement.SECURITY_COUNCIL, true),
                Choice.of(EthereumBlobs.ID), Choice.of(ZkValidityProofs.ID), Choice.of(NoRestaking.ID), Choice.of(Persistent.ID), Choice.of(EthGas.ID)));
    }

    private Presets() {}

    private static StackSpec spec(String name, String description, long chainId, Choice... perLayer) {
        Map<Layer, Choice> m = new EnumMap<>(Layer.class);
        Layer[] layers = Layer.values();
        for (int i = 0; i < layers.length; i++) m.put(layers[i], perLayer[i]);
        return new StackSpec(name, description, chainId, m);
    }

    public static List<String> ids() {
        return List.copyOf(BY_ID.keySet());
    }

    public static StackSpec get(String id) {
        StackSpec s = BY_ID.get(id);
        if (s == null) throw new IllegalArgumentException("no preset '" + id + "'; the presets are " + String.join(", ", ids()));
        return s;
    }

    /**
     * A name that says what the stack is made of ("OP Stack on Celestia with MACH"), for a stack
     * whose name the user has not chosen: it follows the components as they change.
     */
    public static String describe(StackSpec s) {
        Component exec = s.component(Layer.EXECUTION);
        Component da = s.component(Layer.DATA_AVAILABILITY);
        Choice security = s.choice(Layer.SECURITY);
        Choice lifecycle = s.choice(Layer.LIFECYCLE);
        String name = (exec == null ? "Rollup" : exec.name()) + (da == null ? "" : " on " + da.name());
        if (security != null && !security.component().equals(dev.rollupstudio.spec.component.NoRestaking.ID)) name += " with " + s.component(Layer.SECURITY).name();
        if (lifecycle != null && !lifecycle.component().equals(dev.rollupstudio.spec.component.Persistent.ID)) name += " (" + s.component(Layer.LIFECYCLE).name().toLowerCase() + ")";
        return name;
    }

    /** Whether a name was made by the studio (a preset's or {@link #describe}'s) rather than chosen by the user. */
    public static boolean isGeneratedName(StackSpec s) {
        return s.name().equals(describe(s)) || BY_ID.values().stream().anyMatch(p -> p.name().equals(s.name()));
    }

    /** The stack a runtime uses when none is given: the OP Stack preset. */
    public static StackSpec defaultStack() {
        return get("op-stack-blobs");
    }
}
