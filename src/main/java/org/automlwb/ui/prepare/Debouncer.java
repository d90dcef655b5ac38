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
        // Made on first use: an animation needs the FX toolkit, which view-model tests do not start.
        PauseTransition[] pause = new PauseTransition[1];
        return action -> {
            if (!javafx.application.Platform.isFxApplicationThread()) {
                action.run(); // no FX thread, no animation timer (view-model tests): nothing to wait for
                return;
            }
            if (pause[0] == null) pause[0] = new PauseTransition(Duration.millis(millis));
            pause[0].setOnFinished(e -> action.run());
            pause[0].playFromStart();
        };
    }

    /** Runs at once: for tests. */
    static Debouncer immediate() { return Runnable::run; }
}
