package dev.rollupstudio.spec;

import static dev.rollupstudio.spec.Catalog.*;

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
                Choice.of(OP_STACK), Choice.of(SINGLE_SEQUENCER), Choice.of(EMBEDDED_L1).with("upgradeDelayDays", 14L).with("securityCouncil", true),
                Choice.of(ETHEREUM_BLOBS), Choice.of(OPTIMISTIC), Choice.of(NO_RESTAKING), Choice.of(PERSISTENT), Choice.of(ETH)));
        BY_ID.put("orbit-celestia", spec("Arbitrum Orbit with Celestia",
                "An Orbit chain that publishes its data on Celestia, bridged to L1 with Blobstream; validators are whitelisted.", 902,
                Choice.of(ARBITRUM_ORBIT), Choice.of(SINGLE_SEQUENCER), Choice.of(EMBEDDED_L1),
                Choice.of(CELESTIA).with("bridgedToL1", true),
                Choice.of(OPTIMISTIC).with("challengeWindowSeconds", 549_816L).with("permissionless", false).with("whitelistedChallengers", 3L),
                Choice.of(NO_RESTAKING), Choice.of(PERSISTENT), Choice.of(ETH)));
        BY_ID.put("zk-eigenda-mach", spec("ZK Stack with EigenDA and MACH",
                "A ZK chain publishing to EigenDA, with restaked operators giving fast finality before the proof lands.", 903,
                Choice.of(ZK_STACK), Choice.of(SQUAD), Choice.of(EMBEDDED_L1), Choice.of(EIGENDA), Choice.of(ZK_VALIDITY), Choice.of(MACH),
                Choice.of(PERSISTENT), Choice.of(ALT)));
        BY_ID.put("ephemeral-nft-mint", spec("Ephemeral NFT mint flash layer",
                "A rollup that lives six hours for one mint, with MACH fast finality so it can settle back to L1 when the event ends.", 904,
                Choice.of(OP_STACK).with("blockTimeMs", 1_000L), Choice.of(SINGLE_SEQUENCER), Choice.of(EMBEDDED_L1), Choice.of(ETHEREUM_BLOBS),
                Choice.of(OPTIMISTIC), Choice.of(MACH), Choice.of(EPHEMERAL).with("lifetimeSeconds", 21_600L), Choice.of(ETH)));
        BY_ID.put("sovereign-devnet", spec("Sovereign devnet",
                "A local chain for development: 1 s blocks, data kept on this machine, no proofs.", 905,
                Choice.of(CUSTOM_EVM), Choice.of(SINGLE_SEQUENCER), Choice.of(EMBEDDED_L1), Choice.of(LOCAL_DA), Choice.of(NO_PROOFS),
                Choice.of(NO_RESTAKING), Choice.of(PERSISTENT), Choice.of(ETH)));
        BY_ID.put("based-zk", spec("Based ZK rollup",
                "L1 proposers sequence it, blobs carry its data and validity proofs settle it: Ethereum's liveness and security end to end.", 906,
                Choice.of(POLYGON_CDK), Choice.of(BASED), Choice.of(EMBEDDED_L1).with("upgradeDelayDays", 31L).with("securityCouncil", true),
                Choice.of(ETHEREUM_BLOBS), Choice.of(ZK_VALIDITY), Choice.of(NO_RESTAKING), Choice.of(PERSISTENT), Choice.of(ETH)));
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

    /** The stack a runtime uses when none is given: the OP Stack preset. */
    public static StackSpec defaultStack() {
        return get("op-stack-blobs");
    }
}
