package org.automlwb.experiment;

import java.util.concurrent.atomic.AtomicReference;
import org.automlwb.engine.Metric;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunListener;
import org.automlwb.engine.trial.TrialResult;

/**
 * The events of one engine of several, as the listeners of the whole run see them: on the run's clock (each
 * engine's own clock starts at 0 when it starts), with one {@code RunStarted} and one {@code RunFinished}, said by
 * {@link EngineSequence} for the whole run (an engine's own are dropped) (the run says it once, when every engine is done), and a best model only when it beats
 * every engine's so far, so that a live view and run.log read a
 * run of several engines as one run.
 */
final class EngineEvents implements RunListener {
    private final RunListener to;
    private final double offsetSeconds;
    private final Metric metric;
    private final AtomicReference<TrialResult> best;

    /**
     * @param to            the run's listeners
     * @param offsetSeconds the run's seconds when this engine started
     * @param metric        the run's metric
     * @param best          the best model of the run so far, shared by its engines' listeners
     */
    EngineEvents(RunListener to, double offsetSeconds, Metric metric,
                 AtomicReference<TrialResult> best) {
        this.to = to;
        this.offsetSeconds = offsetSeconds;
        this.metric = metric;
        this.best = best;
    }

    @Override
    public void onEvent(RunEvent e) {
        double t = e.elapsedSeconds() + offsetSeconds;
        RunEvent shifted;
        if (e instanceof RunEvent.StageChanged s) {
            shifted = new RunEvent.StageChanged(t, s.stage(), s.message());
        } else if (e instanceof RunEvent.TrialStarted s) {
            shifted = new RunEvent.TrialStarted(t, s.spec());
        } else if (e instanceof RunEvent.TrialFinished s) {
            shifted = new RunEvent.TrialFinished(t, s.result());
        } else if (e instanceof RunEvent.SearchEnded s) {
            shifted = new RunEvent.SearchEnded(t, s.reason(), s.trials());
        } else if (e instanceof RunEvent.BestChanged s) {
            shifted = beatsBest(s.best()) ? new RunEvent.BestChanged(t, s.best()) : null;
        } else {
            shifted = null; // RunStarted and RunFinished: said once for the whole run
        }
        if (shifted != null) to.onEvent(shifted);
    }

    private boolean beatsBest(TrialResult candidate) {
        TrialResult now = best.getAndUpdate(b -> b == null || metric.toLoss(candidate.score()) < metric.toLoss(b.score())
                ? candidate : b);
        return now == null || metric.toLoss(candidate.score()) < metric.toLoss(now.score());
    }
}
