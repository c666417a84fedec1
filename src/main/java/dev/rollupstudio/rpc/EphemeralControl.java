package dev.rollupstudio.rpc;

import dev.rollupstudio.ephemeral.EphemeralStatus;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** What the ephemeral_* methods ask of the node: spawn from its template, dissolve, list, and where each is served. */
public interface EphemeralControl {
    /** Spawns from the node's template; a null override keeps the template's value (any thread). */
    CompletableFuture<EphemeralStatus> spawn(String name, Long lifetimeSeconds, Long provisioningSeconds, Long idleTimeoutSeconds);

    CompletableFuture<EphemeralStatus> dissolve(long chainId, String why);

    List<EphemeralStatus> list();

    /** The rollup's RPC URL while it is served, else null. */
    String url(long chainId);

    /** A node that runs none: spawns and dissolutions are refused (-32000) with {@code why}, and the list is empty. */
    static EphemeralControl refusing(String why) {
        return new EphemeralControl() {
            @Override public CompletableFuture<EphemeralStatus> spawn(String name, Long lifetime, Long provisioning, Long idle) {
                return CompletableFuture.failedFuture(RpcException.server(why));
            }

            @Override public CompletableFuture<EphemeralStatus> dissolve(long chainId, String reason) {
                return CompletableFuture.failedFuture(RpcException.server(why));
            }

            @Override public List<EphemeralStatus> list() {
                return List.of();
            }

            @Override public String url(long chainId) {
                return null;
            }
        };
    }
}
