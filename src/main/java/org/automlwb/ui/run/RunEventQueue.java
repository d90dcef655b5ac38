package org.automlwb.ui.run;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunListener;

/**
 * Where engine threads drop run events; the UI thread drains them in batches a few times a second instead of
 * one {@code Platform.runLater} per event.
 */
public final class RunEventQueue implements RunListener {
    private final ConcurrentLinkedQueue<RunEvent> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void onEvent(RunEvent event) {
        queue.add(event);
    }

    /** Takes everything queued so far, coalesced. */
    public RunBatch drain() {
        List<RunEvent> events = new ArrayList<>();
        for (RunEvent e; (e = queue.poll()) != null; ) events.add(e);
        return RunBatch.of(events);
    }
}
