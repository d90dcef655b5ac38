package org.automlwb.ui.prepare;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/** Runs the last of a burst of requests once the burst has paused; injected so tests need no clock. */
@FunctionalInterface
public interface Debouncer {
    /** Runs {@code action} later on the UI thread unless another request comes first. */
    void request(Runnable action);

    /** Waits {@code millis} of quiet on the UI thread, then runs the latest action. */
    static Debouncer fx(long millis) {
        PauseTransition pause = new PauseTransition(Duration.millis(millis));
        return action -> {
            pause.setOnFinished(e -> action.run());
            pause.playFromStart();
        };
    }

    /** Runs at once: for tests. */
    static Debouncer immediate() { return Runnable::run; }
}
