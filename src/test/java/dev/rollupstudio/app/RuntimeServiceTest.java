package dev.rollupstudio.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.sim.Pace;
import dev.rollupstudio.spec.Presets;
import dev.rollupstudio.spec.StackSpec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The runtime service's controls answer at once, whatever a launch is doing. */
class RuntimeServiceTest {

    @Test
    void controlsTheFxThreadCallsNeverWaitForALaunchUnderWay() throws Exception {
        try (RuntimeService service = new RuntimeService(null)) {
            StackSpec first = Presets.get("sovereign-devnet");
            service.launch(first, Pace.MAX, 10, e -> {});
            CountDownLatch inLaunch = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            // A second launch stands still inside the service (as a long resume would) until released.
            CompletableFuture<RollupRuntime> second = CompletableFuture.supplyAsync(() -> service.launch(Presets.defaultStack(), Pace.MAX, 10, rt -> {
                inLaunch.countDown();
                await(release);
                return e -> {};
            }));
            assertThat(inLaunch.await(30, TimeUnit.SECONDS)).isTrue();
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
                assertThat(service.running()).isNull(); // the first was stopped; the second is not up yet
                assertThat(service.runtime()).isNull();
                service.setPaused(true);
                assertThat(service.isPaused()).isFalse();
                service.step();
                service.setPace(Pace.realtime(2));
                service.setTps(50);
            }, "a control waited for the launch in progress");
            release.countDown();
            RollupRuntime rt = second.get(30, TimeUnit.SECONDS);
            assertThat(service.running()).isEqualTo(Presets.defaultStack());
            assertThat(service.runtime()).isSameAs(rt);
            assertThat(rt.options().pace()).isEqualTo(Pace.MAX);
        }
    }

    @Test
    void aRunningStackIsServedOverJsonRpcUntilItStops() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        String url;
        try (RuntimeService service = new RuntimeService(null)) {
            var spec = Presets.get("sovereign-devnet");
            service.launch(spec, Pace.realtime(1), 0, e -> {});
            var eps = service.endpoints();
            assertThat(eps).hasSize(2);
            assertThat(eps.get(0).chain().chainId()).isEqualTo(spec.chainId());
            assertThat(eps.get(1).chain().isRollup()).isFalse();
            url = eps.get(0).url();
            assertThat(url).startsWith("http://127.0.0.1:");
            String answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertThat(answer).contains("\"result\":\"0x" + Long.toHexString(spec.chainId()) + "\"");
            service.stop();
            assertThat(service.endpoints()).isEmpty();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()))
                .as("the endpoint closes with the run").isInstanceOf(java.io.IOException.class);
    }

    @Test
    void pausedThenSteppedTheChainGrowsByExactlyOneBlock() throws Exception {
        try (RuntimeService service = new RuntimeService(null)) {
            RollupRuntime rt = service.launch(Presets.get("sovereign-devnet"), Pace.MAX, 10, e -> {});
            waitFor(() -> rt.status().unsafe() >= 5);
            service.setPaused(true);
            Thread.sleep(200); // a block being sealed as the pause came may still land
            long held = rt.status().unsafe();
            Thread.sleep(300);
            assertThat(rt.status().unsafe()).as("paused").isEqualTo(held);
            service.step();
            waitFor(() -> rt.status().unsafe() == held + 1);
            Thread.sleep(300);
            assertThat(rt.status().unsafe()).as("one step, one block").isEqualTo(held + 1);
            assertThat(service.isPaused()).isTrue();
        }
    }

    @Test
    void resetReturnsToGenesisOnlyAfterTheOldLoopHasStopped(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        try (RuntimeService service = new RuntimeService(dir)) {
            java.util.concurrent.atomic.AtomicLong blocksAfterReset = new java.util.concurrent.atomic.AtomicLong();
            RollupRuntime old = service.launch(Presets.defaultStack(), Pace.MAX, 500, e -> {});
            while (old.status().unsafe() < 30) Thread.sleep(5); // busy: 500 tx/s, unpaced
            RollupRuntime fresh = service.reset();
            assertThat(old.scheduler().isStopped()).isTrue();
            long oldHead = old.status().unsafe();
            Thread.sleep(200);
            assertThat(old.status().unsafe()).as("the old chain stopped for good").isEqualTo(oldHead);
            assertThat(fresh).isNotSameAs(old);
            service.setPaused(true);
            assertThat(fresh.status().unsafe()).as("the new chain starts again from genesis").isLessThan(oldHead);
            assertThat(service.launches()).isEqualTo(2);
        }
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not reached in 20 s");
            Thread.sleep(5);
        }
    }

    @Test
    void aFaultIsInjectedIntoTheRunningStackOrRefusedWithTheReason() throws Exception {
        try (RuntimeService service = new RuntimeService(null)) {
            assertThat(service.inject(dev.rollupstudio.runtime.fault.FaultKind.SEQUENCER_DOWN)).failsWithin(Duration.ofSeconds(5))
                    .withThrowableThat().withMessageContaining("no stack is running: launch one first");
            service.launch(Presets.get("sovereign-devnet"), Pace.MAX, 10, e -> {});
            var down = service.inject(dev.rollupstudio.runtime.fault.FaultKind.SEQUENCER_DOWN).get(30, TimeUnit.SECONDS);
            assertThat(down.kind()).isEqualTo(dev.rollupstudio.runtime.fault.FaultKind.SEQUENCER_DOWN);
            assertThat(service.inject(dev.rollupstudio.runtime.fault.FaultKind.DOUBLE_SIGN)).failsWithin(Duration.ofSeconds(30))
                    .withThrowableThat().withMessageContaining("double-sign needs MACH operators");
            long until = System.nanoTime() + 30_000_000_000L;
            while (service.faults().isEmpty() || service.faults().get(0).detectedAt() == null) {
                assertThat(System.nanoTime()).as("the sequencer-down fault detected").isLessThan(until);
                Thread.sleep(20);
            }
            assertThat(service.faults()).hasSize(1);
            assertThat(service.faults().get(0).detectedBy()).startsWith("block watchdog");
        }
    }
}
