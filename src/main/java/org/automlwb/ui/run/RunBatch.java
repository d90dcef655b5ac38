package org.automlwb.ui.run;

import java.util.ArrayList;
import java.util.List;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.trial.TrialResult;

/**
 * The events drained in one UI tick, coalesced: what the view needs to apply in one go instead of event by
 * event. Only the newest stage, best and progress matter; every finished trial and log line is kept.
 *
 * @param started        the run-started event if it was in the batch, else null
 * @param stage          the newest stage change, else null
 * @param best           the newest best-changed event, else null
 * @param finishedTrials every trial finished in the batch, in arrival order, without out-of-fold predictions
 * @param trialsStarted  how many trials started in the batch
 * @param finished       the run-finished event if it was in the batch, else null
 * @param logLines       one run.log-like line per event
 * @param events         how many events were coalesced
 */
public record RunBatch(RunEvent.RunStarted started, RunEvent.StageChanged stage, RunEvent.BestChanged best,
                       List<TrialFinishedAt> finishedTrials, int trialsStarted, RunEvent.RunFinished finished,
                       List<String> logLines, int events) {
    public RunBatch {
        finishedTrials = List.copyOf(finishedTrials);
        logLines = List.copyOf(logLines);
    }

    /** A finished trial and when (run seconds) it finished. */
    public record TrialFinishedAt(double elapsedSeconds, TrialResult result) { }

    /** Coalesces {@code events}, oldest first. */
    public static RunBatch of(List<? extends RunEvent> events) {
        RunEvent.RunStarted started = null;
        RunEvent.StageChanged stage = null;
        RunEvent.BestChanged best = null;
        RunEvent.RunFinished finished = null;
        List<TrialFinishedAt> trials = new ArrayList<>();
        List<String> log = new ArrayList<>(events.size());
        int trialsStarted = 0;
        for (RunEvent e : events) {
            if (e instanceof RunEvent.RunStarted s) started = s;
            else if (e instanceof RunEvent.StageChanged s) stage = s;
            else if (e instanceof RunEvent.BestChanged b) best = b;
            else if (e instanceof RunEvent.RunFinished f) finished = f;
            else if (e instanceof RunEvent.TrialStarted) trialsStarted++;
            else if (e instanceof RunEvent.TrialFinished t) {
                trials.add(new TrialFinishedAt(t.elapsedSeconds(), t.result().withoutOof()));
            }
            log.add(RunLogLine.of(e));
        }
        return new RunBatch(started, stage, best, trials, trialsStarted, finished, log, events.size());
    }

    public boolean isEmpty() { return events == 0; }
}
