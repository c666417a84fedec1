package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.types.Address;

/** OP Stack predeploy addresses the runtime implements natively. */
public final class Predeploys {
    public static final Address SEQUENCER_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000011");
    public static final Address L2_TO_L1_MESSAGE_PASSER = dev.rollupstudio.contracts.StandardBridge.MESSAGE_PASSER;
    public static final Address L2_STANDARD_BRIDGE = dev.rollupstudio.contracts.StandardBridge.L2_BRIDGE;
    public static final Address BASE_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000019");
    public static final Address L1_FEE_VAULT = Address.fromHex("0x420000000000000000000000000000000000001a");

    private Predeploys() {}

    /** The predeploys a rollup's EVM runs in Java (the message passer), for calls made outside a block. */
    public static java.util.Map<Address, dev.rollupstudio.evm.NativeContract> natives() {
        return MessagePasser.ON_L2;
    }
}
