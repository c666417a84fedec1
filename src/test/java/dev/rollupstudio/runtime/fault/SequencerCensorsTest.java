package dev.rollupstudio.runtime.fault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.runtime.event.BlockSealed;
import dev.rollupstudio.types.Address;
import dev.rollupstudio.workload.Load;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sequencer censors one user for three minutes: none of that user's pooled transactions gets
 * into a block, the wallet notices after ten blocks with room and forces its transaction through
 * the L1 portal, the sequencer has to include that deposit, and once the censoring ends the user's
 * later transactions go in; the censored twin of the forced one leaves the pool, nothing is dropped.
 */
class SequencerCensorsTest {

    @Test void aCensoredUserForcesItsTransactionThroughL1() {
        RollupRuntime rt = RollupRuntime.inMemory(RuntimeOptions.defaults().withSeed(3)); // OP Stack, 2 s blocks
        Faults faults = new Faults(rt);
        long t0 = rt.scheduler().now();
        faults.at(FaultKind.SEQUENCER_CENSORS, t0 + 30_000);
        List<long[]> victimBlocks = new ArrayList<>(); // {block, pooled (0) or deposit (1)} of the victim's transactions
        Address[] victim = {null};
        rt.events().subscribe(e -> {
            if (victim[0] == null && !faults.list().isEmpty()) {
                victim[0] = faults.list().get(0).detectedBy() == null ? null : Address.fromHex(faults.list().get(0).detectedBy().split(" from ")[1].substring(0, 42));
            }
            if (e instanceof BlockSealed b && victim[0] != null) {
                for (var t : b.block().transactions()) if (victim[0].equals(t.sender())) victimBlocks.add(new long[] {b.atMillis() - t0, t.isDeposit() ? 1 : 0});
            }
        });
        long droppedBefore = rt.metrics().droppedCount();
        Load.start(rt, 20, 0.01, true, Long.MAX_VALUE);
        rt.runFor(400_000);

        Fault f = faults.list().get(0);
        assertThat(f.detectedBy()).startsWith("the user's wallet: transaction");
        assertThat(f.detectedAt() - f.injectedAt()).isBetween(20.0, 60.0); // ten 2 s blocks after its oldest transaction, at a block tick
        assertThat(f.outcome()).contains("forced transaction").contains("included it as a deposit").contains("a block without its L1 origin's deposits does not derive");
        // the victim's transactions: none pooled in a block while censored, the forced one as a deposit, the rest after the censoring
        assertThat(victimBlocks).filteredOn(v -> v[1] == 1).hasSize(1);
        long forcedAt = victimBlocks.stream().filter(v -> v[1] == 1).findFirst().orElseThrow()[0];
        assertThat(forcedAt).isLessThan(210_000);
        assertThat(victimBlocks).filteredOn(v -> v[1] == 0).isNotEmpty().allSatisfy(v -> assertThat(v[0]).isGreaterThanOrEqualTo(210_000));
        assertThat(rt.metrics().droppedCount() - droppedBefore).isZero(); // the censored twin left the pool as stale: its nonce went to the deposit
        assertThat(rt.node().pool().entries()).noneMatch(e -> e.sender().equals(victim[0]) && e.submittedAtMillis() < t0 + 200_000);
        assertThat(rt.node().derivation().findings()).isZero();
        rt.close();
    }
}
