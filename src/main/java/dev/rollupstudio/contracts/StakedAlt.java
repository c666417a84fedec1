package dev.rollupstudio.contracts;

import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import java.math.BigInteger;

/**
 * Staked ALT (stALT, {@code contracts/StakedAlt.sol}): the ERC-4626 vault over ALT on the L1,
 * deployed at genesis at {@link #ADDRESS}. Rewards are ALT paid into it; unstaking waits a cooldown.
 */
public final class StakedAlt {
    public static final Address ADDRESS = Address.fromHex("0xA170000000000000000000000000000000000006");
    /** The unstaking cooldown: 7 days, on the devnet's clock. */
    public static final long COOLDOWN_SECONDS = 7 * 24 * 3600;

    /** What the staking reserve pays the vault each L1 epoch while anyone stakes: the devnet's emission, a parameter of the model. */
    public static final BigInteger EPOCH_EMISSION = BigInteger.valueOf(1_000).multiply(BigInteger.TEN.pow(18));

    private StakedAlt() {}

    /**
     * The epoch's staking reward: {@link #EPOCH_EMISSION} ALT from the staking reserve into the
     * vault, which raises every stALT's worth; nothing while no one stakes (the first staker would
     * take it all) or where the vault is not deployed. Returns what was paid.
     */
    public static BigInteger payEpochReward(MutableWorldState l1, long chainId) {
        if (!l1.hasCode(ADDRESS) || Alt.totalSupply(l1, ADDRESS).signum() == 0) return BigInteger.ZERO;
        BigInteger paid = EPOCH_EMISSION.min(Alt.balance(l1, Alt.L1_TOKEN, Alt.STAKING_RESERVE));
        if (paid.signum() > 0) Alt.devnetTransfer(l1, chainId, Alt.STAKING_RESERVE, ADDRESS, paid);
        return paid;
    }

    public static void deployOnL1(MutableWorldState l1, long chainId, long genesisTimestamp) {
        byte[] initcode = Bytes.concat(Artifact.load("StakedAlt").bytecode(), Abi.encode(Alt.L1_TOKEN, BigInteger.valueOf(COOLDOWN_SECONDS)));
        GenesisContracts.installOnL1(l1, chainId, genesisTimestamp, ADDRESS, initcode);
    }
}
