package dev.rollupstudio.metrics;

import dev.rollupstudio.workload.Load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxJourneyTest {

    @Test
    void followsOneTransactionFromThePoolToFinalityInOrder() {
        RollupRuntime rt = RollupRuntime.inMemory(RuntimeOptions.defaults());
        List<List<TxJourney.Milestone>> seen = new ArrayList<>();
        TxJourney journey = new TxJourney(rt, seen::add);
        rt.events().subscribe(journey);
        Load.start(rt, 50, 0, false, 1_000);
        rt.runFor(1_000); // transactions are waiting for the first block
        journey.follow();
        rt.runFor(25 * 60_000);
        List<TxJourney.Milestone> last = seen.get(seen.size() - 1);
        assertThat(last).extracting(TxJourney.Milestone::stage).containsExactly(TxJourney.Stage.POOL, TxJourney.Stage.L2_BLOCK,
                TxJourney.Stage.BATCH, TxJourney.Stage.L1, TxJourney.Stage.SAFE, TxJourney.Stage.FINALIZED);
        for (int i = 1; i < last.size(); i++) assertThat(last.get(i).atMillis()).isGreaterThanOrEqualTo(last.get(i - 1).atMillis());
        assertThat(last.get(1).detail()).startsWith("sequenced in L2 block 1");
    }
}
