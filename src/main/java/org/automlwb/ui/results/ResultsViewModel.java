package org.automlwb.ui.results;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.export.ExperimentOutcome;
import org.automlwb.ui.run.LeaderRow;
import org.automlwb.ui.run.LiveLeaderboard;

/**
 * The Results view's data, computed from a finished experiment: the chosen model and its metrics, the
 * leaderboard, and the chart data (confusion matrix, ROC and precision-recall curves, or actual-vs-predicted
 * points), plus a side-by-side comparison of two leaderboard entries.
 */
public final class ResultsViewModel {
    private static final long SAMPLE_SEED = 42;

    private final ObjectProperty<ExperimentOutcome> outcome = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Results> results = new ReadOnlyObjectWrapper<>();
    private final ObservableList<LeaderRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<LeaderRow> left = new SimpleObjectProperty<>();
    private final ObjectProperty<LeaderRow> right = new SimpleObjectProperty<>();
    private final ObservableList<MetricRow> comparison = FXCollections.observableArrayList();

    /**
     * What the view shows for one experiment.
     *
     * @param title      the chosen model in a few words
     * @param summary    how the run ended, where it was saved
     * @param metrics    validation and test value per metric (test NaN without test data)
     * @param confusion  classification only, else null
     * @param roc        classification only, else empty
     * @param pr         classification only, else empty
     * @param regression regression only, else null
     */
    public record Results(String title, String summary, List<MetricRow> metrics, ConfusionMatrix confusion,
                          List<Curve> roc, List<Curve> pr, RegressionPoints regression) { }

    public ResultsViewModel() {
        outcome.addListener((obs, o, n) -> show(n));
        left.addListener((obs, o, n) -> comparison.setAll(compare(left.get(), right.get())));
        right.addListener((obs, o, n) -> comparison.setAll(compare(left.get(), right.get())));
    }

    /** The experiment to show; bind it to the session's last outcome. */
    public ObjectProperty<ExperimentOutcome> outcomeProperty() { return outcome; }
    /** What to show, or null before any run. */
    public ReadOnlyObjectProperty<Results> resultsProperty() { return results.getReadOnlyProperty(); }
    public ObservableList<LeaderRow> rows() { return rows; }
    /** The first entry to compare. */
    public ObjectProperty<LeaderRow> leftProperty() { return left; }
    /** The second entry to compare. */
    public ObjectProperty<LeaderRow> rightProperty() { return right; }
    /** The metrics of the two compared entries, side by side. */
    public ObservableList<MetricRow> comparison() { return comparison; }

    private void show(ExperimentOutcome o) {
        left.set(null);
        right.set(null);
        if (o == null) {
            rows.clear();
            results.set(null);
            return;
        }
        rows.setAll(LiveLeaderboard.ranked(o.summary().metric(), o.result().leaderboard()));
        if (rows.size() > 0) left.set(rows.get(0));
        if (rows.size() > 1) right.set(rows.get(1));
        results.set(of(o));
    }

    /** Computes everything the view shows for {@code o}. */
    public static Results of(ExperimentOutcome o) {
        RunResult r = o.result();
        RunSummary s = r.summary();
        String title = s.leader() == null ? "No model" : s.leader().spec().algorithm()
                + (s.leader().spec().config() == null || s.leader().spec().config().values().isEmpty() ? ""
                : " (" + s.leader().spec().config() + ")");
        String summary = s.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " · "
                + s.trials() + " trials · " + s.message() + " · saved as " + o.folder().dir().getFileName();
        List<MetricRow> metrics = sideBySide(s.validation(), s.test());
        Targets truth = r.validationTargets();
        Predictions pred = r.validationPredictions();
        if (truth == null || pred == null || pred.size() == 0) {
            return new Results(title, summary, metrics, null, List.of(), List.of(), null);
        }
        if (pred.isClassification()) {
            return new Results(title, summary, metrics, ConfusionMatrix.of(truth, pred),
                    Curves.perClass(truth, pred, true), Curves.perClass(truth, pred, false), null);
        }
        return new Results(title, summary, metrics, null, List.of(), List.of(),
                RegressionPoints.sample(truth.values(), pred.values(), RegressionPoints.LIMIT, SAMPLE_SEED));
    }

    /** Every metric of either map, in first-seen order, with NaN where one lacks it. */
    static List<MetricRow> sideBySide(Map<String, Double> a, Map<String, Double> b) {
        Set<String> keys = new LinkedHashSet<>();
        if (a != null) keys.addAll(a.keySet());
        if (b != null) keys.addAll(b.keySet());
        List<MetricRow> out = new ArrayList<>();
        for (String k : keys) {
            out.add(new MetricRow(k, value(a, k), value(b, k)));
        }
        return out;
    }

    /** The two entries' metrics side by side; empty unless both are chosen. */
    public static List<MetricRow> compare(LeaderRow a, LeaderRow b) {
        if (a == null || b == null) return List.of();
        return sideBySide(new java.util.TreeMap<>(a.metrics()), new java.util.TreeMap<>(b.metrics()));
    }

    private static double value(Map<String, Double> m, String k) {
        Double v = m == null ? null : m.get(k);
        return v == null ? Double.NaN : v;
    }
}
