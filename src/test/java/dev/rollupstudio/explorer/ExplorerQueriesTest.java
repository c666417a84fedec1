package dev.rollupstudio.explorer;

import dev.rollupstudio.workload.Load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.app.Explorers;
import dev.rollupstudio.app.Runtimes;
import dev.rollupstudio.chain.Transaction;
import dev.rollupstudio.explorer.ExplorerModel.BlockDetail;
import dev.rollupstudio.explorer.ExplorerModel.Status;
import dev.rollupstudio.explorer.ExplorerModel.TxDetail;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.rollup.L2Chain.SealedBlock;
import dev.rollupstudio.types.Address;
import java.math.BigInteger;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The explorer reads back exactly what the runtime stored. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorerQueriesTest {
    private Path dir;
    private RollupRuntime rt;
    private ExplorerQueries explorer;

    @BeforeAll
    void run(@TempDir Path tmp) {
        dir = tmp;
        rt = Runtimes.open(RuntimeOptions.defaults().withDatabase(dir.resolve("chain")));
        Load.start(rt, 100, 0.01, true, 6_000);
        rt.runFor(20 * 60_000);
        explorer = Explorers.open(dir.resolve("chain")).orElseThrow();
    }

    @AfterAll
    void close() {
        explorer.close();
        rt.close();
    }

    @Test
    void blocksPageNewestFirst() {
        assertThat(explorer.latestBlock()).isEqualTo(rt.node().chain().head().number());
        var page = explorer.blocks(0, 50);
        assertThat(page).hasSize(50);
        assertThat(page.get(0).number()).isEqualTo(explorer.latestBlock());
        assertThat(explorer.blocks(50, 50).get(0).number()).isEqualTo(explorer.latestBlock() - 50);
    }

    @Test
    void aBlockDetailMatchesTheChainAndKnowsItsBatchAndFinality() {
        SealedBlock b = rt.node().chain().block(10);
        BlockDetail d = explorer.block(10).orElseThrow();
        assertThat(d.hash()).isEqualTo(b.hash());
        assertThat(d.stateRoot()).isEqualTo(b.header().stateRoot());
        assertThat(d.transactions()).hasSize(b.block().transactions().size());
        assertThat(d.batch()).isNotNull();
        assertThat(d.batch().firstL2()).isLessThanOrEqualTo(10);
        assertThat(d.status()).isEqualTo(Status.FINALIZED);
        assertThat(explorer.block(d.hash())).isPresent();
        assertThat(explorer.block(explorer.latestBlock()).orElseThrow().status()).isEqualTo(Status.UNSAFE);
    }

    @Test
    void aTransactionsFeeSplitsIntoBaseFeePriorityAndL1Data() {
        Transaction tx = rt.node().chain().block(10).block().transactions().stream().filter(t -> !t.isDeposit()).findFirst().orElseThrow();
        TxDetail t = explorer.transaction(tx.hash()).orElseThrow();
        assertThat(t.from()).isEqualTo(tx.sender());
        assertThat(t.nonce()).isEqualTo(tx.nonce());
        assertThat(t.l2BaseFee().add(t.priorityFee()).value()).isEqualTo(BigInteger.valueOf(t.gasUsed()).multiply(t.effectiveGasPrice().value()));
        assertThat(t.l1DataFee().isZero()).isFalse();
        assertThat(t.success()).isTrue();
    }

    @Test
    void anL1TransactionIsFoundTooWithItsL1BlockAndFeesInEth() {
        var l1 = rt.l1();
        var block = java.util.stream.LongStream.rangeClosed(1, l1.head().number()).mapToObj(l1::block)
                .filter(b -> !b.transactions().isEmpty()).findFirst().orElseThrow();
        Transaction tx = block.transactions().get(0);
        TxDetail t = explorer.transaction(tx.hash()).orElseThrow();
        assertThat(t.onL1()).isTrue();
        assertThat(t.block()).isEqualTo(block.number());
        assertThat(t.from()).isEqualTo(tx.sender());
        assertThat(t.gasUsed()).isEqualTo(block.receipts().get(0).gasUsed());
        assertThat(t.l2BaseFee().value()).isEqualTo(BigInteger.valueOf(t.gasUsed()).multiply(block.baseFee()));
        assertThat(t.l1DataFee().isZero()).isTrue();
    }

    @Test
    void anAccountShowsItsBalanceNonceAndHistory() {
        Address sender = rt.accounts().address(0);
        var a = explorer.account(sender, 20);
        assertThat(a.balance()).isEqualTo(rt.node().state().balance(sender));
        assertThat(a.nonce()).isEqualTo(rt.node().state().nonce(sender));
        assertThat(a.history()).isNotEmpty().allMatch(r -> sender.equals(r.from()) || sender.equals(r.to()));
        assertThat(explorer.batches(10)).isNotEmpty();
        assertThat(explorer.outputs(10)).isNotEmpty();
    }

    @Test
    void theSearchBoxTellsNumbersHashesAndAddressesApart() {
        assertThat(Search.parse(" 1,024 ")).isEqualTo(new Search.BlockNumber(1024));
        assertThat(Search.parse("0x" + "ab".repeat(32))).isInstanceOf(Search.HashOf.class);
        assertThat(Search.parse("f39Fd6e51aad88F6F4ce6aB8827279cffFb92266")).isInstanceOf(Search.AccountOf.class);
        assertThat(((Search.Unknown) Search.parse("0x12")).why()).contains("not a block number");
    }
}
