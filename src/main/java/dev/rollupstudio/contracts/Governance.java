package dev.rollupstudio.contracts;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.runtime.config.GovernanceConfig;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * ALT governance on the L1, deployed at genesis: the Governor ({@code contracts/AltGovernor.sol},
 * votes of delegated ALT), its timelock ({@code AltTimelock.sol}) and the rollup parameters the
 * timelock owns ({@code RollupParameters.sol}), and the calls a wallet makes to them.
 */
public final class Governance {
    public static final Address TIMELOCK = Address.fromHex("0xA170000000000000000000000000000000000007");
    public static final Address GOVERNOR = Address.fromHex("0xA170000000000000000000000000000000000008");
    public static final Address PARAMETERS = Address.fromHex("0xA170000000000000000000000000000000000009");

    /** The keys of {@code RollupParameters}: bytes32 of their names. */
    public static final Hash GAS_LIMIT = key("gasLimit");
    public static final Hash BASE_FEE_SCALAR = key("baseFeeScalar");
    public static final Hash BLOB_BASE_FEE_SCALAR = key("blobBaseFeeScalar");
    public static final Hash MACH_QUORUM_PCT = key("machQuorumPct");
    /** topic0 of {@code ParameterChanged(uint256 indexed chainId, bytes32 indexed key, uint256 value)}. */
    public static final Hash PARAMETER_CHANGED = event("ParameterChanged(uint256,bytes32,uint256)");
    public static final Hash COMPONENT_ADMITTED = event("ComponentAdmitted(bytes32)");
    public static final Hash PROPOSAL_CREATED = event("ProposalCreated(uint256,address,address[],uint256[],string[],bytes[],uint256,uint256,string)");

    /** OpenZeppelin's {@code IGovernor.ProposalState}, in its order. */
    public enum State { PENDING, ACTIVE, CANCELED, DEFEATED, SUCCEEDED, QUEUED, EXPIRED, EXECUTED }

    /** {@code GovernorCountingSimple}'s {@code support} values. */
    public enum Support { AGAINST, FOR, ABSTAIN }

    private Governance() {}

    /** Deploys timelock, governor and parameters into an L1's genesis state (ALT must be there already). */
    public static void deployOnL1(MutableWorldState l1, long chainId, long genesisTimestamp, GovernanceConfig g) {
        GenesisContracts.installOnL1(l1, chainId, genesisTimestamp, TIMELOCK, Bytes.concat(Artifact.load("AltTimelock").bytecode(),
                Abi.encode(BigInteger.valueOf(g.timelockSeconds()), GOVERNOR)));
        GenesisContracts.installOnL1(l1, chainId, genesisTimestamp, GOVERNOR, Bytes.concat(Artifact.load("AltGovernor").bytecode(),
                Abi.encode(Alt.L1_TOKEN, TIMELOCK, g.votingDelayBlocks(), g.votingPeriodBlocks(), g.proposalThreshold(), g.quorum())));
        GenesisContracts.installOnL1(l1, chainId, genesisTimestamp, PARAMETERS, Bytes.concat(Artifact.load("RollupParameters").bytecode(),
                Abi.encode(TIMELOCK)));
    }

    /** What a proposal does: one call the timelock makes, and the sentence voters read. */
    public record Change(Address target, byte[] data, String description) {
        public static Change gasLimit(long chainId, long gas) {
            return new Change(PARAMETERS, Abi.call("setGasLimit(uint256,uint256)", chainId, gas),
                    "Set rollup " + chainId + "'s block gas limit to " + String.format("%,d", gas));
        }

        public static Change feeScalars(long chainId, long baseFeeScalar, long blobBaseFeeScalar) {
            return new Change(PARAMETERS, Abi.call("setFeeScalars(uint256,uint256,uint256)", chainId, baseFeeScalar, blobBaseFeeScalar),
                    "Set rollup " + chainId + "'s L1 fee scalars to " + String.format("%,d", baseFeeScalar) + " (base fee) and "
                            + String.format("%,d", blobBaseFeeScalar) + " (blob fee)");
        }

        public static Change machQuorum(long chainId, int pct) {
            return new Change(PARAMETERS, Abi.call("setMachQuorum(uint256,uint256)", chainId, pct), "Set rollup " + chainId + "'s MACH quorum to " + pct + "%");
        }

        public static Change admitComponent(String componentId) {
            return new Change(PARAMETERS, Abi.call("admitComponent(bytes32)", (Object) key(componentId).raw()),
                    "Admit the component \"" + componentId + "\" to the catalog");
        }

        public static Change quorum(BigInteger votes) {
            return new Change(GOVERNOR, Abi.call("setQuorum(uint256)", votes), "Set the governance quorum to " + dev.rollupstudio.types.Amount.of(votes,
                    dev.rollupstudio.types.Amount.Token.ALT));
        }

        /** The Governor's {@code propose(targets, values, calldatas, description)} for this one call. */
        public byte[] proposeCall() {
            return Abi.call("propose(address[],uint256[],bytes[],string)", List.of(target), List.of(BigInteger.ZERO),
                    List.of(new Abi.DynamicBytes(data)), new Abi.DynamicBytes(description.getBytes(StandardCharsets.UTF_8)));
        }

        /** The proposal's id, as the Governor hashes it: keccak(abi.encode(targets, values, calldatas, keccak(description))). */
        public BigInteger proposalId() {
            byte[] descriptionHash = Keccak.digest(description.getBytes(StandardCharsets.UTF_8));
            return new BigInteger(1, Keccak.digest(Abi.encode(List.of(target), List.of(BigInteger.ZERO), List.of(new Abi.DynamicBytes(data)), descriptionHash)));
        }

        @Override public boolean equals(Object o) {
            return o instanceof Change c && c.target.equals(target) && Arrays.equals(c.data, data) && c.description.equals(description);
        }

        @Override public int hashCode() {
            return target.hashCode() * 31 + Arrays.hashCode(data);
        }
    }

    /** A key of {@code RollupParameters}, or a component id: the name's bytes, right-padded to 32. */
    public static Hash key(String name) {
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        if (b.length > 32) throw new IllegalArgumentException("a key is at most 32 characters: " + name);
        return Hash.of(Arrays.copyOf(b, 32));
    }

    /** The name a key was made from. */
    public static String keyName(Hash key) {
        byte[] b = key.raw();
        int n = 0;
        while (n < 32 && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    private static Hash event(String signature) {
        return Keccak.hash(signature.getBytes(StandardCharsets.US_ASCII));
    }
}
