package org.automlwb.ui.task;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * The one way the desktop app runs work off the UI thread. View models receive it by injection, so tests can
 * pass a synchronous fake and run without a stage.
 */
public interface TaskExecutor {
    /**
     * Runs {@code work} on a background thread, then calls exactly one of the callbacks on the UI thread
     * (none if the handle was cancelled first).
     *
     * @param name short description, used for thread names and logs
     */
    <T> TaskHandle submit(String name, Callable<T> work, Consumer<? super T> onSuccess,
                          Consumer<? super Throwable> onFailure);

    /** Stops accepting work and interrupts what runs; called once when the app closes. */
    void shutdown();
}
