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
    /** The stakers' share of the Rollup-as-a-Service fees the treasury took in an epoch, paid into the vault with the emission. */
    public static final int FEE_SHARE_PCT = 50;
    private static final dev.rollupstudio.types.Hash TRANSFER = dev.rollupstudio.chain.Keccak.hash("Transfer(address,address,uint256)".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private StakedAlt() {}

    /**
     * The epoch's staking reward: {@link #EPOCH_EMISSION} ALT from the staking reserve and
     * {@link #FEE_SHARE_PCT}% of the epoch's RaaS fees ({@code raasFees}) from the treasury, into the
     * vault, which raises every stALT's worth; nothing while no one stakes (the first staker would
     * take it all) or where the vault is not deployed. Returns what was paid.
     */
    public static BigInteger payEpochReward(MutableWorldState l1, long chainId, BigInteger raasFees) {
        if (!l1.hasCode(ADDRESS) || Alt.totalSupply(l1, ADDRESS).signum() == 0) return BigInteger.ZERO;
        BigInteger emission = EPOCH_EMISSION.min(Alt.balance(l1, Alt.L1_TOKEN, Alt.STAKING_RESERVE));
        if (emission.signum() > 0) Alt.devnetTransfer(l1, chainId, Alt.STAKING_RESERVE, ADDRESS, emission);
        BigInteger fees = raasFees.multiply(BigInteger.valueOf(FEE_SHARE_PCT)).divide(BigInteger.valueOf(100)).min(Alt.balance(l1, Alt.L1_TOKEN, Alt.TREASURY));
        if (fees.signum() > 0) Alt.devnetTransfer(l1, chainId, Alt.TREASURY, ADDRESS, fees);
        return emission.add(fees);
    }

    /**
     * The RaaS fees in a block's receipts: ALT transferred to the treasury by transactions (launch
     * fees), not what slashing sends it from the operator registry.
     */
    public static BigInteger raasFees(java.util.List<dev.rollupstudio.chain.Receipt> receipts) {
        BigInteger sum = BigInteger.ZERO;
        for (dev.rollupstudio.chain.Receipt r : receipts) {
            if (!r.success()) continue;
            for (dev.rollupstudio.chain.Log log : r.logs()) {
                if (!log.address().equals(Alt.L1_TOKEN) || log.topics().size() != 3 || !log.topics().get(0).equals(TRANSFER)) continue;
                if (!topicAddress(log, 2).equals(Alt.TREASURY) || topicAddress(log, 1).equals(OperatorRegistry.ADDRESS)) continue;
                sum = sum.add(new BigInteger(1, log.data()));
            }
        }
        return sum;
    }

    private static Address topicAddress(dev.rollupstudio.chain.Log log, int i) {
        return Address.of(java.util.Arrays.copyOfRange(log.topics().get(i).raw(), 12, 32));
    }

    public static void deployOnL1(MutableWorldState l1, long chainId, long genesisTimestamp) {
        byte[] initcode = Bytes.concat(Artifact.load("StakedAlt").bytecode(), Abi.encode(Alt.L1_TOKEN, BigInteger.valueOf(COOLDOWN_SECONDS)));
        GenesisContracts.installOnL1(l1, chainId, genesisTimestamp, ADDRESS, initcode);
    }
}
