package dev.rollupstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.app.OverloadBench;
import org.junit.jupiter.api.Test;

/**
 * Offered more than it can carry, the chain keeps every block full and the pool bounded: the
 * generator never leaves nonce gaps behind a rejection, and work that cannot run waits in the
 * queued section, never in a runnable slot. Invariants, not times.
 */
class OverloadTest {

    @Test
    void blocksStayFullAtOneAndAHalfThreeAndTenTimesCapacity() {
        for (double factor : new double[] {1.4, 3, 10}) {
            OverloadBench.Result r = OverloadBench.run(factor, 60_000);
            assertThat(r.gasUsed()).hasSize(30);
            assertThat(r.maxPooled()).as("pool bounded at %.1fx", factor).isLessThanOrEqualTo(r.poolBound());
            // after the first blocks fill the pool, every block is at least 90% full
            for (int i = OverloadBench.WARM_UP_BLOCKS; i < r.gasUsed().size(); i++) {
                assertThat(r.gasUsed().get(i)).as("block %d at %.1fx capacity", i + 1, factor)
                        .isGreaterThanOrEqualTo((long) (OverloadBench.GAS_LIMIT * 0.9));
            }
        }
    }
}
