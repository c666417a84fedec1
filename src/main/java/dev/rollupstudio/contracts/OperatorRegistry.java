package dev.rollupstudio.contracts;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.state.WorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Hash;
import java.math.BigInteger;

/**
 * The restaked operators' registry on L1 ({@code contracts/OperatorRegistry.sol}, deployed at
 * genesis at {@link #ADDRESS}): bonds in ALT and restaked ETH, opt-ins per rollup and service,
 * delegation pools, and slashing of an operator (and its pool) that signed two MACH attestations
 * at one height. The runtime reads
 * stakes from its storage (Solidity's layout: {@code bonds} is the first mapping, as OpenZeppelin's
 * reentrancy guard keeps its flag in a namespaced slot).
 */
public final class OperatorRegistry {
    public static final Address ADDRESS = Address.fromHex("0xA170000000000000000000000000000000000005");
    /** The services of the contract's {@code Service} enum, in its order. */
    public enum Service { MACH, VITAL, SQUAD }

    private OperatorRegistry() {}

    /** Deploys the registry into an L1's genesis state (ALT must be there already); slashed stake goes to the treasury. */
    public static void deployOnL1(MutableWorldState l1, long chainId, long genesisTimestamp) {
        byte[] initcode = Bytes.concat(Artifact.load("OperatorRegistry").bytecode(), Abi.encode(Alt.L1_TOKEN, Alt.TREASURY,
                BigInteger.valueOf(StakedAlt.COOLDOWN_SECONDS)));
        GenesisContracts.installOnL1(l1, chainId, genesisTimestamp, ADDRESS, initcode);
    }

    /**
     * An operator joins as the devnet's own act when its rollup registers: the staking reserve
     * lends it {@code altBond} ALT and L1 credits it {@code ethBond} (restaked ETH), which it bonds
     * with {@code register}; then it opts into {@code service} for {@code rollup}. The calls run
     * from the operator's address in our EVM, as its transactions would.
     */
    public static void join(MutableWorldState l1, long l1ChainId, Address operator, BigInteger altBond, BigInteger ethBond, long rollup, Service service) {
        if (!registered(l1, operator)) {
            Alt.devnetTransfer(l1, l1ChainId, Alt.STAKING_RESERVE, operator, altBond);
            l1.addBalance(operator, dev.rollupstudio.types.Wei.of(ethBond));
            DevnetCall.run(l1, l1ChainId, operator, Alt.L1_TOKEN, BigInteger.ZERO, Abi.call("approve(address,uint256)", ADDRESS, altBond), "the operator's approval");
            DevnetCall.run(l1, l1ChainId, operator, ADDRESS, ethBond, Abi.call("register(uint256)", altBond), "the operator's registration");
        }
        DevnetCall.run(l1, l1ChainId, operator, ADDRESS, BigInteger.ZERO, Abi.call("optIn(uint256,uint8)", BigInteger.valueOf(rollup),
                BigInteger.valueOf(service.ordinal())), "the operator's opt-in");
    }

    /** The stake behind an operator now, as the contract's {@code stakeOf}: {its ALT bond plus its pool's ALT, its ETH} in wei. */
    public static BigInteger[] stakeOf(WorldState l1, Address operator) {
        BigInteger base = new BigInteger(1, bondSlot(operator).raw());
        BigInteger pooled = l1.storage(ADDRESS, mappingSlot(operator, 3)); // pools[operator].assets: the fourth variable
        return new BigInteger[] {l1.storage(ADDRESS, bondSlot(operator)).add(pooled), l1.storage(ADDRESS, slot(base.add(BigInteger.ONE)))};
    }

    public static boolean registered(WorldState l1, Address operator) {
        return l1.storage(ADDRESS, slot(new BigInteger(1, bondSlot(operator).raw()).add(BigInteger.TWO))).signum() != 0;
    }

    /** {@code optedIn[operator][rollup][service]}: the second mapping, nested three deep. */
    public static boolean optedIn(WorldState l1, Address operator, long rollup, Service service) {
        Hash outer = Keccak.hash(Bytes.concat(Abi.encode(operator), Abi.word(BigInteger.ONE)));
        Hash middle = Keccak.hash(Bytes.concat(Abi.word(BigInteger.valueOf(rollup)), outer.raw()));
        Hash leaf = Keccak.hash(Bytes.concat(Abi.word(BigInteger.valueOf(service.ordinal())), middle.raw()));
        return l1.storage(ADDRESS, leaf).signum() != 0;
    }

    private static Hash bondSlot(Address operator) {
        return mappingSlot(operator, 0);
    }

    /** Solidity's slot of {@code key}'s entry in the mapping at slot {@code n}. */
    private static Hash mappingSlot(Address key, int n) {
        return Keccak.hash(Bytes.concat(Abi.encode(key), Abi.word(BigInteger.valueOf(n))));
    }

    private static Hash slot(BigInteger n) {
        return Hash.of(Abi.word(n));
    }
}
