package dev.rollupstudio.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.app.SpecRuntimes;
import dev.rollupstudio.contracts.OperatorRegistry;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.fault.Fault;
import dev.rollupstudio.runtime.fault.FaultKind;
import dev.rollupstudio.runtime.fault.Faults;
import dev.rollupstudio.spec.Choice;
import dev.rollupstudio.spec.Layer;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.Prices;
import dev.rollupstudio.wallet.DevAccounts;
import dev.rollupstudio.workload.Load;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/**
 * A MACH operator signs a forged block at an output height (OP Stack, 120 s window): the
 * aggregator's re-execution catches it at once and its stake stops counting; once the output is
 * final the node opens its root on L1 and the registry slashes the bond; the other operators keep
 * theirs and fast finality goes on.
 */
class BadBlockTest {

    @Test void aSignatureOnABlockThatBuildsDifferentlyIsSlashedOnceItsOutputIsFinal() {
        var spec = Presets.get("op-stack-blobs").with(Layer.PROOFS, Choice.of("optimistic").with("challengeWindowSeconds", 120L))
                .with(Layer.SECURITY, Choice.of("mach"));
        RollupRuntime rt = RollupRuntime.inMemory(SpecRuntimes.options(spec, Prices.defaults(), RuntimeOptions.defaults().withSeed(3)));
        long chain = rt.options().rollup().chainId();
        Faults faults = new Faults(rt);
        faults.at(FaultKind.SIGN_BAD_BLOCK, rt.scheduler().now() + 30_000);
        Load.start(rt, 20, 0.01, true, Long.MAX_VALUE);
        rt.runFor(400_000);

        Fault f = faults.list().get(0);
        FastFinality mach = rt.node().fastFinality();
        assertThat(mach.badAttestations()).hasSize(1);
        var bad = mach.badAttestations().get(0);
        assertThat(bad.signed().number() % rt.node().config().batching().outputIntervalBlocks()).isZero();
        assertThat(bad.signed().blockHash()).isNotEqualTo(bad.real().hash());
        assertThat(bad.signed().verifies()).isTrue();
        assertThat(f.detectedAt() - f.injectedAt()).isLessThanOrEqualTo(30.0); // the round after the block at that height
        // operator-1 is the slow one: the first honest operator cheats
        assertThat(f.detectedBy()).startsWith("MACH aggregator: operator-2 signed block " + bad.signed().blockHash().shortHex());
        assertThat(f.outcome()).contains("slashed its bond of 100000 ALT and 32 restaked ETH");
        var l1 = rt.l1().state();
        for (int i = 0; i < rt.node().config().sequencing().mach().operators().size(); i++) {
            var op = DevAccounts.machOperator(chain, i).address();
            boolean cheat = op.equals(bad.signed().operator());
            assertThat(OperatorRegistry.stakeOf(l1, op)[0]).as("operator-%d", i + 1).isEqualTo(cheat ? BigInteger.ZERO : BigInteger.TEN.pow(23));
            assertThat(OperatorRegistry.optedIn(l1, op, chain, OperatorRegistry.Service.MACH)).isEqualTo(!cheat);
        }
        assertThat(mach.finalHead()).isGreaterThan(rt.node().chain().head().number() - 10); // finality went on without it
        assertThat(mach.equivocations()).isEmpty();
        assertThat(rt.node().derivation().mismatches()).isZero();
        rt.close();
    }
}
