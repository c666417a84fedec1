package dev.rollupstudio.contracts;

import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import java.math.BigInteger;
import java.util.List;

/**
 * ALT, the AltLayer token the studio's fees, stake and governance are paid in: an OpenZeppelin
 * ERC-20 (with permit and votes) on the devnet's L1 from genesis, and its bridged twin (in the
 * shape of the OP Stack's OptimismMintableERC20) at the same address on every rollup.
 *
 * <p>Supply 10,000,000,000 ALT, as AltLayer's: {@link #EACH_DEV} to each dev account,
 * {@link #STAKING} to the staking reserve, the rest to the Rollup-as-a-Service treasury. The
 * reserve and the treasury are addresses no key opens, held by the devnet itself.
 */
public final class Alt {
    public static final Address L1_TOKEN = Address.fromHex("0xA170000000000000000000000000000000000001");
    /** Bridged ALT, at this address on every rollup. */
    public static final Address L2_TOKEN = Address.fromHex("0xA170000000000000000000000000000000000002");
    public static final Address TREASURY = Address.fromHex("0xA170000000000000000000000000000000000003");
    public static final Address STAKING_RESERVE = Address.fromHex("0xA170000000000000000000000000000000000004");
    /** The OP Stack's L2StandardBridge predeploy: the only minter and burner of bridged ALT. */
    public static final Address L2_BRIDGE = StandardBridge.L2_BRIDGE;

    public static final int DECIMALS = 18;
    private static final BigInteger ONE_ALT = BigInteger.TEN.pow(DECIMALS);
    public static final BigInteger SUPPLY = BigInteger.valueOf(10_000_000_000L).multiply(ONE_ALT);
    public static final BigInteger EACH_DEV = BigInteger.valueOf(1_000_000).multiply(ONE_ALT);
    public static final BigInteger STAKING = BigInteger.valueOf(3_000_000_000L).multiply(ONE_ALT);

    private Alt() {}

    /** The treasury's share: what the dev accounts and the reserve leave of the supply. */
    public static BigInteger treasuryShare(int devAccounts) {
        return SUPPLY.subtract(EACH_DEV.multiply(BigInteger.valueOf(devAccounts))).subtract(STAKING);
    }

    /**
     * Deploys ALT into an L1's genesis state: the constructor runs in our EVM (as the L1's own
     * chain id and genesis time see it, which permit's domain separator binds) and its code and
     * storage are written at {@link #L1_TOKEN}.
     */
    public static void deployOnL1(MutableWorldState l1, long chainId, long genesisTimestamp, List<Address> devs) {
        byte[] initcode = Bytes.concat(Artifact.load("AltToken").bytecode(),
                Abi.encode(devs, EACH_DEV, STAKING_RESERVE, STAKING, TREASURY));
        GenesisContracts.installOnL1(l1, chainId, genesisTimestamp, L1_TOKEN, initcode);
    }

    /**
     * An ALT transfer run in our EVM outside any block, as the devnet's own act: when a rollup whose
     * native coin is ALT registers on the L1, the treasury backs the rollup's genesis balances in
     * its portal; when an ephemeral rollup settles, its portal and bridge pay its holders out. Its
     * Transfer log goes nowhere; balances, supply and votes stay consistent.
     */
    public static void devnetTransfer(MutableWorldState l1, long chainId, Address from, Address to, BigInteger amount) {
        DevnetCall.run(l1, chainId, from, L1_TOKEN, BigInteger.ZERO, Abi.call("transfer(address,uint256)", to, amount), "ALT could not move from " + from);
    }

    /** ALT held by {@code holder} in {@code state} (the L1 token, or bridged ALT on a rollup: both keep OpenZeppelin's layout). */
    public static BigInteger balance(dev.rollupstudio.state.WorldState state, Address token, Address holder) {
        return state.storage(token, balanceSlot(holder));
    }

    /** OpenZeppelin ERC20's {@code _balances[holder]}: the mapping is the contract's first slot. */
    public static dev.rollupstudio.types.Hash balanceSlot(Address holder) {
        return dev.rollupstudio.chain.Keccak.hash(Bytes.concat(Abi.encode(holder), new byte[32]));
    }

    /** OpenZeppelin ERC20's {@code _totalSupply}, its third slot. */
    public static BigInteger totalSupply(dev.rollupstudio.state.WorldState state, Address token) {
        return state.storage(token, dev.rollupstudio.types.Hash.of(Abi.word(BigInteger.TWO)));
    }

    static byte[] bridgedInitcode() {
        return Bytes.concat(Artifact.load("BridgedAlt").bytecode(), Abi.encode(L1_TOKEN, L2_BRIDGE));
    }
}
