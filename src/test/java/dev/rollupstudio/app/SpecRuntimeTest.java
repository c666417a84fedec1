package dev.rollupstudio.app;

import dev.rollupstudio.workload.Load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rollupstudio.spec.component.AltGas;
import dev.rollupstudio.spec.component.Celestia;
import dev.rollupstudio.spec.component.Squad;
import dev.rollupstudio.spec.component.ZkStack;
import dev.rollupstudio.spec.component.ZkValidityProofs;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.event.BatchPosted;
import dev.rollupstudio.runtime.event.BlockSealed;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.config.SequencerSet;
import dev.rollupstudio.spec.Choice;
import dev.rollupstudio.spec.Estimate;
import dev.rollupstudio.spec.Estimator;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.spec.StackSpec;
import dev.rollupstudio.spec.Workload;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.workload.TransferWorkload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Runtimes built from specs: the measured behaviour follows the composed layers. */
class SpecRuntimeTest {
    private static final Prices PRICES = Prices.defaults();
    private static final double TPS = 200;

    private static RollupRuntime run(StackSpec spec, double tps, long txs, long simMillis) {
        RollupRuntime rt = RollupRuntime.inMemory(SpecRuntimes.options(spec, PRICES, RuntimeOptions.defaults().withSeed(21)));
        Load.start(rt, tps, 0, false, txs);
        rt.runFor(simMillis);
        return rt;
    }

    /** DA cost per transaction the runtime actually paid, in USD, at the estimator's prices. */
    private static double measuredDaUsdPerTx(RollupRuntime rt, List<BatchPosted> batches) {
        double l1Wei = batches.stream().mapToDouble(b -> b.l1Fee().value().doubleValue()).sum();
        double network = batches.stream().mapToDouble(b -> b.daFee().amount()).sum();
        double networkUsd = switch (rt.node().da().feeUnit()) {
            case "utia" -> network * 1e-6 * PRICES.tiaUsd();
            case "USD" -> network;
            default -> 0;
        };
        long txs = batches.stream().mapToLong(BatchPosted::txCount).sum();
        return (l1Wei * 1e-18 * PRICES.ethUsd() + networkUsd) / txs;
    }

    /**
     * The workload the generator offers, read off a sample of 2,000 of its transfers before any
     * run: their mean signed size, and how well zlib (the batcher's codec) compresses them.
     */
    private static Workload generatedWorkload(double tps) {
        RollupRuntime rt = RollupRuntime.inMemory(RuntimeOptions.defaults().withSeed(21));
        TransferWorkload load = new TransferWorkload(rt.accounts(), rt.options().senders(), rt.options().rollup().chainId(), 21, rt.node().state(), 0);
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        List<dev.rollupstudio.chain.Transaction> sample = load.next(2_000, rt.node().chain().head().header().baseFeePerGas());
        sample.forEach(t -> raw.writeBytes(t.encoded()));
        java.util.zip.Deflater d = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION);
        d.setInput(raw.toByteArray());
        d.finish();
        byte[] buf = new byte[raw.size()];
        int compressed = d.deflate(buf);
        d.end();
        return new Workload(tps, raw.size() / 2_000.0, compressed / (double) raw.size(), 21_000);
    }

    /**
     * The estimate is made before the run, from the spec, the workload (the generator's transfer
     * size and zlib ratio) and the prices the runtime's L1 starts from; the run then pays what it
     * pays, frame overheads, partly filled blobs and wandering L1 fees included. Proven: within 3%
     * (seen: 0.0% for blobs, 0.1% for Celestia). With op-batcher's generic 0.6 ratio in place of
     * the measured 0.74 the estimate is 20% low, which is why the workload's own ratio is used.
     */
    @Test
    void measuredDaCostPerTransactionIsWithinThreePercentOfTheEstimateMadeBeforeTheRun() {
        StackSpec blobs = Presets.get("op-stack-blobs");
        StackSpec celestia = blobs.with(Layer.DATA_AVAILABILITY, Choice.of(Celestia.ID).with("bridgedToL1", true));
        Workload w = generatedWorkload(TPS);
        for (StackSpec spec : List.of(blobs, celestia)) {
            Estimate e = Estimator.estimate(spec, w, PRICES);
            List<BatchPosted> batches = new ArrayList<>();
            RollupRuntime rt = RollupRuntime.inMemory(SpecRuntimes.options(spec, PRICES, RuntimeOptions.defaults().withSeed(21)));
            rt.events().subscribe(ev -> {
                if (ev instanceof BatchPosted b) batches.add(b);
            });
            // steady load for the whole measurement: the channel still open at the end is not counted
            Load.start(rt, TPS, 0, false, Long.MAX_VALUE);
            rt.runFor(6 * 60_000);
            assertThat(batches).hasSizeGreaterThan(5);
            double measured = measuredDaUsdPerTx(rt, batches);
            System.out.printf("DA cost per tx, %s: measured $%.3e, estimated $%.3e (%+.1f%%)%n", rt.node().da().name(), measured,
                    e.costPerTx().da(), 100 * (measured / e.costPerTx().da() - 1));
            assertThat(measured).as(spec.component(Layer.DATA_AVAILABILITY).name() + ": measured %s vs estimated %s", measured, e.costPerTx().da())
                    .isBetween(e.costPerTx().da() * 0.97, e.costPerTx().da() * 1.03);
            assertThat(rt.node().derivation().mismatches()).isZero();
        }
    }

    @Test
    void blockTimeAndGasLimitComeFromTheExecutionLayer() {
        RollupRuntime orbit = run(Presets.get("orbit-celestia"), 10, 100, 60_000);
        assertThat(orbit.node().chain().head().number()).isEqualTo(240); // 60 s of 250 ms blocks
        assertThat(orbit.node().chain().head().header().gasLimit()).isEqualTo(32_000_000);
    }

    @Test
    void basedSequencingBuildsOneBlockPerL1Slot() {
        RollupRuntime rt = run(Presets.get("based-zk"), 10, 100, 120_000);
        assertThat(rt.node().chain().head().number()).isEqualTo(rt.l1().head().number());
        assertThat(rt.node().chain().head().header().timestamp() * 1000).isEqualTo(rt.l1().head().timestampMillis());
    }

    @Test
    void squadRotatesTheCoinbaseAmongOperators() {
        StackSpec s = Presets.get("op-stack-blobs").with(Layer.SEQUENCING, Choice.of(Squad.ID).with("operators", 3L).with("rotationBlocks", 5L));
        RollupRuntime rt = RollupRuntime.inMemory(SpecRuntimes.options(s, PRICES, RuntimeOptions.defaults()));
        Set<Address> coinbases = new HashSet<>();
        rt.events().subscribe(e -> {
            if (e instanceof BlockSealed b) coinbases.add(b.block().header().coinbase());
        });
        Load.start(rt, 50, 0, false, 1_000);
        rt.runFor(60_000);
        assertThat(coinbases).containsExactlyInAnyOrder(SequencerSet.operatorAddress(0), SequencerSet.operatorAddress(1), SequencerSet.operatorAddress(2));
        assertThat(rt.node().state().balance(SequencerSet.operatorAddress(0)).isZero()).isFalse(); // operators earn the tips
        assertThat(rt.node().derivation().mismatches()).isZero();
    }

    @Test
    void proofSystemsAndMachDecideWhenBlocksAreFinal() {
        RollupRuntime optimistic = run(Presets.get("op-stack-blobs"), 20, 1_000, 20 * 60_000);
        RollupRuntime zk = run(Presets.get("op-stack-blobs").with(Layer.EXECUTION, Choice.of(ZkStack.ID))
                .with(Layer.PROOFS, Choice.of(ZkValidityProofs.ID).with("provingLatencySeconds", 900L)), 20, 1_000, 20 * 60_000);
        RollupRuntime mach = run(Presets.get("ephemeral-nft-mint"), 20, 1_000, 20 * 60_000);
        // optimistic: final when the batch's L1 block is final (withdrawals wait the window)
        assertThat(optimistic.node().heads().finalized()).isPositive().isLessThan(optimistic.node().heads().safe());
        // validity: also waits for each output's proof (15 min after the output)
        assertThat(zk.node().heads().finalized()).isPositive().isLessThanOrEqualTo(zk.node().heads().safe()); // it moved, and no further than the proofs
        long zkFinalSeconds = zk.node().chain().block(zk.node().heads().finalized()).header().timestamp() - zk.node().genesis().timestamp();
        assertThat(zkFinalSeconds).isLessThanOrEqualTo(20 * 60 - 900);
        // MACH: a quorum of operators finalizes blocks seconds after they are sealed
        assertThat(mach.node().heads().finalized()).isGreaterThan(mach.node().heads().safe());
        assertThat(mach.node().heads().unsafe() - mach.node().heads().finalized()).isLessThan(10);
    }

    @Test
    void aNonEthGasTokenPaysTheL1DataFeeAtItsPrice() {
        RollupRuntime eth = run(Presets.get("op-stack-blobs"), 20, 200, 60_000);
        RollupRuntime alt = run(Presets.get("op-stack-blobs").with(Layer.GAS_TOKEN, Choice.of(AltGas.ID)), 20, 200, 60_000);
        var vault = dev.rollupstudio.runtime.rollup.Predeploys.L1_FEE_VAULT;
        double ratio = alt.node().state().balance(vault).toEther() / eth.node().state().balance(vault).toEther();
        assertThat(ratio).isCloseTo(PRICES.ethUsd() / PRICES.altUsd(), org.assertj.core.api.Assertions.withinPercentage(1));
    }

    @Test
    void anInvalidStackCannotLaunchAndSaysWhy() {
        StackSpec bad = Presets.get("op-stack-blobs").with(Layer.PROOFS, Choice.of(ZkValidityProofs.ID));
        assertThatThrownBy(() -> SpecRuntimes.options(bad, PRICES, RuntimeOptions.defaults()))
                .hasMessageStartingWith("the stack cannot launch: $.layers.proofs.component: validity proofs need a ZK-capable stack");
    }
}
