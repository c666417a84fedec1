package dev.rollupstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.runtime.event.DerivationMismatch;
import dev.rollupstudio.runtime.event.RuntimeEvent;
import dev.rollupstudio.runtime.rollup.ChainTotals;
import dev.rollupstudio.runtime.rollup.Heads;
import dev.rollupstudio.runtime.rollup.RollupNode;
import dev.rollupstudio.state.Account;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * 10,000 signed transfers at max speed through the whole stack, then enough simulated time for
 * their L1 blocks to finalize. Checks conservation of value to the wei, the verifier's agreement
 * with the sequencer and the output oracle, and the heads reaching finalized.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuntimeInvariantsTest {
    private static final int TXS = 10_000;
    private RollupRuntime rt;
    private final List<RuntimeEvent> mismatches = new ArrayList<>();
    private long lastBlockWithTxs;

    @BeforeAll
    void run() {
        rt = RollupRuntime.inMemory(RuntimeOptions.defaults().withSeed(7));
        rt.events().subscribe(e -> {
            if (e instanceof DerivationMismatch) mismatches.add(e);
            if (e instanceof dev.rollupstudio.runtime.event.BlockSealed b && !b.block().transactions().isEmpty()) lastBlockWithTxs = b.block().number();
        });
        rt.startWorkload(500, 0.01, true, TXS);
        rt.runFor(20_000);
        rt.runFor(25 * 60_000);
    }

    @Test
    void everyTransferIsIncluded() {
        assertThat(rt.metrics().submittedCount()).isEqualTo(TXS);
        assertThat(rt.metrics().rejectedByReason()).isEmpty();
        assertThat(rt.metrics().droppedCount()).isZero();
        assertThat(rt.metrics().includedCount()).isEqualTo(TXS);
    }

    @Test
    void valueIsConservedToTheWei() {
        RollupNode node = rt.node();
        ChainTotals t = node.chain().totals();
        BigInteger balances = node.state().accounts().values().stream().map(Account::balance).reduce(BigInteger.ZERO, BigInteger::add);
        assertThat(t.deposited()).isPositive();
        assertThat(t.withdrawn()).isPositive();
        assertThat(balances.add(t.burntBaseFees()).add(t.withdrawn()))
                .isEqualTo(node.genesis().totalSupply().add(t.deposited()));
        assertThat(rt.l1().ledger().locked(node.config().chainId())).isEqualTo(t.deposited());
    }

    @Test
    void verifierRebuildsTheChainFromL1AndAgreesWithEveryOutput() {
        assertThat(mismatches).isEmpty();
        assertThat(rt.node().derivation().checkedOutputs()).isGreaterThan(10);
        Heads h = rt.node().heads();
        assertThat(rt.node().derivation().stateRoot()).isEqualTo(rt.node().chain().block(h.safe()).header().stateRoot());
    }

    @Test
    void headsAdvanceToFinalizedPastTheLoad() {
        Heads h = rt.node().heads();
        assertThat(h.unsafe()).isGreaterThanOrEqualTo(h.safe());
        assertThat(h.safe()).isGreaterThanOrEqualTo(h.finalized());
        assertThat(h.finalized()).isGreaterThan(lastBlockWithTxs);
        assertThat(rt.metrics().batches()).isPositive();
        assertThat(rt.metrics().daCompressedBytes()).isLessThan(rt.metrics().daRawBytes());
    }
}
