package org.automlwb.export.report;

import org.automlwb.engine.Metric;

/** A metric as a chart's reader reads it: its name as people write it, and which way is worse. */
public final class MetricWords {
    private MetricWords() { }

    /** "AUC", "log loss", "R²": the metric as a person writes it, for titles and axes. */
    public static String name(Metric metric) {
        return switch (metric) {
            case AUC -> "AUC";
            case LOGLOSS -> "log loss";
            case ACCURACY -> "accuracy";
            case BALANCED_ACCURACY -> "balanced accuracy";
            case MACRO_F1 -> "macro F1";
            case RMSE -> "RMSE";
            case MAE -> "MAE";
            case R2 -> "R²";
        };
    }

    /**
     * The feature-importance axis in the metric's own direction, "worse by (rise in RMSE)" for an error and "worse
     * by (fall in AUC)" for a score: a bar's length is how much worse the model gets, never a signed number.
     */
    public static String worseBy(Metric metric) {
        return "worse by (" + (metric.higherIsBetter() ? "fall" : "rise") + " in " + name(metric) + ")";
    }
}
