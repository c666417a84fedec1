package dev.rollupstudio.runtime.event;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Synchronous fan-out on the runtime's loop thread; listeners must be quick (the UI bridge coalesces). */
public final class EventBus {
    private final List<Consumer<RuntimeEvent>> listeners = new CopyOnWriteArrayList<>();

    public Runnable subscribe(Consumer<RuntimeEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public void publish(RuntimeEvent e) {
        for (Consumer<RuntimeEvent> l : listeners) l.accept(e);
    }
}
