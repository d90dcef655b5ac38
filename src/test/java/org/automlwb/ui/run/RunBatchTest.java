package org.automlwb.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.run.RunEvent;
import org.junit.jupiter.api.Test;

class RunBatchTest {
    @Test
    void aTickCoalescesManyEventsKeepingEveryTrialAndOnlyTheNewestStageAndBest() throws Exception {
        RunEventQueue queue = new RunEventQueue();
        Thread engine = new Thread(() -> {
            queue.onEvent(new RunEvent.RunStarted(0, TaskType.MULTICLASS, Metric.ACCURACY, 150, 4, "5-fold", 3));
            queue.onEvent(new RunEvent.StageChanged(0.1, "search", "first"));
            for (int i = 1; i <= 300; i++) {
                queue.onEvent(new RunEvent.TrialStarted(i, Trials.ok(i, "cart", 0).spec()));
                queue.onEvent(new RunEvent.TrialFinished(i + 0.5, Trials.ok(i, "cart", i / 1000.0)));
                if (i % 100 == 0) queue.onEvent(new RunEvent.BestChanged(i + 0.5, Trials.ok(i, "cart", i / 1000.0)));
            }
            queue.onEvent(new RunEvent.StageChanged(301, "refit", "last"));
        });
        engine.start();
        engine.join();

        RunBatch batch = queue.drain();
        assertEquals(2 + 300 * 2 + 3 + 1, batch.events());
        assertEquals(300, batch.finishedTrials().size());
        assertEquals(300, batch.trialsStarted());
        assertEquals("refit", batch.stage().stage());
        assertEquals(300, batch.best().best().spec().trialId());
        assertEquals(150, batch.started().rows());
        assertNull(batch.finished());
        assertEquals(batch.events(), batch.logLines().size());
        assertTrue(batch.logLines().get(0).contains("run started: task"), batch.logLines().get(0));
        assertTrue(queue.drain().isEmpty(), "drained once");
    }
}
