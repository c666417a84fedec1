package dev.rollupstudio.contracts;

import dev.rollupstudio.chain.Keccak;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.state.Genesis;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import dev.rollupstudio.types.Wei;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The ERC-20 standard bridge between the L1 and each rollup (our Solidity, in the OP Stack's
 * ABI): an {@code L1StandardBridge} per rollup on L1, written when the rollup registers there,
 * and the {@code L2StandardBridge} predeploy in every rollup's genesis. Each knows the other's
 * address from its constructor; they reach each other through the rollup's portal and the
 * L2ToL1MessagePasser.
 */
public final class StandardBridge {
    /** The OP Stack's L2StandardBridge predeploy. */
    public static final Address L2_BRIDGE = Address.fromHex("0x4200000000000000000000000000000000000010");
    /** The OP Stack's L2ToL1MessagePasser predeploy (native in our rollups; one byte of code so calls to it are calls to a contract). */
    public static final Address MESSAGE_PASSER = Address.fromHex("0x4200000000000000000000000000000000000016");
    private static final byte[] MARKER_CODE = {(byte) 0xFE};
    private static final long GAS = 30_000_000;

    private StandardBridge() {}

    /** Where a rollup's contract {@code name} lives on the L1: keccak(name . chainId), its low 20 bytes. */
    public static Address onL1(String name, long chainId) {
        byte[] h = Keccak.digest(Bytes.concat(name.getBytes(StandardCharsets.US_ASCII), Abi.word(BigInteger.valueOf(chainId))));
        return Address.of(Arrays.copyOfRange(h, 12, 32));
    }

    public static Address l1Bridge(long chainId) {
        return onL1("L1StandardBridge", chainId);
    }

    /** Writes rollup {@code chainId}'s L1 bridge (talking to {@code portal}) into the L1 state, unless it is there. */
    public static void deployOnL1(MutableWorldState l1, long l1ChainId, long chainId, Address portal) {
        Address at = l1Bridge(chainId);
        if (l1.hasCode(at)) return;
        byte[] initcode = Bytes.concat(Artifact.load("L1StandardBridge").bytecode(), Abi.encode(portal, L2_BRIDGE));
        Genesis.Alloc a = GenesisContracts.deploy(l1ChainId, 0, GAS, BigInteger.ONE, at, initcode);
        l1.setNonce(at, a.nonce());
        l1.setCode(at, a.code());
    }

    /** The rollup genesis accounts of the bridge: the L2 bridge (its L1 twin in its code) and the message passer's marker. */
    static Map<Address, Genesis.Alloc> onL2(Genesis genesis) {
        byte[] initcode = Bytes.concat(Artifact.load("L2StandardBridge").bytecode(), Abi.encode(l1Bridge(genesis.chainId())));
        return Map.of(L2_BRIDGE, GenesisContracts.deploy(genesis.chainId(), genesis.timestamp(), genesis.gasLimit(), genesis.baseFeePerGas(), L2_BRIDGE, initcode),
                MESSAGE_PASSER, new Genesis.Alloc(Wei.ZERO, 0, MARKER_CODE, Map.of()));
    }
}
