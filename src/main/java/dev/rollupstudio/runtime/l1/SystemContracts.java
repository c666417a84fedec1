package dev.rollupstudio.runtime.l1;

import dev.rollupstudio.contracts.StandardBridge;
import dev.rollupstudio.chain.abi.Abi;
import dev.rollupstudio.evm.Evm;
import dev.rollupstudio.evm.NativeContract;
import dev.rollupstudio.state.MutableWorldState;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Bytes;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each rollup's contracts live on the embedded L1 and what runs there. They are native
 * (Java behind OP Stack's ABIs, see {@link OptimismPortal} and {@link L2OutputOracle}): their
 * state is world state, so the L1 state root commits to it, and their calls revert like any
 * other. Each address holds one byte of code (0xFE) so wallets and EXTCODESIZE see a contract.
 */
public final class SystemContracts {
    static final byte[] MARKER_CODE = {(byte) 0xFE};
    private final Map<Address, NativeContract> natives = new HashMap<>();
    private final Map<Address, Long> portals = new HashMap<>();

    public static Address portal(long chainId) {
        return derived("OptimismPortal", chainId);
    }

    public static Address outputOracle(long chainId) {
        return derived("L2OutputOracle", chainId);
    }

    /** The account allowed to propose outputs for a chain: the runtime's proposer. */
    public static Address proposer(long chainId) {
        return derived("Proposer", chainId);
    }

    private static Address derived(String name, long chainId) {
        return StandardBridge.onL1(name, chainId);
    }

    /** The rollup's L1StandardBridge (Solidity, see {@link StandardBridge}). */
    public static Address standardBridge(long chainId) {
        return StandardBridge.l1Bridge(chainId);
    }

    /**
     * Installs a rollup's portal, output oracle and standard bridge (idempotent); withdrawals wait
     * {@code challengeWindowMillis} after their proof; {@code gasToken}: the ERC-20 its native coin is, or null for ETH.
     */
    void register(long chainId, long challengeWindowMillis, Address gasToken, MutableWorldState state) {
        natives.put(portal(chainId), new OptimismPortal(chainId, challengeWindowMillis / 1000, gasToken));
        portals.put(portal(chainId), chainId);
        natives.put(outputOracle(chainId), new L2OutputOracle(chainId, challengeWindowMillis / 1000));
        for (Address a : new Address[] {portal(chainId), outputOracle(chainId)}) {
            if (!state.hasCode(a)) state.setCode(a, MARKER_CODE);
        }
        StandardBridge.deployOnL1(state, EmbeddedL1.CHAIN_ID, chainId, portal(chainId));
    }

    public Map<Address, NativeContract> natives() {
        return natives;
    }

    /** The rollup whose portal is at {@code a}, or null. */
    Long chainOfPortal(Address a) {
        return portals.get(a);
    }

    /** A revert with Solidity's Error(string) payload, as a require with a message gives. */
    static Evm.Result revert(long gas, String reason) {
        return new Evm.Result(false, gas, Bytes.concat(Abi.ERROR_SELECTOR, Abi.encodeString(reason)), true, "reverted");
    }

    static Evm.Result ok(long gas, byte[] output) {
        return new Evm.Result(true, gas, output, false, null);
    }
}
