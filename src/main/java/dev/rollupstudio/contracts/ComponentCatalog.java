package dev.rollupstudio.contracts;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.state.WorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code contracts/ComponentCatalog.sol}, the RaaS catalog on the devnet's L1: the components
 * ("layer/id") a rollup launched through Rollup-as-a-Service may be built from. The timelock owns
 * it, so only an executed ALT governance proposal admits one.
 */
public final class ComponentCatalog {
    public static final Address ADDRESS = Address.fromHex("0xA17000000000000000000000000000000000000A");
    /** Where {@code _admitted} lives: after Ownable's owner. */
    private static final BigInteger ADMITTED_SLOT = BigInteger.ONE;

    /**
     * What the service offers from the start: every component the studio's catalog has, but a
     * data layer kept on one machine and a custom EVM, which a rollup-as-a-service does not host
     * until governance says so.
     */
    public static final List<String> AT_GENESIS = List.of("execution/op-stack", "execution/arbitrum-orbit", "execution/zk-stack", "execution/polygon-cdk",
            "sequencing/single-sequencer", "sequencing/squad", "sequencing/based", "settlement/embedded-l1", "dataAvailability/ethereum-blobs",
            "dataAvailability/ethereum-calldata", "dataAvailability/celestia", "dataAvailability/eigenda", "dataAvailability/avail", "proofs/optimistic",
            "proofs/zk-validity", "proofs/none", "security/no-restaking", "security/vital", "security/mach", "lifecycle/persistent", "lifecycle/ephemeral",
            "gasToken/eth", "gasToken/alt", "gasToken/erc20");

    private ComponentCatalog() {}

    /** Deploys the catalog, owned by the governance timelock, into an L1's genesis state with {@link #AT_GENESIS} admitted. */
    public static void deployOnL1(MutableWorldState l1, long chainId, long genesisTimestamp) {
        List<Abi.DynamicBytes> keys = AT_GENESIS.stream().map(k -> new Abi.DynamicBytes(k.getBytes(StandardCharsets.UTF_8))).toList();
        GenesisContracts.installOnL1(l1, chainId, genesisTimestamp, ADDRESS, Bytes.concat(Artifact.load("ComponentCatalog").bytecode(),
                Abi.encode(Governance.TIMELOCK, keys)));
    }

    /** Whether {@code key} is admitted, read from the contract's storage. */
    public static boolean isAdmitted(WorldState l1, String key) {
        byte[] id = Keccak.digest(key.getBytes(StandardCharsets.UTF_8));
        return l1.storage(ADDRESS, Keccak.hash(Bytes.concat(id, Abi.word(ADMITTED_SLOT)))).signum() != 0;
    }
}
