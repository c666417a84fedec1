package dev.rollupstudio.spec;

/** The embedded L1's figures that estimates use (reference.md "Ethereum L1"), and their price in USD. */
public final class L1Costs {
    /** reference.md "slot time": 12 s; "a block is final after 2 epochs (64 slots, ~12.8 min)". */
    public static final double SLOT_SECONDS = 12;
    public static final double FINALITY_SECONDS = 64 * 12;
    /** reference.md "blob": 2^17 blob gas per blob. */
    public static final double BLOB_GAS = 131_072;
    /** reference.md "calldata": EIP-7623 floor of 10 gas per token, 4 tokens per non-zero byte (compressed data is nearly all non-zero). */
    public static final double CALLDATA_GAS_PER_BYTE = 40;
    /** reference.md "execution base fee": the gas target is half the 36M limit. */
    public static final double GAS_TARGET = 18_000_000;
    /** L1 gas of a transaction without data, and of an output proposal (the embedded L1's figures). */
    public static final double TX_GAS = 21_000;
    public static final double OUTPUT_GAS = 80_000;
    /** An alt-DA commitment on L1: version byte + 32-byte hash, under the EIP-7623 floor. */
    public static final double COMMITMENT_GAS = 21_000 + 10 * 4 * 33;

    private L1Costs() {}

    /** USD of {@code gas} at the L1 base fee. */
    public static double gasUsd(double gas, Prices p) {
        return gas * p.l1BaseFeeGwei() * 1e-9 * p.ethUsd();
    }

    public static double commitmentUsd(Prices p) {
        return gasUsd(COMMITMENT_GAS, p);
    }
}
