package dev.rollupstudio.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rollupstudio.runtime.event.BlockSealed;
import dev.rollupstudio.workload.Load;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Offered more than it can carry, the chain keeps every block full and the pool bounded: the
 * generator never leaves nonce gaps behind a rejection, and the pool never fills with work that
 * cannot run. Invariants, not times. Capacity here: 2.1M gas per 2 s block = 100 transfers, 50 tx/s.
 */
class OverloadTest {
    private static final long GAS_LIMIT = 2_100_000;
    private static final double CAPACITY_TPS = 50;

    private static List<BlockSealed> run(double factor) {
        RuntimeOptions o = RuntimeOptions.defaults();
        RollupRuntime rt = RollupRuntime.inMemory(o.withRollup(o.rollup().withGasLimit(GAS_LIMIT).withPoolCapacity(2_000)));
        List<BlockSealed> blocks = new ArrayList<>();
        int[] maxPool = {0};
        rt.events().subscribe(e -> {
            if (e instanceof BlockSealed b) blocks.add(b);
            maxPool[0] = Math.max(maxPool[0], rt.status().pooled());
        });
        Load.start(rt, CAPACITY_TPS * factor, 0, false, Long.MAX_VALUE);
        rt.runFor(60_000);
        assertThat(maxPool[0]).as("pool bounded at %.1fx", factor).isLessThanOrEqualTo(2_000);
        return blocks;
    }

    @Test
    void blocksStayFullAtOneAndAHalfThreeAndTenTimesCapacity() {
        for (double factor : new double[] {1.4, 3, 10}) {
            List<BlockSealed> blocks = run(factor);
            assertThat(blocks).hasSize(30);
            // after the first blocks fill the pool, every block is at least 90% full
            for (BlockSealed b : blocks.subList(5, blocks.size())) {
                assertThat(b.block().header().gasUsed()).as("block %d at %.1fx capacity", b.block().number(), factor)
                        .isGreaterThanOrEqualTo((long) (GAS_LIMIT * 0.9));
            }
        }
    }
}
