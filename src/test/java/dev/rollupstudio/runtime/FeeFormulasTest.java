package dev.rollupstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.runtime.l1.BlobFeeMarket;
import dev.rollupstudio.runtime.config.BlobSchedule;
import dev.rollupstudio.runtime.l1.Eip1559;
import dev.rollupstudio.runtime.rollup.L1Fee;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The fee formulas of reference.md against hand-computed figures. */
class FeeFormulasTest {
    private static final BigInteger GWEI = BigInteger.valueOf(1_000_000_000L);

    @Test
    void fjordL1FeeFromFastLzLength() {
        // fastlzLen 202 (the published vector): estimatedSize = -42,585,600 + 836,500 * 202 = 126,387,400
        assertThat(L1Fee.estimatedSize(202)).isEqualTo(126_387_400L);
        // short transactions are priced at the 100e6 floor
        assertThat(L1Fee.estimatedSize(60)).isEqualTo(100_000_000L);
        // 126,387,400 * (16 * 10 gwei * 1368 + 1 * 810,949) / 1e12
        assertThat(L1Fee.fee(202, GWEI.multiply(BigInteger.TEN), BigInteger.ONE, 1368, 810_949)).isEqualTo(BigInteger.valueOf(27_663_674_214L));
    }

    @Test
    void eip1559MovesTheBaseFeeByTheGasAboveOrBelowTarget() {
        // Ethereum: a full block (2x target) raises the base fee by 1/8
        assertThat(Eip1559.nextBaseFee(GWEI, 36_000_000, 36_000_000, 2, 8)).isEqualTo(BigInteger.valueOf(1_125_000_000L));
        assertThat(Eip1559.nextBaseFee(GWEI, 0, 36_000_000, 2, 8)).isEqualTo(BigInteger.valueOf(875_000_000L));
        assertThat(Eip1559.nextBaseFee(GWEI, 18_000_000, 36_000_000, 2, 8)).isEqualTo(GWEI);
        // OP Stack: elasticity 6, denominator 50; a full block is 6x target, so +5/50 = +10%
        assertThat(Eip1559.nextBaseFee(GWEI, 30_000_000, 30_000_000, 6, 50)).isEqualTo(BigInteger.valueOf(1_100_000_000L));
        // at least 1 wei up when above target
        assertThat(Eip1559.nextBaseFee(BigInteger.ONE, 30_000_000, 30_000_000, 6, 50)).isEqualTo(BigInteger.TWO);
    }

    @Test
    void blobBaseFeeFollowsFakeExponential() {
        BigInteger f = BigInteger.valueOf(5_007_716);
        assertThat(BlobFeeMarket.fakeExponential(BigInteger.ONE, BigInteger.ZERO, f)).isEqualTo(BigInteger.ONE);
        assertThat(BlobFeeMarket.fakeExponential(BigInteger.ONE, f, f)).isEqualTo(BigInteger.TWO); // floor(e)
        BlobFeeMarket m = new BlobFeeMarket(BlobSchedule.PECTRA, 0);
        for (int i = 0; i < 10; i++) m.onBlock(9, GWEI); // 3 blobs over target each block
        assertThat(m.excessBlobGas()).isEqualTo(10L * 3 * BlobSchedule.GAS_PER_BLOB);
        assertThat(m.blobBaseFee()).isEqualTo(BlobFeeMarket.fakeExponential(BigInteger.ONE, BigInteger.valueOf(m.excessBlobGas()), f));
        for (int i = 0; i < 20; i++) m.onBlock(0, GWEI);
        assertThat(m.excessBlobGas()).isZero();
        assertThat(m.blobBaseFee()).isEqualTo(BigInteger.ONE);
    }

    @Test
    void fusakaReservePriceHoldsTheBlobFeeNearTheExecutionFee() {
        BlobFeeMarket m = new BlobFeeMarket(BlobSchedule.FUSAKA_BPO1, 0);
        for (int i = 0; i < 50; i++) m.onBlock(10, GWEI.multiply(BigInteger.TEN)); // at target, but blob fee far below the reserve
        // EIP-7918: excess grows by blobGasUsed * (max - target) / max per block instead of staying at zero
        long used = 10 * BlobSchedule.GAS_PER_BLOB;
        long max = BlobSchedule.FUSAKA_BPO1.max * BlobSchedule.GAS_PER_BLOB;
        long target = BlobSchedule.FUSAKA_BPO1.target * BlobSchedule.GAS_PER_BLOB;
        assertThat(m.excessBlobGas()).isEqualTo(50 * (used * (max - target) / max)).isEqualTo(50L * 436_906);
        BlobFeeMarket noReserve = new BlobFeeMarket(BlobSchedule.PECTRA, 0);
        for (int i = 0; i < 50; i++) noReserve.onBlock(BlobSchedule.PECTRA.target, GWEI.multiply(BigInteger.TEN));
        assertThat(noReserve.excessBlobGas()).isZero();
    }
}
