package dev.rollupstudio.runtime;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.workload.Load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.chain.TxEncoder;
import dev.rollupstudio.chain.TxType;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.runtime.event.BatchPosted;
import dev.rollupstudio.runtime.event.VerifierFinding;
import dev.rollupstudio.runtime.event.TxRejected;
import dev.rollupstudio.runtime.rollup.TxRejection;
import dev.rollupstudio.state.DevGenesis;
import dev.rollupstudio.state.Genesis;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.wallet.DevAccounts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the runtime behaves as a whole: determinism, DA modes, blob competition, node-level refusals. */
class RuntimeBehaviourTest {

    private static RollupRuntime run(RuntimeOptions options, double tps, long txs, long simMillis) {
        RollupRuntime rt = RollupRuntime.inMemory(options);
        Load.start(rt, tps, 0.01, true, txs);
        rt.runFor(simMillis);
        return rt;
    }

    @Test
    void theSameSeedGivesTheSameChainAndAnotherSeedAnother() {
        RuntimeOptions o = RuntimeOptions.defaults();
        RollupRuntime a = run(o.withSeed(11), 200, 2_000, 60_000);
        RollupRuntime b = run(o.withSeed(11), 200, 2_000, 60_000);
        RollupRuntime c = run(o.withSeed(12), 200, 2_000, 60_000);
        assertThat(a.node().chain().head().hash()).isEqualTo(b.node().chain().head().hash());
        assertThat(a.l1().head().hash()).isEqualTo(b.l1().head().hash());
        assertThat(c.node().chain().head().hash()).isNotEqualTo(a.node().chain().head().hash());
    }

    @Test
    void aBacklogTenTimesABlockDrainsWithoutStalling() {
        RollupRuntime rt = RollupRuntime.inMemory(RuntimeOptions.defaults().withSeed(5));
        // 15,000 transfers at once against ~1,428 per 30M-gas block; fee caps of 2x the base fee
        // fall below it as full blocks push it up, so the pool must wait out the base fee and resume.
        rt.submitAll(new dev.rollupstudio.workload.TransferWorkload(rt.accounts(), 80, 901, 5, rt.node().state(), 0)
                .next(15_000, rt.node().chain().head().header().baseFeePerGas()));
        assertThat(rt.metrics().rejectedCount()).isZero();
        rt.runFor(20 * 60_000);
        assertThat(rt.metrics().includedCount()).isEqualTo(15_000);
        assertThat(rt.node().pool().size()).isZero();
    }

    @Test
    void calldataBatchesAreDerivedLikeBlobBatches() {
        RuntimeOptions o = RuntimeOptions.defaults();
        RollupRuntime rt = RollupRuntime.inMemory(o.withRollup(o.rollup().withCalldata()));
        List<Object> mismatches = new ArrayList<>();
        List<BatchPosted> batches = new ArrayList<>();
        rt.events().subscribe(e -> {
            if (e instanceof VerifierFinding m) mismatches.add(m);
            if (e instanceof BatchPosted p) batches.add(p);
        });
        Load.start(rt, 200, 0.01, true, 4_000);
        rt.runFor(5 * 60_000);
        assertThat(mismatches).isEmpty();
        assertThat(batches).isNotEmpty().allMatch(p -> p.blobs() == 0);
        assertThat(rt.node().heads().safe()).isGreaterThan(20);
        assertThat(rt.metrics().daFees().isZero()).isFalse();
    }

    @Test
    void underBlobPressurePostingWaitsAndPaysMore() {
        RuntimeOptions o = RuntimeOptions.defaults().withSeed(3);
        List<BatchPosted> calmBatches = new ArrayList<>();
        List<BatchPosted> busyBatches = new ArrayList<>();
        RollupRuntime calm = loaded(o.withL1(o.l1().withBackgroundBlobs(2)), calmBatches);
        RollupRuntime busy = loaded(o.withL1(o.l1().withBackgroundBlobs(8)), busyBatches);
        assertThat(busyBatches).hasSizeGreaterThan(2);
        double calmWait = calmBatches.stream().mapToLong(BatchPosted::l1WaitMillis).average().orElseThrow();
        double busyWait = busyBatches.stream().mapToLong(BatchPosted::l1WaitMillis).average().orElseThrow();
        assertThat(busyWait).isGreaterThan(calmWait);
        double calmFeePerBlob = calm.metrics().daFees().value().doubleValue() / calm.metrics().blobs();
        double busyFeePerBlob = busy.metrics().daFees().value().doubleValue() / busy.metrics().blobs();
        assertThat(busyFeePerBlob).isGreaterThan(calmFeePerBlob);
        assertThat(busy.l1().excessBlobGas()).isGreaterThan(calm.l1().excessBlobGas());
        assertThat(busy.node().derivation().mismatches()).isZero();
    }

    private static RollupRuntime loaded(RuntimeOptions options, List<BatchPosted> batches) {
        RollupRuntime rt = RollupRuntime.inMemory(options);
        rt.events().subscribe(e -> {
            if (e instanceof BatchPosted p) batches.add(p);
        });
        Load.start(rt, 1_000, 0, false, 30_000);
        rt.runFor(4 * 60_000);
        return rt;
    }

    @Test
    void malformedBytesAndOversizedInitcodeAreRefusedWithAReason() {
        DevAccounts dev = DevAccounts.derive(2);
        RollupRuntime rt = RollupRuntime.inMemory(RuntimeOptions.defaults().withGenesis(DevGenesis.of(901, dev.addresses())));
        List<TxRejected> rejected = new ArrayList<>();
        rt.events().subscribe(e -> {
            if (e instanceof TxRejected r) rejected.add(r);
        });
        TxRejection malformed = rt.node().submitRaw(new byte[] {0x02, (byte) 0xc1, 0x01}, -1);
        assertThat(malformed.reason()).isEqualTo(TxRejection.Reason.MALFORMED);
        assertThat(malformed.message()).isEqualTo("malformed transaction: an EIP-1559 transaction needs 12 fields, this one has 1");
        BigInteger gwei = BigInteger.valueOf(1_000_000_000L);
        UnsignedTransaction create = new UnsignedTransaction(TxType.DYNAMIC_FEE, 901, 0, gwei, gwei.multiply(BigInteger.TEN),
                25_000_000, null, BigInteger.ZERO, new byte[49_153], List.of());
        TxRejection big = rt.node().submit(TxEncoder.sign(create, dev.key(0)), -1);
        assertThat(big.reason()).isEqualTo(TxRejection.Reason.TX_TOO_LARGE);
        assertThat(big.message()).contains("initcode of 49153 bytes is above the 49,152-byte limit (EIP-3860)");
        assertThat(rejected).extracting(r -> r.rejection().reason()).containsExactly(TxRejection.Reason.MALFORMED, TxRejection.Reason.TX_TOO_LARGE);
    }
}
