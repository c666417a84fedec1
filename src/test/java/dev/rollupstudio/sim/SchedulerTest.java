package dev.rollupstudio.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void runsTasksInTimeThenPriorityThenInsertionOrder() {
        Scheduler s = new Scheduler(0, Pace.MAX);
        List<String> log = new ArrayList<>();
        s.at(200, 1, () -> log.add("l2@200"));
        s.at(200, 0, () -> log.add("l1@200"));
        s.at(100, 5, () -> log.add("a@100"));
        s.at(100, 5, () -> log.add("b@100"));
        s.every(150, 150, 2, () -> log.add("tick@" + s.now()));
        s.runUntil(300);
        assertThat(log).containsExactly("a@100", "b@100", "tick@150", "l1@200", "l2@200", "tick@300");
        assertThat(s.now()).isEqualTo(300);
    }

    @Test
    void postedWorkFromAnotherThreadRunsOnTheLoop() throws Exception {
        Scheduler s = new Scheduler(0, Pace.realtime(1));
        List<String> ranOn = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread loop = new Thread(() -> s.run(() -> done.getCount() == 0), "loop");
        loop.start();
        s.post(() -> {
            ranOn.add(Thread.currentThread().getName());
            done.countDown();
        });
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        loop.join(5000);
        assertThat(ranOn).containsExactly("loop");
    }

    @Test
    void aPausedClockOnlyMovesBySingleSteps() {
        Scheduler s = new Scheduler(0, Pace.MAX);
        List<Long> at = new ArrayList<>();
        s.every(1000, 1000, 0, () -> at.add(s.now()));
        s.setPaused(true);
        s.runNextTask();
        s.runNextTask();
        assertThat(at).containsExactly(1000L, 2000L);
        assertThat(s.now()).isEqualTo(2000);
    }

    @Test
    void realTimeNeverRunsAheadOfItsPace() {
        Scheduler s = new Scheduler(0, Pace.realtime(100));
        long t0 = WallClock.nanos();
        s.at(2000, 0, () -> {});
        s.runUntil(2000); // 2 simulated seconds at 100x: at least 20 ms of wall time
        assertThat(WallClock.nanos() - t0).isGreaterThanOrEqualTo(19_000_000L);
    }

    @Test
    void paceAcceptsMaxOrAFactorInRange() {
        assertThat(Pace.parse("max").isMax()).isTrue();
        assertThat(Pace.parse("10x").speed()).isEqualTo(10);
        assertThatThrownBy(() -> Pace.parse("500")).hasMessageContaining("between 0.1x and 100.0x");
        assertThatThrownBy(() -> Pace.parse("fast")).hasMessageContaining("'max' or a number");
    }
}
