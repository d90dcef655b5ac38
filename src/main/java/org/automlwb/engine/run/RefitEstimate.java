package org.automlwb.engine.run;

import java.util.List;
import org.automlwb.engine.trial.TrialResult;

/**
 * How long refitting a trial's configuration on all training rows will take, from what the trial itself took:
 * its fit time per fold, scaled from the fold's share of the rows to all of them, plus preprocessing all rows.
 * Trial times include rung 0 and, for the first trials, preparing folds: estimates err on the long side.
 */
final class RefitEstimate {
    /** Fits per trial that was not pruned: every fold, plus rung 0's subsample (a quarter of fold 0). */
    private final double fitsPerTrial;
    private final double trainShare;
    private final double preprocessing;

    RefitEstimate(PreparedRun p) {
        this(p, p.data().rows());
    }

    /** For a refit on {@code refitRows} rows (all of them, or as many as time and memory allow). */
    RefitEstimate(PreparedRun p, int refitRows) {
        int folds = p.folds().plan().folds().size();
        fitsPerTrial = folds + (p.folds().plan().hasSubsample() ? 0.25 : 0);
        trainShare = p.folds().plan().folds().get(0).train().length / (double) Math.max(1, refitRows);
        preprocessing = 1.3 * p.fold0Seconds() / trainShare;
    }

    /** Seconds to preprocess all rows. */
    double preprocessing() { return preprocessing; }

    /** Seconds to refit one trial. */
    double of(TrialResult r) {
        return preprocessing + 1.1 * r.fitSeconds() / fitsPerTrial / trainShare;
    }

    /** Seconds to refit several trials side by side on {@code cores} cores. */
    double together(List<TrialResult> trials, int cores) {
        double sum = trials.stream().mapToDouble(this::of).sum();
        double longest = trials.stream().mapToDouble(this::of).max().orElse(0);
        return Math.max(longest, sum / Math.max(1, Math.min(cores, trials.size())));
    }
}
