package org.automlwb.ui.task;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FxTaskExecutorTest {
    @org.junit.jupiter.api.BeforeAll
    static void startFx() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage(); // javafx.concurrent.Task reports its state on the FX thread
    }

    @Test
    void workSubmittedAfterShutdownIsDroppedQuietly() {
        // A debounced preview can fire just after the window closed; it must not throw on the FX thread.
        FxTaskExecutor executor = new FxTaskExecutor(1);
        executor.shutdown();
        AtomicBoolean ran = new AtomicBoolean();
        TaskHandle h = executor.submit("late", () -> {
            ran.set(true);
            return 1;
        }, v -> ran.set(true), e -> ran.set(true));
        assertTrue(h.isDone(), "the dropped work counts as done (cancelled)");
        assertTrue(!ran.get());
    }
}
