package dev.rollupstudio.contracts;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.abi.Abi;
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
    public static final Hash PROPOSAL_CREATED = event("ProposalCreated(uint256,address,address[],uint256[],string[],bytes[],uint256,uint256,string)");

    /** OpenZeppelin's {@code IGovernor.ProposalState}, in its order. */
    public enum State { PENDING, ACTIVE, CANCELED, DEFEATED, SUCCEEDED, QUEUED, EXPIRED, EXECUTED }

    /** {@code GovernorCountingSimple}'s {@code support} values. */
    public enum Support { AGAINST, FOR, ABSTAIN }

    private Governance() {}

    /**
     * Deploys timelock, governor and parameters into an L1's genesis state (ALT must be there
     * already): voting opens {@code delayBlocks} after a proposal and lasts {@code periodBlocks}; a
     * proposer needs {@code threshold} votes, a proposal {@code quorum}; the timelock holds it {@code timelockSeconds}.
     */
    public static void deployOnL1(MutableWorldState l1, long chainId, long genesisTimestamp, long delayBlocks, long periodBlocks, BigInteger threshold,
                                  BigInteger quorum, long timelockSeconds) {
        GenesisContracts.installOnL1(l1, chainId, genesisTimestamp, TIMELOCK, Bytes.concat(Artifact.load("AltTimelock").bytecode(),
                Abi.encode(BigInteger.valueOf(timelockSeconds), GOVERNOR)));
        GenesisContracts.installOnL1(l1, chainId, genesisTimestamp, GOVERNOR, Bytes.concat(Artifact.load("AltGovernor").bytecode(),
                Abi.encode(Alt.L1_TOKEN, TIMELOCK, delayBlocks, periodBlocks, threshold, quorum)));
        GenesisContracts.installOnL1(l1, chainId, genesisTimestamp, PARAMETERS, Bytes.concat(Artifact.load("RollupParameters").bytecode(),
                Abi.encode(TIMELOCK)));
    }

    /** What a proposal does: one call the timelock makes, and the sentence voters read. */
    public record Change(Address target, byte[] data, String description) {
        /** A gas limit RollupParameters accepts (1,000,000 to 1,000,000,000): checked here, not after a vote that cannot execute. */
        public static Change gasLimit(long chainId, long gas) {
            if (gas < 1_000_000 || gas > 1_000_000_000) throw new IllegalArgumentException("a block gas limit is 1,000,000 to 1,000,000,000, not " + gas);
            return new Change(PARAMETERS, Abi.call("setGasLimit(uint256,uint256)", chainId, gas),
                    "Rollup " + chainId + ": gas limit " + String.format("%,d", gas));
        }

        public static Change feeScalars(long chainId, long baseFeeScalar, long blobBaseFeeScalar) {
            for (long v : new long[] {baseFeeScalar, blobBaseFeeScalar}) {
                if (v < 1 || v > 0xFFFF_FFFFL) throw new IllegalArgumentException("an L1 fee scalar is 1 to 4,294,967,295 (a uint32), not " + v);
            }
            return new Change(PARAMETERS, Abi.call("setFeeScalars(uint256,uint256,uint256)", chainId, baseFeeScalar, blobBaseFeeScalar),
                    "Rollup " + chainId + ": L1 fee scalars " + String.format("%,d", baseFeeScalar) + " (base) / " + String.format("%,d", blobBaseFeeScalar) + " (blob)");
        }

        public static Change machQuorum(long chainId, int pct) {
            if (pct < 1 || pct > 100) throw new IllegalArgumentException("the MACH quorum is a share of stake from 1 to 100%, not " + pct);
            return new Change(PARAMETERS, Abi.call("setMachQuorum(uint256,uint256)", chainId, pct), "Rollup " + chainId + ": MACH quorum " + pct + "%");
        }

        /** Admits {@code key} ("layer/id", as the studio's catalog names components) to the RaaS catalog. */
        public static Change admitComponent(String key) {
            if (!key.matches("[a-zA-Z]+/[a-z0-9-]+")) throw new IllegalArgumentException("name a component as layer/id (e.g. dataAvailability/local), not \"" + key + "\"");
            if (ComponentCatalog.AT_GENESIS.contains(key)) throw new IllegalArgumentException(key + " is in the RaaS catalog already");
            return new Change(ComponentCatalog.ADDRESS, Abi.call("admit(string)", new Abi.DynamicBytes(key.getBytes(StandardCharsets.UTF_8))),
                    "RaaS catalog: admit " + key);
        }

        public static Change quorum(BigInteger votes) {
            return new Change(GOVERNOR, Abi.call("setQuorum(uint256)", votes), "Governance: quorum " + dev.rollupstudio.types.Amount.of(votes,
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

    /** The kinds of change a proposal can make, each read from what a person types (the CLI's flag value, the studio's field). */
    public enum ChangeKind {
        GAS_LIMIT("Block gas limit", "gas, e.g. 60000000"),
        FEE_SCALARS("L1 fee scalars", "base,blob, e.g. 1368,810949"),
        MACH_QUORUM("MACH quorum", "percent of stake, 1 to 100"),
        QUORUM("Governance quorum", "ALT, e.g. 2000000"),
        ADMIT_COMPONENT("RaaS catalog: admit", "layer/id, e.g. dataAvailability/local");

        public final String label;
        public final String hint;

        ChangeKind(String label, String hint) {
            this.label = label;
            this.hint = hint;
        }

        /** The change for rollup {@code chainId} (ignored by the kinds that are not per rollup); a clear error for a malformed value. */
        public Change of(long chainId, String value) {
            String v = value == null ? "" : value.strip().replace("_", "");
            try {
                return switch (this) {
                    case GAS_LIMIT -> Change.gasLimit(chainId, Long.parseLong(v));
                    case FEE_SCALARS -> {
                        String[] two = v.split("\\s*,\\s*");
                        if (two.length != 2) throw new IllegalArgumentException("give the two L1 fee scalars as base,blob (e.g. 1368,810949)");
                        yield Change.feeScalars(chainId, Long.parseLong(two[0]), Long.parseLong(two[1]));
                    }
                    case MACH_QUORUM -> Change.machQuorum(chainId, Integer.parseInt(v.replace("%", "")));
                    case QUORUM -> Change.quorum(dev.rollupstudio.types.Amount.parse(v, dev.rollupstudio.types.Amount.Token.ALT).units());
                    case ADMIT_COMPONENT -> Change.admitComponent(v);
                };
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(label + ": \"" + value + "\" is not a number (" + hint + ")");
            }
        }
    }

    /** A key of {@code RollupParameters}: the name's bytes, right-padded to 32. */
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
