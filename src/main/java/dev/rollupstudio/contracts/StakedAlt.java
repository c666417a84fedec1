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

    private StakedAlt() {}

    public static void deployOnL1(MutableWorldState l1, long chainId, long genesisTimestamp) {
        byte[] initcode = Bytes.concat(Artifact.load("StakedAlt").bytecode(), Abi.encode(Alt.L1_TOKEN, BigInteger.valueOf(COOLDOWN_SECONDS)));
        GenesisContracts.installOnL1(l1, chainId, genesisTimestamp, ADDRESS, initcode);
    }
}
