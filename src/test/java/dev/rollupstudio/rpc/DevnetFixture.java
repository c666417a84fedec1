package dev.rollupstudio.rpc;

import dev.rollupstudio.host.DevnetHost;
import dev.rollupstudio.runtime.RollupRuntime;
import dev.rollupstudio.runtime.RuntimeOptions;
import dev.rollupstudio.sim.Pace;

/** A devnet in memory with its endpoints on free loopback ports and its loop on a thread of its own, as `node` runs it. */
public final class DevnetFixture implements AutoCloseable {
    final DevnetHost host;
    final Endpoints endpoints;
    private final Thread loop;

    DevnetFixture(boolean automine) {
        this(automine, RuntimeOptions.defaults().withPace(Pace.realtime(10)));
    }

    /** A devnet of {@code options} (its pace, its rollup's challenge window...), in memory with 10 dev accounts. */
    public DevnetFixture(boolean automine, RuntimeOptions options) {
        RuntimeOptions o = new RuntimeOptions(options.rollup(), options.l1(), null, options.seed(), options.pace(), null, 10, 0);
        host = DevnetHost.inMemory(o, "test rollup");
        if (automine) host.rollups().get(0).automine();
        endpoints = new Endpoints(host, Signer.unlocked(host.runtime().accounts(), 10), "127.0.0.1", 0, 0, null);
        loop = new Thread(host::run, "test-devnet-loop");
        loop.start();
    }

    /** The runtime now running: a revert builds another. */
    RollupRuntime runtime() {
        return host.runtime();
    }

    public String rollupUrl() {
        return endpoints.served().get(0).url();
    }

    public String l1Url() {
        return endpoints.l1().url();
    }

    String rollupWs() {
        return rollupUrl().replace("http://", "ws://");
    }

    @Override public void close() throws InterruptedException {
        host.stop();
        loop.join(10_000);
        endpoints.close();
        host.close();
    }
}
