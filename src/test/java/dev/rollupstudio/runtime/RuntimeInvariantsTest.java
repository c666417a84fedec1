package dev.rollupstudio.runtime;

import dev.rollupstudio.types.Wei;
import dev.rollupstudio.workload.Load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.runtime.event.VerifierFinding;
import dev.rollupstudio.runtime.event.WithdrawalFinalized;
import dev.rollupstudio.runtime.event.WithdrawalProven;
import dev.rollupstudio.runtime.l1.WithdrawalCalls;
import dev.rollupstudio.runtime.l1.OutputProposal;
import dev.rollupstudio.runtime.l1.WithdrawalMessage;
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
    private final List<WithdrawalFinalized> finalized = new ArrayList<>();
    private final List<WithdrawalProven> proven = new ArrayList<>();
    private final java.util.Set<Class<?>> eventTypes = new java.util.HashSet<>();

    @BeforeAll
    void run() {
        RuntimeOptions options = RuntimeOptions.defaults().withSeed(7);
        rt = RollupRuntime.inMemory(options.withRollup(options.rollup().withChallengeWindowSeconds(600)));
        rt.events().subscribe(e -> {
            eventTypes.add(e.getClass());
            if (e instanceof WithdrawalFinalized w) finalized.add(w);
            if (e instanceof WithdrawalProven w) proven.add(w);
            if (e instanceof VerifierFinding) mismatches.add(e);
            if (e instanceof dev.rollupstudio.runtime.event.BlockSealed b && !b.block().transactions().isEmpty()) lastBlockWithTxs = b.block().number();
        });
        Load.start(rt, 500, 0.01, true, TXS);
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
    void everyKindOfProgressIsPublishedAsAnEvent() {
        assertThat(eventTypes).contains(dev.rollupstudio.runtime.event.BlockSealed.class, dev.rollupstudio.runtime.event.BatchPosted.class,
                dev.rollupstudio.runtime.event.OutputProposed.class, dev.rollupstudio.runtime.event.HeadsAdvanced.class,
                dev.rollupstudio.runtime.event.L1BlockSealed.class, WithdrawalProven.class, WithdrawalFinalized.class);
    }

    @Test
    void valueIsConservedToTheWei() {
        RollupNode node = rt.node();
        ChainTotals t = node.chain().totals();
        Wei balances = node.state().accounts().values().stream().map(Account::balance).reduce(Wei.ZERO, Wei::add);
        assertThat(t.deposited().isZero()).isFalse();
        assertThat(t.withdrawn().isZero()).isFalse();
        assertThat(balances.add(t.burntBaseFees()).add(t.withdrawn()))
                .isEqualTo(node.genesis().totalSupply().add(t.deposited()));
        Wei paidOnL1 = finalized.stream().map(WithdrawalFinalized::value).reduce(Wei.ZERO, Wei::add);
        assertThat(paidOnL1).isEqualTo(t.withdrawn());
        assertThat(rt.l1().ledger().locked(node.config().chainId()))
                .isEqualTo(node.genesis().totalSupply().add(t.deposited()).subtract(paidOnL1));
    }

    @Test
    void everyWithdrawalIsProvenAgainstAnOutputThenFinalizedAfterTheChallengeWindow() {
        assertThat(proven).isNotEmpty();
        assertThat(finalized).hasSameSizeAs(proven);
        assertThat(rt.node().relayer().pending()).isZero();
        for (WithdrawalFinalized f : finalized) {
            WithdrawalProven p = proven.stream().filter(x -> x.withdrawalHash().equals(f.withdrawalHash())).findFirst().orElseThrow();
            assertThat(f.atMillis() - p.atMillis()).isGreaterThanOrEqualTo(600_000);
        }
    }

    @Test
    void thePortalRefusesAWithdrawalThatWasNeverSentAndAWrongOutputProof() {
        long chainId = rt.node().config().chainId();
        WithdrawalProven real = proven.get(0);
        WithdrawalMessage forged = new WithdrawalMessage(BigInteger.valueOf(999_999), rt.accounts().address(0), rt.accounts().address(0),
                BigInteger.TEN.pow(21), BigInteger.valueOf(100_000));
        OutputProposal out = rt.l1().outputs(chainId).get(rt.l1().outputs(chainId).size() - 1);
        var block = rt.node().chain().block(out.l2BlockNumber());
        var orp = new WithdrawalCalls.OutputRootProof(block.header().stateRoot(), block.header().withdrawalsRoot(), block.hash());
        var storage = rt.node().state().storageTrie(dev.rollupstudio.runtime.rollup.Predeploys.L2_TO_L1_MESSAGE_PASSER);
        var proof = storage.proof(dev.rollupstudio.chain.Keccak.digest(WithdrawalMessage.sentSlot(forged.hash()).raw()));
        assertThat(portalRevert(WithdrawalCalls.prove(forged, out.index(), orp, proof))).isEqualTo("OptimismPortal: invalid withdrawal inclusion proof");
        var wrong = new WithdrawalCalls.OutputRootProof(block.header().stateRoot(), block.header().stateRoot(), block.hash());
        assertThat(portalRevert(WithdrawalCalls.prove(forged, out.index(), wrong, proof))).isEqualTo("OptimismPortal: invalid output root proof");
        // a real withdrawal, proven and finalized by the relayer's L1 transactions, cannot be finalized twice
        WithdrawalFinalized f = finalized.stream().filter(x -> x.withdrawalHash().equals(real.withdrawalHash())).findFirst().orElseThrow();
        assertThat(dev.rollupstudio.runtime.l1.OptimismPortal.finalized(rt.l1().state(), chainId, f.withdrawalHash())).isTrue();
        assertThat(dev.rollupstudio.runtime.l1.OptimismPortal.provenAt(rt.l1().state(), chainId, f.withdrawalHash())).isNotNull();
    }

    private String portalRevert(byte[] call) {
        var r = dev.rollupstudio.evm.ReadOnlyCall.run(rt.l1().state(), rt.l1().headEnv(), rt.accounts().address(0),
                dev.rollupstudio.runtime.l1.SystemContracts.portal(rt.node().config().chainId()), call, rt.l1().natives());
        assertThat(r.reverted()).as("reverted").isTrue();
        return dev.rollupstudio.chain.abi.Abi.revertReason(r.output());
    }

    @Test
    void verifierRebuildsTheChainFromL1AndAgreesWithEveryOutput() {
        assertThat(mismatches).isEmpty();
        assertThat(rt.node().derivation().checkedOutputs()).isEqualTo(rt.l1().outputs(rt.node().config().chainId()).stream().filter(o -> o.l2BlockNumber() <= rt.node().derivation().safeHead()).count()).isGreaterThan(10);
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
