package dev.rollupstudio.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.chain.TxEncoder;
import dev.rollupstudio.chain.UnsignedTransaction;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.config.DaConfig;
import dev.rollupstudio.runtime.config.DaModel;
import dev.rollupstudio.runtime.da.DataAvailabilityLayer;
import dev.rollupstudio.runtime.da.ExternalDa;
import dev.rollupstudio.runtime.da.Frame;
import dev.rollupstudio.runtime.event.VerifierFinding;
import dev.rollupstudio.runtime.event.VerifierFinding.Kind;
import dev.rollupstudio.runtime.l1.BatcherTx;
import dev.rollupstudio.runtime.rollup.Derivation;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.runtime.rollup.SingularBatch;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.types.Hash;
import dev.rollupstudio.workload.Load;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/**
 * The verifier fed what a faulty or hostile batcher, proposer or DA network puts on L1. Each
 * fault is found, published as an event and counted in the run report; derivation carries on;
 * and the verifier's state still equals the honest chain's at its safe head.
 */
class VerifierFailureTest {
    private final List<VerifierFinding> findings = new ArrayList<>();

    private RollupRuntime start(RuntimeOptions options) {
        RollupRuntime rt = RollupRuntime.inMemory(options.withSeed(11));
        rt.events().subscribe(e -> {
            if (e instanceof VerifierFinding f) findings.add(f);
        });
        Load.start(rt, 20, 0, false, Long.MAX_VALUE);
        return rt;
    }

    private static void assertMatchesHonestChain(RollupRuntime rt) {
        Derivation v = rt.node().derivation();
        SealedBlock honest = rt.node().chain().block(v.safeHead());
        assertThat(v.safeHash()).isEqualTo(honest.hash());
        assertThat(v.stateRoot()).isEqualTo(honest.header().stateRoot());
        assertThat(v.mismatches()).isZero();
    }

    /** Puts a batcher transaction carrying this payload into the rollup's L1 inbox. */
    private static void post(RollupRuntime rt, byte[] payload) {
        rt.l1().submitBatch(new BatcherTx(rt.options().rollup().chainId(), 1_000_000 + payload.length, payload, 0, rt.scheduler().now(),
                rt.l1().head().number(), -1, null, -1), tx -> {});
    }

    /** One batch as a channel in one frame, zlib-compressed as the batcher does. */
    private static byte[] channel(SingularBatch batch) {
        Deflater d = new Deflater();
        d.setInput(batch.encode());
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) out.write(buf, 0, d.deflate(buf));
        d.end();
        return DataAvailabilityLayer.payload(List.of(new Frame(new byte[16], 0, out.toByteArray(), true)));
    }

    private void runUntilFound(RollupRuntime rt, Kind kind) {
        for (int i = 0; i < 600 && findings.stream().noneMatch(f -> f.kind() == kind); i++) rt.runFor(1_000);
        assertThat(findings).as("a %s finding", kind).anyMatch(f -> f.kind() == kind);
    }

    @Test
    void corruptedBatcherDataIsDroppedAndDerivationCarriesOn() {
        RollupRuntime rt = start(RuntimeOptions.defaults());
        rt.runFor(30_000);
        byte[] garbage = channel(new SingularBatch(Hash.ZERO, 0, Hash.ZERO, 0, List.of()));
        garbage[30] ^= 0x5A; // inside the compressed channel
        post(rt, garbage);
        post(rt, new byte[] {7, 1, 2, 3}); // an unknown derivation version
        runUntilFound(rt, Kind.BATCH_DROPPED);
        long safeAtFault = rt.node().derivation().safeHead();
        rt.runFor(60_000);

        assertThat(findings).extracting(VerifierFinding::kind).containsExactly(Kind.BATCH_DROPPED, Kind.BATCH_DROPPED);
        assertThat(findings).extracting(VerifierFinding::what).anyMatch(w -> w.contains("does not decode, dropped"))
                .anyMatch(w -> w.contains("unreadable batcher data") && w.contains("unknown derivation version"));
        assertThat(rt.node().derivation().safeHead()).isGreaterThan(safeAtFault + 20);
        assertMatchesHonestChain(rt);
        Map<String, Object> der = (Map<String, Object>) RunReport.of(rt, 1).get("derivation");
        assertThat(der).containsEntry("ok", false).containsEntry("droppedBatches", 2L).containsEntry("mismatches", 0L);
        assertThat(RunReport.summary(RunReport.of(rt, 1))).contains("derivation FOUND droppedBatches=2");
    }

    @Test
    void aBatchWithABadTransactionIsDroppedWholeLeavingNoTrace() {
        RollupRuntime rt = start(RuntimeOptions.defaults());
        rt.runFor(30_000);
        Derivation v = rt.node().derivation();
        SealedBlock safe = rt.node().chain().block(v.safeHead());
        long chain = rt.options().rollup().chainId();
        BigInteger gwei = BigInteger.valueOf(1_000_000_000L);
        // The first transfer is valid against the safe state (the next nonce of account 0); the second pays
        // from an account with nothing. Applying the first and failing on the second must leave no trace.
        Address to = rt.accounts().address(1);
        long nonce = v.nonce(rt.accounts().address(0));
        Transaction good = TxEncoder.sign(UnsignedTransaction.transfer(chain, nonce, to, BigInteger.ONE, gwei, gwei.multiply(BigInteger.valueOf(100))),
                rt.accounts().key(0));
        Transaction broke = TxEncoder.sign(UnsignedTransaction.transfer(chain, 0, to, BigInteger.TEN.pow(30), gwei, gwei.multiply(BigInteger.valueOf(100))),
                org.web3j.crypto.ECKeyPair.create(BigInteger.valueOf(0xDEAD)));
        Hash rootBefore = v.stateRoot();
        post(rt, channel(new SingularBatch(safe.hash(), safe.origin().number(), safe.origin().hash(), safe.header().timestamp() * 1000 + 1000,
                List.of(good.encoded(), broke.encoded()))));
        runUntilFound(rt, Kind.BATCH_DROPPED);
        assertThat(findings.get(0).what()).contains("dropped: transaction " + broke.hash().shortHex() + " is invalid");
        if (v.safeHead() == safe.number()) assertThat(v.stateRoot()).isEqualTo(rootBefore);
        rt.runFor(60_000); // the honest batches for the same slots follow and derive
        assertThat(v.safeHead()).isGreaterThan(safe.number() + 20);
        assertMatchesHonestChain(rt);
        assertThat(findings).extracting(VerifierFinding::kind).containsOnly(Kind.BATCH_DROPPED);
    }

    @Test
    void aWrongOutputRootIsReportedAndAnUncheckableOneSaysSo() {
        RollupRuntime rt = start(RuntimeOptions.defaults());
        rt.runFor(20_000);
        long interval = rt.options().rollup().batching().outputIntervalBlocks();
        long ahead = (rt.node().chain().head().number() / interval + 2) * interval; // an output block the verifier has yet to derive
        rt.l1().proposeOutput(rt.options().rollup().chainId(), ahead, Hash.ZERO, o -> {});
        rt.l1().proposeOutput(rt.options().rollup().chainId(), 1, Hash.ZERO, o -> {}); // not an output block
        runUntilFound(rt, Kind.OUTPUT_DIFFERS);
        runUntilFound(rt, Kind.OUTPUT_UNVERIFIABLE);
        assertThat(findings).filteredOn(f -> f.kind() == Kind.OUTPUT_DIFFERS).singleElement()
                .satisfies(f -> assertThat(f.l2Block()).isEqualTo(ahead))
                .satisfies(f -> assertThat(f.what()).contains("proposes 0x0000").contains("but L1 data derives"));
        assertThat(findings).filteredOn(f -> f.kind() == Kind.OUTPUT_UNVERIFIABLE).singleElement()
                .satisfies(f -> assertThat(f.what()).endsWith("for block 1 is off the output interval of " + interval + " blocks; it is not checked"));
        assertThat(rt.node().derivation().mismatches()).isEqualTo(1);
        Map<String, Object> der = (Map<String, Object>) RunReport.of(rt, 1).get("derivation");
        assertThat(der).containsEntry("outputMismatches", 1L).containsEntry("unverifiableOutputs", 1L).containsEntry("blockMismatches", 0L);
    }

    @Test
    void withheldDaDataStopsTheSafeHeadWhereTheDataEnds() {
        RuntimeOptions o = RuntimeOptions.defaults();
        RollupRuntime rt = start(o.withRollup(o.rollup().withDa(DaConfig.external(DaModel.celestia(6, 8, 0.002)))));
        List<long[]> batches = new ArrayList<>();
        rt.events().subscribe(e -> {
            if (e instanceof dev.rollupstudio.runtime.event.BatchPosted b) batches.add(new long[] {b.batchId(), b.firstL2Block()});
        });
        ((ExternalDa) rt.node().da()).withhold(1); // the second channel: blocks from about 30 on
        rt.runFor(300_000);

        assertThat(findings).extracting(VerifierFinding::kind).containsOnly(Kind.DATA_UNAVAILABLE).hasSize(1);
        long firstWithheld = batches.stream().filter(b -> b[0] == 1).findFirst().orElseThrow()[1];
        assertThat(rt.node().derivation().safeHead()).isEqualTo(firstWithheld - 1);
        assertThat(findings.get(0).l2Block()).isEqualTo(firstWithheld);
        assertThat(findings.get(0).what()).contains("does not serve the data").contains("(batch 1)");
        assertThat(rt.node().chain().head().number()).isGreaterThan(firstWithheld + 30); // the sequencer goes on
        assertMatchesHonestChain(rt);
        Map<String, Object> der = (Map<String, Object>) RunReport.of(rt, 1).get("derivation");
        assertThat(der).containsEntry("unavailableData", 1L).containsEntry("droppedBatches", 0L);
        // the proposer proposes only safe blocks, so nothing unverifiable reaches L1 meanwhile
        assertThat(rt.l1().outputs(rt.options().rollup().chainId())).allMatch(p -> p.l2BlockNumber() <= firstWithheld - 1);
    }
}
