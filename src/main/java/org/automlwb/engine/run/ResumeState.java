package org.automlwb.engine.run;

import java.util.List;
import org.automlwb.engine.trial.TrialResult;

/**
 * What a resumed run carries over from the run that was stopped or killed, so that it continues that run instead
 * of starting a new one: the trials it finished are not repeated, new trials take ids nobody used, the budget is
 * what was left of it, and a search that had already ended is not started again.
 *
 * @param trials      the trials finished before (read from the journal), never repeated
 * @param nextTrialId the id of the first new trial: above every id used before, a line cut by a crash included
 * @param usedSeconds seconds of the budget used before (preparation, search and whatever followed); 0 for none
 * @param searchEnded how the search ended before, or null when it had not ended: then the resumed run goes
 *                    straight to the ensemble, the refit and the export
 */
public record ResumeState(List<TrialResult> trials, int nextTrialId, double usedSeconds,
                          RunSummary.Outcome searchEnded) {
    public ResumeState {
        trials = List.copyOf(trials);
        if (nextTrialId < 1) throw new IllegalArgumentException("trial ids start at 1, not " + nextTrialId);
        for (TrialResult r : trials) {
            if (r.spec().trialId() >= nextTrialId) {
                throw new IllegalArgumentException("the next trial id " + nextTrialId + " is already taken by trial "
                        + r.spec().trialId());
            }
        }
        if (!(usedSeconds >= 0)) throw new IllegalArgumentException("used seconds must be >= 0, not " + usedSeconds);
    }

    /** A fresh run: nothing before it. */
    public static ResumeState none() { return new ResumeState(List.of(), 1, 0, null); }

    /** Trials finished before, nothing else known (ids follow the highest one, the budget starts afresh). */
    public static ResumeState after(List<TrialResult> trials) {
        int next = trials.stream().mapToInt(r -> r.spec().trialId()).max().orElse(0) + 1;
        return new ResumeState(trials, next, 0, null);
    }

    /** Whether this continues an earlier run (rather than starting one). */
    public boolean isResume() { return !trials.isEmpty() || usedSeconds > 0 || searchEnded != null; }
}
