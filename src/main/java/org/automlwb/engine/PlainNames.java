package org.automlwb.engine;

import java.util.Locale;
import org.automlwb.engine.algo.AlgorithmCatalogue;
import org.automlwb.engine.trial.TrialStatus;

/**
 * The one place where the engine's ids become words a person reads: algorithm ids ({@code linear_sgd} → "Linear
 * model (SGD)"), metric keys ({@code logloss} → "Log loss") with what the metric means and which way is better,
 * and trial statuses with what they mean. The ids stay in files, JSON and the command line, where scripts read them;
 * everything a person reads in the app takes its words from here, so one algorithm never has two names.
 */
public final class PlainNames {
    private PlainNames() { }

    /**
     * The name of an algorithm id: the catalogue's own for the product's algorithms, words for the ensemble and
     * the stack, and the id with its underscores as spaces for an id this version does not know (another engine's).
     */
    public static String algorithm(String id) {
        if (id == null || id.isBlank()) return "—";
        return switch (id) {
            case "ensemble" -> "Ensemble (weighted average)";
            case "stack" -> "Stacked ensemble";
            default -> AlgorithmCatalogue.byId(id).map(a -> a.displayName()).orElseGet(() -> capitalised(id));
        };
    }

    /** A metric's short name, e.g. "Log loss", "R²". */
    public static String metric(Metric m) {
        return switch (m) {
            case AUC -> "AUC";
            case ACCURACY -> "Accuracy";
            case BALANCED_ACCURACY -> "Balanced accuracy";
            case LOGLOSS -> "Log loss";
            case MACRO_F1 -> "Macro F1";
            case RMSE -> "RMSE";
            case MAE -> "MAE";
            case R2 -> "R²";
        };
    }

    /** The short name of a metric key, or the key itself when it names no metric this version knows. */
    public static String metric(String key) {
        Metric m = metricOrNull(key);
        return m == null ? key : metric(m);
    }

    /** What a metric measures, its range and which way is better: a tooltip's text. */
    public static String meaning(Metric m) {
        return switch (m) {
            case AUC -> "Area under the ROC curve: how well the model ranks a positive case above a negative one. "
                    + "0.5 = guessing, 1 = perfect. Higher is better.";
            case ACCURACY -> "The share of rows whose class the model gets right. Higher is better; compare it with "
                    + "the share of the most common class, which always guessing that class gets.";
            case BALANCED_ACCURACY -> "Accuracy averaged over the classes, so a rare class counts as much as a "
                    + "common one. 1 / number of classes = guessing, 1 = perfect. Higher is better.";
            case LOGLOSS -> "Log loss: how much probability the model gave the true class (penalising confident "
                    + "mistakes most). 0 = perfect. Lower is better.";
            case MACRO_F1 -> "F1 (the balance of precision and recall) averaged over the classes. 0 to 1; higher "
                    + "is better.";
            case RMSE -> "Root mean squared error, in the target's own unit: the typical size of an error, large "
                    + "errors weighing more. Lower is better.";
            case MAE -> "Mean absolute error, in the target's own unit: the average size of an error. Lower is "
                    + "better.";
            case R2 -> "R²: the share of the target's variation the model explains. 0 = no better than always "
                    + "predicting the average, 1 = perfect. Higher is better.";
        };
    }

    /** {@link #meaning(Metric)} of a key, or empty for an unknown key. */
    public static String meaning(String key) {
        Metric m = metricOrNull(key);
        return m == null ? "" : meaning(m);
    }

    /** "higher is better" or "lower is better". */
    public static String direction(Metric m) {
        return m.higherIsBetter() ? "higher is better" : "lower is better";
    }

    /** A trial status in one or two words, e.g. "pruned". */
    public static String status(TrialStatus s) {
        return switch (s) {
            case OK -> "ok";
            case PRUNED -> "pruned";
            case FAILED -> "failed";
            case TIMEOUT -> "timed out";
            case CANCELLED -> "stopped";
        };
    }

    /** What a status means, for the person reading a leaderboard: a pruned trial is not an error. */
    public static String statusMeaning(TrialStatus s) {
        return switch (s) {
            case OK -> "Trained and scored on every validation fold.";
            case PRUNED -> "Not an error: stopped early on purpose because it scored worse than the others on a "
                    + "first, smaller round (successive halving). That saves time for the promising ones; it has "
                    + "no final score.";
            case FAILED -> "The algorithm could not train on this data with these settings (the Error column says "
                    + "why). The run carries on without it.";
            case TIMEOUT -> "Took longer than the time one trial may take, so it was stopped and has no score. "
                    + "The run carries on without it.";
            case CANCELLED -> "Still training when the run was stopped, so it has no score.";
        };
    }

    /** What a missing score ("NaN") means on a row of this status. */
    public static String noScore(TrialStatus s) {
        return s == TrialStatus.OK ? "No score: the metric could not be computed on these predictions (e.g. AUC "
                + "when the model gives no probabilities)." : "No score: " + status(s) + ". " + statusMeaning(s);
    }

    private static Metric metricOrNull(String key) {
        if (key == null) return null;
        try {
            return Metric.fromKey(key);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String capitalised(String id) {
        String words = id.replace('_', ' ').replace('-', ' ');
        return words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }
}
