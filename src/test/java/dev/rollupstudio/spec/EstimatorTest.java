package dev.rollupstudio.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rollupstudio.spec.component.EthereumCalldata;
import org.junit.jupiter.api.Test;

/** Estimator figures against cases worked by hand from reference.md. */
class EstimatorTest {
    private static final Prices PRICES = Prices.defaults(); // ETH $3,000, L1 base fee 1 gwei, blob fee 1 wei, L2 0.001 + 0.001 gwei
    private static final Workload W200 = Workload.defaults().withTps(200); // 112 B x 0.6 = 67.2 B per transaction

    @Test
    void opStackOnBlobsIsBoundByExecutionGas() {
        Estimate e = Estimator.estimate(Presets.get("op-stack-blobs"), W200, PRICES);
        // 30M gas / 2 s / 21,000 gas
        assertThat(e.executionTps()).isCloseTo(714.2857, within(1e-3));
        // Pectra target 6 blobs x 130,044 B / 12 s / 67.2 B
        assertThat(e.daTps()).isCloseTo(6 * 130_044 / 12.0 / 67.2, within(1e-6));
        assertThat(e.throughputCeilingTps()).isEqualTo(e.executionTps());
        assertThat(e.bindingLayer()).isEqualTo("execution gas/s");
        // 21,000 gas x 0.002 gwei x $3,000
        assertThat(e.costPerTx().execution()).isCloseTo(1.26e-4, within(1e-12));
        // a channel fills for 54 s (200 x 54 x 67.2 = 725,760 B, under the 780,264 B of six blobs): 6 blobs in 1 transaction;
        // (6 x 131,072 x 1e-9 + 21,000 x 1) gwei over 10,800 transactions
        double txs = 200 * 54;
        assertThat(e.costPerTx().da()).isCloseTo((6 * 131_072 * 1e-9 + 21_000) * 1e-9 * 3_000 / txs, within(1e-15));
        // an 80,000-gas output every 30 blocks of 2 s at 200 tx/s
        assertThat(e.costPerTx().settlement()).isCloseTo(80_000 * 1e-9 * 3_000 / 12_000, within(1e-15));
        // soft: one block; safe: + channel time (54 s, before six blobs fill at 13,440 B/s) + one slot; final: + 64 slots + 7 days
        double fill = 54;
        assertThat(e.timeToFinality().softSeconds()).isEqualTo(2);
        assertThat(e.timeToFinality().safeSeconds()).isCloseTo(2 + fill + 12, within(1e-9));
        assertThat(e.timeToFinality().finalSeconds()).isCloseTo(2 + fill + 12 + 768 + 604_800, within(1e-9));
    }

    @Test
    void calldataIsBoundByL1GasAndPricedAtTheEip7623Floor() {
        StackSpec s = Presets.get("op-stack-blobs").with(Layer.DATA_AVAILABILITY, Choice.of(EthereumCalldata.ID)).withParam(Layer.EXECUTION, "gasLimit", 200_000_000L);
        Estimate e = Estimator.estimate(s, Workload.defaults().withTps(1_000), PRICES);
        // 18M gas target / 40 gas per byte / 12 s / 67.2 B
        assertThat(e.daTps()).isCloseTo(18_000_000 / 40.0 / 12 / 67.2, within(1e-9));
        assertThat(e.bindingLayer()).isEqualTo("L1 calldata gas");
        // a calldata channel is one 120,000-byte frame in one transaction: 120,000 x 40 + 21,000 gas
        double bytes = 120_000;
        double gas = bytes * 40 + 21_000;
        assertThat(e.costPerTx().da()).isCloseTo(gas * 1e-9 * 3_000 / (bytes / 67.2), within(1e-12));
    }

    @Test
    void celestiaPaysPerShareInTiaPlusAnL1Commitment() {
        StackSpec s = Presets.get("orbit-celestia");
        Estimate e = Estimator.estimate(s, Workload.defaults().withTps(10), PRICES);
        // Orbit: 7M gas/s speed limit binds before 32M gas / 250 ms
        assertThat(e.executionTps()).isCloseTo(7_000_000 / 21_000.0, within(1e-9));
        // 8 MiB / 6 s / 67.2 B
        assertThat(e.daTps()).isCloseTo(8 * 1024 * 1024 / 6.0 / 67.2, within(1e-9));
        // 10 tx/s x 54 s x 67.2 B = 36,288 B = 71 shares: 8 x 512 x 71 + 65,000 gas at 0.002 utia, TIA $2;
        // plus a 22,320-gas commitment on L1
        double tia = (8 * 512 * 71 + 65_000) * 0.002 * 1e-6;
        double usd = tia * 2.0 + 22_320 * 1e-9 * 3_000;
        assertThat(e.costPerTx().da()).isCloseTo(usd / 540, within(1e-15));
        // safe: one 250 ms block + a 54 s channel + a Celestia block + an L1 slot
        assertThat(e.timeToFinality().safeSeconds()).isCloseTo(0.25 + 54 + 6 + 12, within(1e-9));
    }

    @Test
    void finalityComesFromMachOrProofsOrL1() {
        Estimate zk = Estimator.estimate(Presets.get("based-zk"), W200, PRICES);
        assertThat(zk.timeToFinality().softSeconds()).isEqualTo(12); // based: one block per L1 slot
        assertThat(zk.timeToFinality().finalSeconds()).isCloseTo(zk.timeToFinality().safeSeconds() + 3_600 + 768, within(1e-9));
        Estimate mach = Estimator.estimate(Presets.get("zk-eigenda-mach"), W200, PRICES);
        assertThat(mach.timeToFinality().finalSeconds()).isEqualTo(1 + 4.0);
        assertThat(mach.timeToFinality().finalBy()).isEqualTo("MACH quorum");
        Estimate none = Estimator.estimate(Presets.get("sovereign-devnet"), W200, PRICES);
        assertThat(none.timeToFinality().finalSeconds()).isCloseTo(none.timeToFinality().safeSeconds() + 768, within(1e-9));
    }
}
