package dev.rollupstudio.runtime.rollup;

import dev.rollupstudio.types.Address;

/** OP Stack predeploy addresses the runtime implements natively. */
public final class Predeploys {
    public static final Address SEQUENCER_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000011");
    public static final Address L2_TO_L1_MESSAGE_PASSER = Address.fromHex("0x4200000000000000000000000000000000000016");
    public static final Address BASE_FEE_VAULT = Address.fromHex("0x4200000000000000000000000000000000000019");
    public static final Address L1_FEE_VAULT = Address.fromHex("0x420000000000000000000000000000000000001a");

    private Predeploys() {}
}
