package dev.rollupstudio.runtime.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.app.Runtimes;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.event.L1Reorged;
import dev.rollupstudio.runtime.l1.EmbeddedL1;
import dev.rollupstudio.runtime.l1.L1Block;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.state.Account;
import dev.rollupstudio.types.Wei;
import dev.rollupstudio.workload.Load;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An L1 reorg of the head that carries a batch: the block is replaced, the batch lands again, the
 * verifier goes back and derives the same chain from the new blocks, and the sequencer (building
 * one L1 block behind the head) never has to move its chain back. In memory and in a database
 * that then resumes.
 */
class L1ReorgTest {

    @Test void theVerifierFollowsAnL1ReorgAndTheChainStays() {
        RollupRuntime rt = RollupRuntime.inMemory(RuntimeOptions.defaults()); // OP Stack on blobs
        List<EmbeddedL1.Reorg> reorgs = new ArrayList<>();
        List<L1Reorged> seen = new ArrayList<>();
        List<Long> unsafe = new ArrayList<>();
        rt.l1().onReorg(reorgs::add);
        rt.events().subscribe(e -> {
            if (e instanceof L1Reorged r) seen.add(r);
            if (e instanceof dev.rollupstudio.runtime.event.HeadsAdvanced h) unsafe.add(h.unsafe());
        });
        Faults faults = new Faults(rt);
        faults.at(FaultKind.L1_REORG, rt.scheduler().now() + 60_000);
        Load.start(rt, 20, 0.01, true, Long.MAX_VALUE);
        rt.runFor(300_000);

        assertThat(reorgs).hasSize(1);
        EmbeddedL1.Reorg r = reorgs.get(0);
        L1Block orphaned = r.orphaned().get(0);
        L1Block replacement = r.replacements().get(0);
        assertThat(orphaned.batches()).isNotEmpty();
        assertThat(replacement.batches()).isEmpty();
        assertThat(replacement.hash()).isNotEqualTo(orphaned.hash());
        assertThat(replacement.stateRoot()).isEqualTo(orphaned.stateRoot()); // the same transactions
        assertThat(rt.l1().block(orphaned.number())).isSameAs(replacement);
        assertThat(rt.l1().block(orphaned.number() + 1).parentHash()).isEqualTo(replacement.hash());
        replacement.deposits().forEach(d -> assertThat(d.l1BlockHash()).isEqualTo(replacement.hash()));
        // every batch the replaced block carried landed again in a later block
        for (var t : orphaned.batches()) {
            assertThat(java.util.stream.LongStream.rangeClosed(orphaned.number() + 1, rt.l1().head().number()).mapToObj(rt.l1()::block)
                    .anyMatch(b -> b.batches().stream().anyMatch(x -> x.chainId() == t.chainId() && x.batchId() == t.batchId()))).isTrue();
        }

        L1Reorged event = seen.get(0);
        assertThat(event.safeAfter()).isLessThan(event.safeBefore());
        Fault f = faults.list().get(0);
        assertThat(f.detectedAt()).isNotNull();
        assertThat(f.detectedBy()).isEqualTo("verifier: L1 block " + orphaned.number() + " is now " + replacement.hash().shortHex() + " (was " + orphaned.hash().shortHex() + ")");
        assertThat(f.outcome()).contains("landed again in L1 block").contains("the unsafe head never moved back").endsWith("verifier mismatches: 0");

        // no L2 block was built on a replaced L1 block: every origin is the canonical block at its height
        var chain = rt.node().chain();
        for (long n = 1; n <= chain.head().number(); n++) {
            SealedBlock b = chain.block(n);
            assertThat(b.origin().hash()).as("origin of L2 block %d", n).isEqualTo(rt.l1().block(b.origin().number()).hash());
        }
        for (int i = 1; i < unsafe.size(); i++) assertThat(unsafe.get(i)).isGreaterThanOrEqualTo(unsafe.get(i - 1));
        var heads = rt.node().heads();
        assertThat(heads.safe()).isGreaterThan(event.safeBefore());
        assertThat(rt.node().derivation().mismatches()).isZero();
        assertThat(rt.node().derivation().stateRoot()).isEqualTo(chain.block(heads.safe()).header().stateRoot());
        assertConserved(rt);
        rt.close();
    }

    @Test void aReorgKeptInADatabaseResumesOnTheNewBlocks(@TempDir Path dir) {
        RuntimeOptions options = RuntimeOptions.defaults().withDatabase(dir.resolve("db"));
        List<EmbeddedL1.Reorg> reorgs = new ArrayList<>();
        long safeAtClose;
        try (RollupRuntime rt = Runtimes.open(options)) {
            rt.l1().onReorg(reorgs::add);
            new Faults(rt).at(FaultKind.L1_REORG, rt.scheduler().now() + 40_000);
            Load.start(rt, 10, 0.01, true, Long.MAX_VALUE);
            rt.runFor(150_000);
            assertThat(reorgs).hasSize(1);
            safeAtClose = rt.node().heads().safe();
        }
        L1Block replacement = reorgs.get(0).replacements().get(0);
        try (RollupRuntime rt = Runtimes.open(options)) {
            assertThat(rt.l1().block(replacement.number()).hash()).isEqualTo(replacement.hash());
            assertThat(rt.l1().block(replacement.number()).batches()).isEmpty();
            rt.runFor(120_000); // past the batcher's next channel (it closes after at most 5 L1 blocks)
            assertThat(rt.node().heads().safe()).isGreaterThan(safeAtClose);
            assertThat(rt.node().derivation().mismatches()).isZero();
            assertThat(rt.node().derivation().stateRoot()).isEqualTo(rt.node().chain().block(rt.node().heads().safe()).header().stateRoot());
            assertConserved(rt);
        }
    }

    private static void assertConserved(RollupRuntime rt) {
        var totals = rt.node().chain().totals();
        Wei balances = rt.node().state().accounts().values().stream().map(Account::balance).reduce(Wei.ZERO, Wei::add);
        assertThat(balances.add(totals.burntBaseFees()).add(totals.withdrawn())).isEqualTo(rt.node().genesis().totalSupply().add(totals.deposited()));
    }
}
