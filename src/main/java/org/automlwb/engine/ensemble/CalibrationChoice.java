package org.automlwb.engine.ensemble;

import java.util.List;
import java.util.Objects;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.Targets;

/**
 * Whether calibrating a model's predictions improves a metric, judged without fitting and scoring on the same
 * rows, and the calibration to use if it does.
 *
 * <p>The calibration is cross-fitted ({@link CrossFit}): fitted on k-1 folds of the out-of-fold rows and applied
 * to the held-out fold. The metric of those calibrated predictions is compared with the metric of the
 * predictions as they are; only an improvement of more than {@link #MIN_IMPROVEMENT} chooses calibration, and
 * then the calibration fitted on every row is returned. A binary AUC is never changed by Platt scaling (a
 * monotone map of one score), so it is not tried there: the folds' slightly different maps would only add noise.
 *
 * @param metric       the metric compared
 * @param uncalibrated its value on the predictions as they are
 * @param calibrated   its value on the cross-fitted calibrated predictions (equal to {@code uncalibrated} when
 *                     nothing was tried)
 * @param calibration  the calibration fitted on every row when it helps, otherwise the identity
 */
public record CalibrationChoice(Metric metric, double uncalibrated, double calibrated, Calibration calibration) {
    /** An improvement of the metric (in its own units) must exceed this to count. */
    public static final double MIN_IMPROVEMENT = 1e-6;

    /**
     * Checks the fields.
     *
     * @param metric       the metric compared
     * @param uncalibrated its value on the predictions as they are
     * @param calibrated   its value on the cross-fitted calibrated predictions
     * @param calibration  the chosen calibration, the identity for none
     */
    public CalibrationChoice {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(calibration, "calibration");
    }

    /**
     * Whether a calibration was chosen.
     *
     * @return true unless the calibration is the identity
     */
    public boolean helps() { return calibration.kind() != Calibration.Kind.IDENTITY; }

    /**
     * Decides.
     *
     * @param task        the task (regression is never calibrated)
     * @param metric      the metric to improve; it must apply to the task
     * @param targets     the true values of the rows
     * @param predictions a model's out-of-fold predictions of those rows
     * @param folds       k of the cross-fitting, at least 2 (fewer when there are fewer rows)
     * @param seed        the seed of the folds
     * @return the decision, with the metric before and after
     */
    public static CalibrationChoice choose(TaskType task, Metric metric, Targets targets, Predictions predictions,
            int folds, long seed) {
        if (!metric.appliesTo(task)) throw new IllegalArgumentException(metric.key() + " does not apply to " + task.key());
        if (folds < 2) throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        double before = metric.compute(targets, predictions);
        int k = Math.min(folds, targets.size());
        if (!task.isClassification() || (task == TaskType.BINARY && metric == Metric.AUC) || k < 2
                || Double.isNaN(before)) {
            return new CalibrationChoice(metric, before, before, Calibration.identity());
        }
        CombinerFitter fitter = (members, rows) -> {
            Calibration c = Calibration.fit(task, rows, members.get(0));
            return held -> c.apply(held.get(0));
        };
        Predictions crossFitted = CrossFit.predictions(List.of(predictions), targets, fitter, k, seed);
        double after = metric.compute(targets, crossFitted);
        boolean helps = metric.toLoss(before) - metric.toLoss(after) > MIN_IMPROVEMENT;
        Calibration chosen = helps ? Calibration.fit(task, targets, predictions) : Calibration.identity();
        return new CalibrationChoice(metric, before, after, chosen);
    }
}
