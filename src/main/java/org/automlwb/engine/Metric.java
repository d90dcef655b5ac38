package org.automlwb.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The metrics a run can optimise and report, with the AutoML Benchmark keys used in JSON.
 * The formulas live in {@link Metrics}.
 */
public enum Metric {
    AUC("auc", true, true),
    ACCURACY("accuracy", true, true),
    BALANCED_ACCURACY("balanced_accuracy", true, true),
    LOGLOSS("logloss", false, true),
    MACRO_F1("macro_f1", true, true),
    RMSE("rmse", false, false),
    MAE("mae", false, false),
    R2("r2", true, false);

    private final String key;
    private final boolean higherIsBetter;
    private final boolean classification;

    Metric(String key, boolean higherIsBetter, boolean classification) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
        this.classification = classification;
    }

    public String key() { return key; }

    public boolean higherIsBetter() { return higherIsBetter; }

    public boolean appliesTo(TaskType task) { return classification == task.isClassification(); }

    /** AUC for binary, log loss for multiclass, RMSE for regression (AutoML Benchmark conventions). */
    public static Metric defaultFor(TaskType task) {
        return switch (task) {
            case BINARY -> AUC;
            case MULTICLASS -> LOGLOSS;
            case REGRESSION -> RMSE;
        };
    }

    /** Every metric that applies to the task, in enum order. */
    public static List<Metric> forTask(TaskType task) {
        return Arrays.stream(values()).filter(m -> m.appliesTo(task)).toList();
    }

    /** Parses a key such as {@code auc} or {@code macro_f1} (case-insensitive). */
    public static Metric fromKey(String key) {
        String k = key.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Metric m : values()) if (m.key.equals(k)) return m;
        throw new IllegalArgumentException("unknown metric '" + key + "'");
    }

    /**
     * A value to minimise: the metric itself when lower is better, its negative otherwise.
     * Searchers and the ensemble work only with losses, so they never need to know the direction.
     */
    public double toLoss(double score) { return higherIsBetter ? -score : score; }

    /** Computes this metric. */
    public double compute(Targets truth, Predictions predictions) { return Metrics.compute(this, truth, predictions); }
}
