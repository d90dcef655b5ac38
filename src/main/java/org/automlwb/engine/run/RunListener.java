package org.automlwb.engine.run;

/**
 * Receives {@link RunEvent}s. Called on the engine's threads, possibly several at once: implementations must
 * be thread-safe and quick (the desktop app queues events and drains them on the FX thread in batches).
 */
@FunctionalInterface
public interface RunListener {
    void onEvent(RunEvent event);
}
