package dev.rollupstudio.rpc;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A WebSocket client: where its subscriptions' notifications go, and what to undo when it leaves. */
public abstract class Connection {
    final Map<String, Runnable> subscriptions = new ConcurrentHashMap<>();

    /** Sends a text frame; safe from any thread. */
    protected abstract void send(String json);

    /** Drops every subscription of this connection (it closed). */
    public void closed() {
        subscriptions.values().forEach(Runnable::run);
        subscriptions.clear();
    }
}
