package dev.rollupstudio.spec;

import static dev.rollupstudio.spec.Param.bool;
import static dev.rollupstudio.spec.Param.choice;
import static dev.rollupstudio.spec.Param.decimal;
import static dev.rollupstudio.spec.Param.integer;
import static dev.rollupstudio.spec.Param.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every component the composer offers, with its parameters. Defaults cite the row of
 * ../shared/docs/reference.md they come from; figures the reference marks unconfirmed, or does
 * not give, are parameters a user can change.
 */
public final class Catalog {
    public static final String OP_STACK = "op-stack";
    public static final String ARBITRUM_ORBIT = "arbitrum-orbit";
    public static final String ZK_STACK = "zk-stack";
    public static final String POLYGON_CDK = "polygon-cdk";
    public static final String CUSTOM_EVM = "custom-evm";
    public static final String SINGLE_SEQUENCER = "single-sequencer";
    public static final String SQUAD = "squad";
    public static final String BASED = "based";
    public static final String EMBEDDED_L1 = "embedded-l1";
    public static final String ETHEREUM_BLOBS = "ethereum-blobs";
    public static final String ETHEREUM_CALLDATA = "ethereum-calldata";
    public static final String CELESTIA = "celestia";
    public static final String EIGENDA = "eigenda";
    public static final String AVAIL = "avail";
    public static final String LOCAL_DA = "local";
    public static final String OPTIMISTIC = "optimistic";
    public static final String ZK_VALIDITY = "zk-validity";
    public static final String NO_PROOFS = "none";
    public static final String NO_RESTAKING = "no-restaking";
    public static final String VITAL = "vital";
    public static final String MACH = "mach";
    public static final String PERSISTENT = "persistent";
    public static final String EPHEMERAL = "ephemeral";
    public static final String ETH = "eth";
    public static final String ALT = "alt";
    public static final String ERC20 = "erc20";

    private static final Map<String, Component> BY_ID = new LinkedHashMap<>();

    static {
        // Execution ---------------------------------------------------------------------------
        add(new Component(OP_STACK, Layer.EXECUTION, "OP Stack", "fth-circle",
                "The Optimism codebase: an EVM chain whose sequencer posts batches to L1 and whose state is secured by fault proofs. "
                        + "Blocks every 2 seconds; fees add an L1 data fee for the bytes each transaction costs to publish.",
                List.of(integer("blockTimeMs", "Block time", "ms", 2_000, 1_000, 60_000, "time between L2 blocks", "OP Stack: l2BlockTime 2 s"),
                        integer("gasLimit", "Gas limit", "gas", 30_000_000, 1_000_000, 500_000_000, "gas one block may use", "OP Stack: gas limit 30M"),
                        integer("eip1559Denominator", "Base fee denominator", "", 50, 1, 1_000, "how slowly the base fee moves", "OP Stack: denominator 50"),
                        integer("eip1559Elasticity", "Base fee elasticity", "", 6, 1, 100, "block gas limit divided by the gas target", "OP Stack: elasticity 6"),
                        integer("baseFeeScalar", "L1 base fee scalar", "", 1368, 0, 10_000_000, "weight of the L1 base fee in the data fee", "OP Stack: baseFeeScalar 1368"),
                        integer("blobBaseFeeScalar", "L1 blob fee scalar", "", 810_949, 0, 100_000_000, "weight of the blob base fee in the data fee", "OP Stack: blobBaseFeeScalar 810,949"))));
        add(new Component(ARBITRUM_ORBIT, Layer.EXECUTION, "Arbitrum Orbit", "fth-target",
                "Offchain Labs' Nitro stack for your own chain: very short blocks, a gas speed limit instead of a fixed per-block target, "
                        + "batches compressed with brotli, and interactive fraud proofs (BoLD).",
                List.of(integer("blockTimeMs", "Block time", "ms", 250, 100, 60_000, "time between L2 blocks", "Arbitrum Orbit: block time 250 ms (100 ms possible)"),
                        integer("gasLimit", "Gas limit", "gas", 32_000_000, 1_000_000, 500_000_000, "gas one block may use", "Arbitrum Orbit: block gas limit 32M"),
                        integer("speedLimitGasPerSecond", "Speed limit", "gas/s", 7_000_000, 100_000, 1_000_000_000, "sustained gas per second before the price rises", "Arbitrum Orbit: 7M gas/s speed limit"),
                        decimal("minBaseFeeGwei", "Gas price floor", "gwei", 0.01, 0, 1_000, "the lowest L2 base fee", "Arbitrum Orbit: gas price floor 0.01 gwei"))));
        add(new Component(ZK_STACK, Layer.EXECUTION, "ZK Stack", "fth-hexagon",
                "Matter Labs' stack behind ZKsync: every batch of blocks is proven with a validity proof, so L1 accepts the new state only "
                        + "with a proof that it is correct. No challenge window, but proving takes time.",
                List.of(integer("blockTimeMs", "Block time", "ms", 1_000, 200, 60_000, "time between L2 blocks (not in reference.md; a parameter)", null),
                        integer("gasLimit", "Gas limit", "gas", 80_000_000, 1_000_000, 500_000_000, "gas one block may use (not in reference.md; a parameter)", null))));
        add(new Component(POLYGON_CDK, Layer.EXECUTION, "Polygon CDK", "fth-triangle",
                "Polygon's Chain Development Kit: an EVM chain proven with zero-knowledge proofs and connected to Polygon's AggLayer.",
                List.of(integer("blockTimeMs", "Block time", "ms", 2_000, 500, 60_000, "time between L2 blocks (not in reference.md; a parameter)", null),
                        integer("gasLimit", "Gas limit", "gas", 30_000_000, 1_000_000, 500_000_000, "gas one block may use (not in reference.md; a parameter)", null))));
        add(new Component(CUSTOM_EVM, Layer.EXECUTION, "Custom EVM", "fth-tool",
                "An EVM chain with your own block time and gas limit, for experiments and teaching.",
                List.of(integer("blockTimeMs", "Block time", "ms", 1_000, 100, 60_000, "time between L2 blocks", null),
                        integer("gasLimit", "Gas limit", "gas", 30_000_000, 1_000_000, 500_000_000, "gas one block may use", null),
                        integer("eip1559Denominator", "Base fee denominator", "", 8, 1, 1_000, "how slowly the base fee moves", "EIP-1559"),
                        integer("eip1559Elasticity", "Base fee elasticity", "", 2, 1, 100, "block gas limit divided by the gas target", "EIP-1559"))));

        // Sequencing --------------------------------------------------------------------------
        add(new Component(SINGLE_SEQUENCER, Layer.SEQUENCING, "Single sequencer", "fth-user",
                "One operator orders all transactions. Fast and simple; if it stops or censors, users fall back to forcing transactions through L1.",
                List.of(bool("forcedInclusion", "Forced inclusion via L1", true, "users can push a transaction through L1 if the sequencer ignores them"))));
        add(new Component(SQUAD, Layer.SEQUENCING, "SQUAD sequencer set", "fth-users",
                "AltLayer's decentralised sequencing: a set of staked operators takes turns producing blocks; misbehaving operators can be slashed.",
                List.of(integer("operators", "Operators", "", 5, 1, 100, "sequencers in the rotating set", null),
                        integer("rotationBlocks", "Blocks per turn", "blocks", 100, 1, 100_000, "how many blocks one operator produces before the next takes over", null),
                        integer("forcedInclusionHours", "Forced inclusion delay", "h", 24, 1, 168, "how long forcing a transaction through L1 can take", "SQUAD: forced inclusion via L1 can take up to 24 h"))));
        add(new Component(BASED, Layer.SEQUENCING, "Based sequencing", "fth-anchor",
                "L1 block proposers order the rollup's transactions, so L2 blocks come only with L1 slots (every 12 s) and inherit L1's liveness.",
                List.of()));

        // Settlement ------------------------------------------------------------------------------
        add(new Component(EMBEDDED_L1, Layer.SETTLEMENT, "Embedded Ethereum L1", "fth-database",
                "A local Ethereum-like L1 with 12 s slots and finality two epochs back. It holds the output roots, the bridge and the batch inbox.",
                List.of(integer("upgradeDelayDays", "Upgrade delay", "days", 0, 0, 365, "how long a contract upgrade waits before it takes effect (0: instant)", "Risk view: Exit window"),
                        bool("securityCouncil", "Security council", false, "a 6-of-8 (or similar) council with a blocking minority outside the team"))));

        // Data availability ---------------------------------------------------------------------
        add(new Component(ETHEREUM_BLOBS, Layer.DATA_AVAILABILITY, "Ethereum blobs", "fth-package",
                "Batches go to Ethereum as EIP-4844 blobs: 128 KiB each, priced by their own fee market, kept by the network long enough for anyone to rebuild the chain.",
                List.of(choice("blobSchedule", "Blob schedule", "pectra", List.of("dencun", "pectra", "fusaka-bpo1", "fusaka-bpo2"), "the fork's blob target, maximum and fee update fraction"),
                        integer("maxBlobsPerTx", "Blobs per transaction", "", 6, 1, 21, "blobs the batcher puts in one L1 transaction", null))));
        add(new Component(ETHEREUM_CALLDATA, Layer.DATA_AVAILABILITY, "Ethereum calldata", "fth-file-text",
                "Batches go to Ethereum as transaction data: stored forever, priced with ordinary gas (16 per byte, at least 10 per token since EIP-7623).",
                List.of()));
        add(new Component(CELESTIA, Layer.DATA_AVAILABILITY, "Celestia", "fth-sun",
                "A separate chain built only to publish data: 6 s blocks of up to 8 MiB, paid in TIA. The rollup posts a small commitment to L1.",
                List.of(integer("blockSeconds", "Block time", "s", 6, 1, 60, "time between Celestia blocks", "Celestia: ~6 s blocks"),
                        decimal("blockMiB", "Block capacity", "MiB", 8, 0.5, 128, "data one Celestia block can carry", "Celestia: 128 x 128 share square = 8 MiB"),
                        decimal("gasPriceUtia", "Gas price", "utia/gas", 0.002, 0.000001, 1_000, "price of Celestia gas", "Celestia: min gas price 0.002 utia"),
                        bool("bridgedToL1", "Bridged to L1 (Blobstream)", false, "L1 contracts can verify that the data was published on Celestia"))));
        add(new Component(EIGENDA, Layer.DATA_AVAILABILITY, "EigenDA", "fth-shield",
                "A data availability service run by EigenLayer restakers: high throughput priced by reserved bandwidth; a committee attests the data was stored.",
                List.of(decimal("throughputMBps", "Throughput", "MB/s", 10, 0.1, 1_000, "bandwidth of the service", "EigenDA: 10 MB/s at launch"),
                        decimal("usdPerMB", "Price", "USD/MB", 0.01, 0, 1_000, "price of a megabyte (vendor pricing; a parameter)", null),
                        integer("attestationSeconds", "Attestation time", "s", 12, 1, 3_600, "time until the committee signs that the data is stored", null),
                        integer("quorumPct", "Committee threshold", "%", 55, 1, 100, "share of the committee's stake that must sign", null))));
        add(new Component(AVAIL, Layer.DATA_AVAILABILITY, "Avail", "fth-grid",
                "A data availability chain with 20 s blocks of 4 MB and data finality after about 40 s.",
                List.of(integer("blockSeconds", "Block time", "s", 20, 1, 120, "time between Avail blocks", "Avail: 4 MB per ~20 s block"),
                        decimal("blockMB", "Block capacity", "MB", 4, 0.5, 128, "data one Avail block can carry", "Avail: 4 MB per ~20 s block"),
                        integer("finalitySeconds", "DA finality", "s", 40, 1, 3_600, "time until the data is final on Avail", "Avail: DA finality ~40 s"),
                        decimal("usdPerMB", "Price", "USD/MB", 0.05, 0, 1_000, "price of a megabyte (a parameter)", null))));
        add(new Component(LOCAL_DA, Layer.DATA_AVAILABILITY, "Local only (devnet)", "fth-hard-drive",
                "Data stays on this machine: free and instant, and nobody else can rebuild the chain. For development only.",
                List.of()));

        // Proofs ---------------------------------------------------------------------------------
        add(new Component(OPTIMISTIC, Layer.PROOFS, "Optimistic proofs", "fth-eye",
                "State roots are assumed correct unless someone proves them wrong within a challenge window; withdrawals wait for the window.",
                List.of(integer("challengeWindowSeconds", "Challenge window", "s", 604_800, 60, 2_592_000, "how long an output can be disputed", "OP Stack: finalizationPeriodSeconds 604,800 (7 d)"),
                        bool("permissionless", "Permissionless proofs", true, "anyone may propose outputs and dispute them"),
                        integer("whitelistedChallengers", "Whitelisted challengers", "", 1, 1, 100, "who may dispute, when proofs are not permissionless", "Risk view: State validation"))));
        add(new Component(ZK_VALIDITY, Layer.PROOFS, "ZK validity proofs", "fth-check-circle",
                "Every batch comes with a proof of correct execution that L1 verifies; state is final once the proof is verified.",
                List.of(integer("provingLatencySeconds", "Proving latency", "s", 3_600, 1, 172_800, "time to generate and verify a proof", "ZK stacks: proof generation ~1 h (unconfirmed)"),
                        integer("verifyGas", "Verification gas", "gas", 350_000, 10_000, 10_000_000, "L1 gas to verify one proof (a parameter)", null))));
        add(new Component(NO_PROOFS, Layer.PROOFS, "No proofs", "fth-slash",
                "Nobody checks the state roots: users must trust the operator. Fine for a devnet, not for value.",
                List.of()));

        // Restaked security ----------------------------------------------------------------------
        add(new Component(NO_RESTAKING, Layer.SECURITY, "None", "fth-minus-circle", "No restaked operators watch this rollup.", List.of()));
        add(new Component(VITAL, Layer.SECURITY, "VITAL verification", "fth-search",
                "AltLayer's restaked operators re-check every committed state root and raise an alert on a bad one.",
                List.of(integer("operators", "Operators", "", 10, 1, 200, "verifiers watching the rollup", null),
                        integer("quorumPct", "Alert quorum", "%", 66, 1, 100, "stake needed to raise an alert", "MACH: 66% in production"))));
        add(new Component(MACH, Layer.SECURITY, "MACH fast finality", "fth-zap",
                "AltLayer's restaked operators verify each block and attest to it; a block is fast-final once a quorum of stake has attested.",
                List.of(integer("operators", "Operators", "", 10, 1, 200, "attesting operators", null),
                        integer("quorumPct", "Stake quorum", "%", 66, 1, 100, "share of stake that must attest", "MACH: 66% in production"),
                        integer("checkIntervalMs", "Check interval", "ms", 4_000, 100, 60_000, "how often operators check new blocks", "MACH: check interval 4000 ms"))));

        // Lifecycle -------------------------------------------------------------------------------
        add(new Component(PERSISTENT, Layer.LIFECYCLE, "Persistent", "fth-repeat", "Runs until its operators decide otherwise.", List.of()));
        add(new Component(EPHEMERAL, Layer.LIFECYCLE, "Ephemeral (flash layer)", "fth-clock",
                "A rollup for one event: it runs for a set lifetime, then settles its state and assets back to L1 and dissolves.",
                List.of(integer("lifetimeSeconds", "Lifetime", "s", 86_400, 60, 2_592_000, "how long the rollup lives (max lifetime unconfirmed; a parameter)", "Flash Layers: max lifetime unconfirmed"))));

        // Gas token -------------------------------------------------------------------------------
        add(new Component(ETH, Layer.GAS_TOKEN, "ETH", "fth-droplet", "Fees are paid in ETH, bridged from L1.", List.of()));
        add(new Component(ALT, Layer.GAS_TOKEN, "ALT", "fth-star",
                "Fees are paid in AltLayer's ALT token; the L1 data fee is converted at the ALT/ETH price.", List.of()));
        add(new Component(ERC20, Layer.GAS_TOKEN, "Custom ERC-20", "fth-award",
                "Fees are paid in your own token, which must exist on L1 so the bridge can lock it.",
                List.of(text("symbol", "Symbol", "TOKEN", "the token's ticker"),
                        text("l1Address", "L1 token address", "", "the ERC-20 contract on L1"),
                        decimal("usdPrice", "Price", "USD", 1, 0, 1_000_000, "token price, to convert L1 costs", null))));
    }

    private Catalog() {}

    private static void add(Component c) {
        BY_ID.put(c.layer().key + "/" + c.id(), c);
    }

    public static Component component(Layer layer, String id) {
        return BY_ID.get(layer.key + "/" + id);
    }

    public static List<Component> forLayer(Layer layer) {
        List<Component> out = new ArrayList<>();
        for (Component c : BY_ID.values()) if (c.layer() == layer) out.add(c);
        return out;
    }

    public static List<Component> all() {
        return List.copyOf(BY_ID.values());
    }
}
