package org.automlwb.ui.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.automlwb.engine.Metric;
import org.automlwb.engine.PlainNames;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.ui.Fmt;

/**
 * The Results view's plain words, worked out from a run's result without a stage: the sentence an analyst can repeat
 * ("Right for 77 of every 100 cases · AUC 0.83 (0.5 = guessing, 1 = perfect)"), an ensemble's members by algorithm
 * and weight, whether the chosen model beats the constant baseline, and whether the top of the leaderboard is a
 * crowd of near-identical configurations whose differences are noise.
 */
public final class PlainSummary {
    /** Below this many validated rows a data set counts as small for the noise warning. */
    static final int SMALL_ROWS = 5_000;
    /** How many of the best rows the noise warning looks at. */
    static final int TOP = 5;

    private PlainSummary() { }

    /**
     * The sentence that opens Results, from the test metrics when there are some, else the validation ones.
     *
     * @param target the predicted column, the unit of a regression's error
     * @return empty when the run has no scored model
     */
    public static String headline(RunSummary s, String target) {
        boolean test = !s.test().isEmpty();
        Map<String, Double> m = test ? s.test() : s.validation();
        if (m.isEmpty() || s.leader() == null) return "";
        List<String> parts = new ArrayList<>();
        if (s.task().isClassification()) {
            Double acc = m.get(Metric.ACCURACY.key());
            if (acc != null && !acc.isNaN()) parts.add("Right for " + Math.round(acc * 100) + " of every 100 cases");
            Metric main = s.metric() == Metric.ACCURACY ? Metric.AUC : s.metric();
            Double v = m.get(main.key());
            if (v != null && !v.isNaN()) parts.add(PlainNames.metric(main) + " " + two(v) + " (" + scale(main) + ")");
        } else {
            Double mae = m.get(Metric.MAE.key());
            Double rmse = m.get(Metric.RMSE.key());
            Double err = mae != null && !mae.isNaN() ? mae : rmse;
            if (err != null && !err.isNaN()) parts.add("Typical error ±" + Fmt.shortNumber(err) + " " + target);
            Double r2 = m.get(Metric.R2.key());
            if (r2 != null && !r2.isNaN()) parts.add("R² " + two(r2) + " (" + scale(Metric.R2) + ")");
        }
        if (parts.isEmpty()) return "";
        return String.join(" · ", parts) + (test ? " — on the test file, which the model never saw"
                : " — in validation (rows held out while training)");
    }

    /** What a metric's values mean, in a few words: the reference points of its scale. */
    static String scale(Metric m) {
        return switch (m) {
            case AUC -> "0.5 = guessing, 1 = perfect";
            case ACCURACY, MACRO_F1 -> "1 = perfect";
            case BALANCED_ACCURACY -> "1 / classes = guessing, 1 = perfect";
            case LOGLOSS -> "0 = perfect, lower is better";
            case R2 -> "0 = no better than the average, 1 = perfect";
            case RMSE, MAE -> "0 = perfect, lower is better";
        };
    }

    /**
     * An ensemble's members by algorithm and weight, largest first, e.g. "XGBoost ×3 62% · Random forest 38%";
     * empty when the chosen model is a single one.
     */
    public static String members(RunResult r) {
        if (r.weights().isEmpty()) return "";
        Map<Integer, String> algorithmOf = new LinkedHashMap<>();
        for (TrialResult t : r.leaderboard()) algorithmOf.put(t.spec().trialId(), t.spec().algorithm());
        Map<String, double[]> byAlgorithm = new LinkedHashMap<>(); // {weight, count}
        double total = 0;
        for (Map.Entry<Integer, Double> e : r.weights().entrySet()) {
            String algo = PlainNames.algorithm(algorithmOf.getOrDefault(e.getKey(), "?"));
            double[] wc = byAlgorithm.computeIfAbsent(algo, k -> new double[2]);
            wc[0] += e.getValue();
            wc[1]++;
            total += e.getValue();
        }
        double sum = total;
        List<String> parts = new ArrayList<>();
        byAlgorithm.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
                .forEach(e -> parts.add(e.getKey() + (e.getValue()[1] > 1 ? " ×" + (int) e.getValue()[1] : "") + " "
                        + Math.round(100 * e.getValue()[0] / sum) + "%"));
        return String.join(" · ", parts);
    }

    /** The chosen model's hyperparameters, one per line, numbers rounded for reading; an ensemble's per member. */
    public static String details(RunResult r) {
        TrialResult leader = r.summary().leader();
        if (leader == null) return "";
        if (r.weights().isEmpty()) return settings(leader);
        StringBuilder b = new StringBuilder();
        for (TrialResult t : r.leaderboard()) {
            Double w = r.weights().get(t.spec().trialId());
            if (w == null) continue;
            if (b.length() > 0) b.append("\n\n");
            b.append(PlainNames.algorithm(t.spec().algorithm())).append(" (trial ").append(t.spec().trialId())
                    .append(", weight ").append(String.format(Locale.ROOT, "%.2f", w)).append(")\n")
                    .append(settings(t));
        }
        return b.toString();
    }

    private static String settings(TrialResult t) {
        if (t.spec().config() == null || t.spec().config().values().isEmpty()) return "  (default settings)";
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Object> e : new java.util.TreeMap<>(t.spec().config().values()).entrySet()) {
            if (b.length() > 0) b.append('\n');
            Object v = e.getValue();
            b.append("  ").append(e.getKey().replace('_', ' ')).append(" = ")
                    .append(v instanceof Double d ? Fmt.shortNumber(d) : v instanceof Float f ? Fmt.shortNumber(f)
                            : String.valueOf(v));
        }
        return b.toString();
    }

    /**
     * Says so when the chosen model does not beat the constant baseline (always the most common class, or the
     * average): such a model has learnt nothing usable. Empty when it beats it or there is no baseline.
     */
    public static String baseline(RunResult r) {
        RunSummary s = r.summary();
        Double chosen = s.validation().get(s.metric().key());
        if (chosen == null || chosen.isNaN() || "baseline".equals(leaderAlgorithm(s))) {
            return "baseline".equals(leaderAlgorithm(s)) ? "The chosen model is the constant baseline itself: no "
                    + "algorithm beat always predicting " + constant(s) + ". The columns may not say much about the "
                    + "target." : "";
        }
        for (TrialResult t : r.leaderboard()) {
            if (!"baseline".equals(t.spec().algorithm()) || !t.ok() || Double.isNaN(t.score())) continue;
            if (s.metric().toLoss(chosen) >= s.metric().toLoss(t.score())) {
                return "Worse than the constant baseline: always predicting " + constant(s) + " scores "
                        + Fmt.number(t.score()) + " " + PlainNames.metric(s.metric()) + ", this model "
                        + Fmt.number(chosen) + ". It has learnt nothing usable.";
            }
        }
        return "";
    }

    /**
     * A warning when many near-identical configurations fill the top of the leaderboard on a small data set. How
     * it decides: among the {@value #TOP} best scored rows (ensembles left out), at least three are one algorithm,
     * and all {@value #TOP} lie within one standard error of the best score, with fewer than {@value #SMALL_ROWS}
     * validated rows. The standard error is that of a proportion at its widest, 0.5 / √rows, for the metrics on a
     * 0–1 scale (AUC, accuracies, F1, R²), and the best score / √rows for the error metrics (log loss, RMSE, MAE):
     * differences smaller than that would change order on another sample of the same size.
     *
     * @param rows validated rows (the size of the out-of-fold predictions)
     * @return empty when the top is not crowded or the data is large enough
     */
    public static String crowdedTop(RunResult r, int rows) {
        if (rows <= 0 || rows >= SMALL_ROWS) return "";
        Metric metric = r.summary().metric();
        List<TrialResult> top = new ArrayList<>();
        for (TrialResult t : r.leaderboard()) {
            String o = t.spec().origin();
            if (t.ok() && !Double.isNaN(t.score()) && !"ensemble".equals(o) && !"stack".equals(o)) top.add(t);
        }
        top.sort((a, b) -> Double.compare(metric.toLoss(a.score()), metric.toLoss(b.score())));
        if (top.size() < TOP) return "";
        top = top.subList(0, TOP);
        Map<String, Integer> count = new LinkedHashMap<>();
        for (TrialResult t : top) count.merge(t.spec().algorithm(), 1, Integer::sum);
        Map.Entry<String, Integer> most = count.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        if (most.getValue() < 3) return "";
        double best = top.get(0).score();
        double noise = bounded(metric) ? 0.5 / Math.sqrt(rows) : Math.abs(best) / Math.sqrt(rows);
        double spread = Math.abs(top.get(TOP - 1).score() - best);
        if (spread > noise) return "";
        return "The top " + TOP + " are " + most.getValue() + " × " + PlainNames.algorithm(most.getKey())
                + " with nearly the same settings, within " + Fmt.shortNumber(spread) + " of each other. On "
                + Fmt.count(rows) + " rows a difference under " + Fmt.shortNumber(noise) + " (one standard error) is "
                + "noise: any of them should do about as well on new data, and their order may change on a re-run.";
    }

    private static boolean bounded(Metric m) {
        return m != Metric.LOGLOSS && m != Metric.RMSE && m != Metric.MAE;
    }

    private static String leaderAlgorithm(RunSummary s) {
        return s.leader() == null ? null : s.leader().spec().algorithm();
    }

    private static String constant(RunSummary s) {
        return s.task().isClassification() ? "the most common class" : "the average";
    }

    private static String two(double v) {
        // -0.001 rounds to "-0.00", which reads as a sign that means something: it is 0.00
        return String.format(Locale.ROOT, "%.2f", Math.abs(v) < 0.005 ? 0.0 : v);
    }
}
