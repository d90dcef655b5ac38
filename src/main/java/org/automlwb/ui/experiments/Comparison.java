package org.automlwb.ui.experiments;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automlwb.engine.Metric;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.export.ExperimentSummary;
import org.automlwb.ui.run.LeaderRow;
import org.automlwb.ui.run.LiveLeaderboard;

/**
 * Two or more experiments side by side: the chosen models' metrics in one table, each leaderboard's best rows, and
 * each run's best score as its trials finished (one line per experiment), for a chart.
 *
 * @param experiments the compared experiments, in the order chosen
 * @param metrics     one row per metric any of them has
 * @param leaderboards each experiment's best {@link #TOP} rows, in the same order
 * @param bestSoFar   each experiment's best score after each trial (trial number, score), in the same order;
 *                    empty when they optimised different metrics (their lines would not share an axis)
 * @param metric      the metric the lines show, or null when they differ
 */
public record Comparison(List<ExperimentSummary> experiments, List<CompareRow> metrics,
                         List<List<LeaderRow>> leaderboards, List<List<Best>> bestSoFar, Metric metric) {
    /**
     * The best score once a trial had finished.
     *
     * @param trial the trial's number
     * @param score the best score of it and every earlier trial
     */
    public record Best(int trial, double score) { }

    /** Rows of each leaderboard shown side by side. */
    public static final int TOP = 5;

    /** Computes the comparison of {@code outcomes}, read from the folders of {@code experiments}. */
    public static Comparison of(List<ExperimentSummary> experiments, List<ExperimentOutcome> outcomes) {
        Set<String> found = new LinkedHashSet<>();
        for (ExperimentOutcome o : outcomes) found.addAll(o.summary().validation().keySet());
        // One order every time (the files keep none): the metrics in the order the app lists them, unknown ones last.
        List<String> keys = new ArrayList<>(found);
        keys.sort(java.util.Comparator.comparingInt(Comparison::order));
        List<CompareRow> rows = new ArrayList<>();
        for (String k : keys) {
            List<Double> values = new ArrayList<>();
            for (ExperimentOutcome o : outcomes) {
                Double v = o.summary().validation().get(k);
                values.add(v == null ? Double.NaN : v);
            }
            rows.add(new CompareRow(k, values));
        }
        List<List<LeaderRow>> boards = new ArrayList<>();
        for (ExperimentOutcome o : outcomes) {
            List<LeaderRow> ranked = LiveLeaderboard.ranked(o.summary().metric(), o.result().leaderboard());
            boards.add(ranked.subList(0, Math.min(TOP, ranked.size())));
        }
        Metric shared = outcomes.stream().map(o -> o.summary().metric()).distinct().count() == 1
                ? outcomes.get(0).summary().metric() : null;
        List<List<Best>> lines = new ArrayList<>();
        if (shared != null) for (ExperimentOutcome o : outcomes) lines.add(bestSoFar(o.result().leaderboard(), shared));
        return new Comparison(List.copyOf(experiments), rows, boards, lines, shared);
    }

    /**
     * The best score after each scored trial, by trial number: how quickly each run found its models. The
     * ensemble and the stack are left out (they are built at the end, from the trials).
     */
    static List<Best> bestSoFar(List<TrialResult> trials, Metric metric) {
        List<TrialResult> byId = new ArrayList<>(trials);
        byId.removeIf(t -> !t.ok() || Double.isNaN(t.score()) || "ensemble".equals(t.spec().origin())
                || "stack".equals(t.spec().origin()));
        byId.sort(java.util.Comparator.comparingInt(t -> t.spec().trialId()));
        List<Best> out = new ArrayList<>();
        double best = Double.NaN;
        for (TrialResult t : byId) {
            if (Double.isNaN(best) || metric.toLoss(t.score()) < metric.toLoss(best)) best = t.score();
            out.add(new Best(t.spec().trialId(), best));
        }
        return out;
    }

    private static int order(String key) {
        try {
            return Metric.fromKey(key).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** The metrics as a map per experiment, for tests and the report of a comparison. */
    public Map<String, Double> metricsOf(int experiment) {
        Map<String, Double> m = new java.util.LinkedHashMap<>();
        for (CompareRow r : metrics) m.put(r.metric(), r.values().get(experiment));
        return m;
    }
}
