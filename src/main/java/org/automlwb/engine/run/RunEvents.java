package org.automlwb.engine.run;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans events out to listeners; a listener that throws is logged and never stops the run. */
final class RunEvents implements RunListener {
    private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

    void add(RunListener l) { listeners.add(l); }

    @Override
    public void onEvent(RunEvent event) {
        for (RunListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("a run listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }
}
