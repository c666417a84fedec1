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

    /**
     * The default stack (30M gas, EIP-1559 elasticity 6) at three times its 714 tx/s: full blocks
     * raise the base fee 10% a block, so pooled bids fall below it within seconds. Wallets re-bid
     * every stuck transaction; when a sender's transaction was re-bid only once it reached the head
     * of its queue, one a block, blocks fell from block 13 on to under half full (at 3,000 tx/s
     * for 180 s: 67,708 transfers included, against 127,817 now).
     */
    @Test
    void theDefaultStackStaysFullWhileItsBaseFeeClimbs() {
        RollupRuntime rt = RollupRuntime.inMemory(RuntimeOptions.defaults().withSeed(2));
        java.util.List<Long> gas = new java.util.ArrayList<>();
        rt.events().subscribe(e -> {
            if (e instanceof dev.rollupstudio.runtime.event.BlockSealed b) gas.add(b.block().header().gasUsed());
        });
        dev.rollupstudio.workload.Load.start(rt, 3 * 714, 0, false, Long.MAX_VALUE);
        rt.runFor(90_000);
        assertThat(gas).hasSize(45);
        long limit = rt.options().rollup().gasLimit();
        for (int i = 10; i < gas.size(); i++) {
            assertThat(gas.get(i)).as("block %d", i + 1).isGreaterThanOrEqualTo((long) (limit * 0.9));
        }
    }
}
