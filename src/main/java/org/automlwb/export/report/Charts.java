package org.automlwb.export.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.automlwb.engine.FeatureImportance.Importance;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;

/**
 * Plotly figures ({@code {data: [...], layout: {...}}} as maps for JSON) built from aggregated numbers: a report
 * never carries a raw trace of more than {@value #MAX_POINTS} points, whatever the data size.
 */
final class Charts {
    /** Scatter plots sample down to this many points. */
    static final int MAX_POINTS = 2_000;
    private static final int ROC_POINTS = 200;
    private static final int MAX_ROC_CLASSES = 10;
    private static final String ACCENT = "#2563eb";
    private static final String MUTED = "#94a3b8";

    private Charts() { }

    /** One trial as the charts see it. */
    record TrialPoint(String algorithm, double score, double finishedSeconds) { }

    static Map<String, Object> bestOverTime(List<TrialPoint> trials, String metric, boolean higherIsBetter) {
        List<TrialPoint> sorted = new ArrayList<>(trials);
        sorted.sort((a, b) -> Double.compare(a.finishedSeconds(), b.finishedSeconds()));
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> bx = new ArrayList<>();
        List<Double> by = new ArrayList<>();
        List<String> text = new ArrayList<>();
        double best = Double.NaN;
        for (TrialPoint t : sorted) {
            x.add(t.finishedSeconds());
            y.add(t.score());
            text.add(t.algorithm());
            if (Double.isNaN(best) || (higherIsBetter ? t.score() > best : t.score() < best)) best = t.score();
            bx.add(t.finishedSeconds());
            by.add(best);
        }
        Map<String, Object> trialsTrace = trace("scatter", x, y);
        trialsTrace.put("mode", "markers");
        trialsTrace.put("name", "trial");
        trialsTrace.put("text", text);
        trialsTrace.put("marker", Map.of("color", MUTED, "size", 6));
        Map<String, Object> bestTrace = trace("scatter", bx, by);
        bestTrace.put("mode", "lines");
        bestTrace.put("name", "best so far");
        bestTrace.put("line", Map.of("color", ACCENT, "width", 3, "shape", "hv"));
        return figure(List.of(trialsTrace, bestTrace), layout("seconds since the start", metric));
    }

    static Map<String, Object> perAlgorithm(List<TrialPoint> trials, String metric) {
        Map<String, List<Double>> by = new LinkedHashMap<>();
        for (TrialPoint t : trials) by.computeIfAbsent(t.algorithm(), k -> new ArrayList<>()).add(t.score());
        List<Object> data = new ArrayList<>();
        by.forEach((algo, scores) -> {
            Map<String, Object> box = new LinkedHashMap<>();
            box.put("type", "box");
            box.put("name", algo + " (" + scores.size() + ")");
            box.put("x", scores);
            box.put("orientation", "h");
            box.put("boxpoints", "all");
            box.put("jitter", 0.4);
            box.put("pointpos", 0);
            box.put("marker", Map.of("size", 5));
            data.add(box);
        });
        Map<String, Object> layout = layout(metric, "");
        layout.put("showlegend", false);
        layout.put("height", Math.max(300, 80 + 28 * by.size()));
        return figure(data, layout);
    }

    static Map<String, Object> confusion(Targets truth, Predictions p) {
        List<String> classes = truth.classNames();
        int k = classes.size();
        int[][] counts = new int[k][k];
        int[] predicted = p.argmax();
        for (int i = 0; i < truth.size(); i++) {
            int t = truth.classIndex()[i];
            if (t >= 0) counts[t][predicted[i]]++;
        }
        List<List<Integer>> z = new ArrayList<>();
        for (int[] row : counts) z.add(Arrays.stream(row).boxed().toList());
        Map<String, Object> heat = new LinkedHashMap<>();
        heat.put("type", "heatmap");
        heat.put("x", classes);
        heat.put("y", classes);
        heat.put("z", z);
        heat.put("colorscale", "Blues");
        heat.put("reversescale", true); // plotly's Blues runs dark to light: more rows should be darker
        heat.put("texttemplate", "%{z}");
        heat.put("hovertemplate", "actual %{y}<br>predicted %{x}<br>%{z} rows<extra></extra>");
        Map<String, Object> layout = layout("predicted", "actual");
        layout.put("yaxis", Map.of("title", Map.of("text", "actual"), "autorange", "reversed", "type", "category",
                "automargin", true));
        layout.put("xaxis", Map.of("title", Map.of("text", "predicted"), "type", "category", "automargin", true));
        return figure(List.of(heat), layout);
    }

    /** Binary: the positive (second) class; multiclass: one curve per class, one against the rest. */
    static Map<String, Object> roc(Targets truth, Predictions p) {
        List<String> classes = truth.classNames();
        List<Object> data = new ArrayList<>();
        int first = classes.size() == 2 ? 1 : 0;
        for (int c = first; c < Math.min(classes.size(), MAX_ROC_CLASSES); c++) {
            double[][] curve = rocCurve(truth.classIndex(), p.probabilities(), c);
            if (curve == null) continue;
            Map<String, Object> line = trace("scatter", box(curve[0]), box(curve[1]));
            line.put("mode", "lines");
            line.put("name", classes.size() == 2 ? classes.get(c) + " (positive)" : classes.get(c));
            data.add(line);
        }
        Map<String, Object> chance = trace("scatter", List.of(0.0, 1.0), List.of(0.0, 1.0));
        chance.put("mode", "lines");
        chance.put("name", "chance");
        chance.put("line", Map.of("dash", "dot", "color", MUTED));
        data.add(chance);
        return figure(data, layout("false positive rate", "true positive rate"));
    }

    /** FPR and TPR at up to {@value #ROC_POINTS} thresholds, or null when the class or its complement is absent. */
    static double[][] rocCurve(int[] truth, double[][] prob, int c) {
        int n = truth.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(prob[b][c], prob[a][c]));
        int pos = 0;
        for (int t : truth) if (t == c) pos++;
        int neg = n - pos;
        if (pos == 0 || neg == 0) return null;
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        int tp = 0;
        int fp = 0;
        for (int i = 0; i < n; i++) {
            if (truth[order[i]] == c) tp++; else fp++;
            boolean tieNext = i + 1 < n && prob[order[i + 1]][c] == prob[order[i]][c];
            if (!tieNext) points.add(new double[] {(double) fp / neg, (double) tp / pos});
        }
        int step = Math.max(1, points.size() / ROC_POINTS);
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < points.size(); i += step) kept.add(points.get(i));
        if (kept.get(kept.size() - 1) != points.get(points.size() - 1)) kept.add(points.get(points.size() - 1));
        double[][] out = new double[2][kept.size()];
        for (int i = 0; i < kept.size(); i++) {
            out[0][i] = kept.get(i)[0];
            out[1][i] = kept.get(i)[1];
        }
        return out;
    }

    static Map<String, Object> actualVsPredicted(Targets truth, Predictions p, long seed) {
        int[] rows = sample(truth.size(), seed);
        List<Double> actual = new ArrayList<>();
        List<Double> predicted = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i : rows) {
            actual.add(truth.values()[i]);
            predicted.add(p.values()[i]);
            lo = Math.min(lo, Math.min(truth.values()[i], p.values()[i]));
            hi = Math.max(hi, Math.max(truth.values()[i], p.values()[i]));
        }
        Map<String, Object> points = trace("scatter", actual, predicted);
        points.put("mode", "markers");
        points.put("name", rows.length < truth.size() ? "rows (" + rows.length + " of " + truth.size() + ")" : "rows");
        points.put("marker", Map.of("size", 4, "opacity", 0.5, "color", ACCENT));
        Map<String, Object> diagonal = trace("scatter", List.of(lo, hi), List.of(lo, hi));
        diagonal.put("mode", "lines");
        diagonal.put("name", "perfect");
        diagonal.put("line", Map.of("dash", "dot", "color", MUTED));
        return figure(List.of(points, diagonal), layout("actual", "predicted"));
    }

    static Map<String, Object> residuals(Targets truth, Predictions p, long seed) {
        int[] rows = sample(truth.size(), seed);
        List<Double> predicted = new ArrayList<>();
        List<Double> residual = new ArrayList<>();
        for (int i : rows) {
            predicted.add(p.values()[i]);
            residual.add(truth.values()[i] - p.values()[i]);
        }
        Map<String, Object> points = trace("scatter", predicted, residual);
        points.put("mode", "markers");
        points.put("name", "actual − predicted");
        points.put("marker", Map.of("size", 4, "opacity", 0.5, "color", ACCENT));
        Map<String, Object> layout = layout("predicted", "residual (actual − predicted)");
        layout.put("showlegend", false);
        return figure(List.of(points), layout);
    }

    static Map<String, Object> importance(List<Importance> importances, String metric, int top) {
        List<Importance> shown = importances.subList(0, Math.min(top, importances.size()));
        List<String> names = new ArrayList<>();
        List<Double> drops = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        // plotly draws the first category at the bottom: reverse so the most important is on top
        for (int i = shown.size() - 1; i >= 0; i--) {
            names.add(shown.get(i).column());
            drops.add(shown.get(i).drop());
            errors.add(shown.get(i).std());
        }
        Map<String, Object> bar = trace("bar", drops, names);
        bar.put("orientation", "h");
        bar.put("marker", Map.of("color", ACCENT));
        bar.put("error_x", Map.of("type", "data", "array", errors, "visible", true, "color", MUTED));
        Map<String, Object> layout = layout("how much " + metric + " gets worse when the column is shuffled", "");
        layout.put("height", Math.max(260, 60 + 24 * shown.size()));
        layout.put("margin", Map.of("l", 170, "r", 20, "t", 20, "b", 50));
        return figure(List.of(bar), layout);
    }

    private static int[] sample(int n, long seed) {
        int[] all = new int[n];
        for (int i = 0; i < n; i++) all[i] = i;
        if (n <= MAX_POINTS) return all;
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < MAX_POINTS; i++) {
            int j = i + r.nextInt(n - i);
            int t = all[i];
            all[i] = all[j];
            all[j] = t;
        }
        return Arrays.copyOf(all, MAX_POINTS);
    }

    private static List<Double> box(double[] v) { return Arrays.stream(v).boxed().toList(); }

    private static Map<String, Object> trace(String type, List<?> x, List<?> y) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("type", type);
        t.put("x", x);
        t.put("y", y);
        return t;
    }

    private static Map<String, Object> layout(String xTitle, String yTitle) {
        Map<String, Object> l = new LinkedHashMap<>();
        l.put("xaxis", Map.of("title", Map.of("text", xTitle), "zeroline", false, "automargin", true));
        l.put("yaxis", Map.of("title", Map.of("text", yTitle), "zeroline", false, "automargin", true));
        l.put("margin", Map.of("l", 70, "r", 20, "t", 20, "b", 50));
        l.put("height", 360);
        l.put("legend", Map.of("orientation", "h", "y", -0.2));
        l.put("font", Map.of("family", "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size", 12));
        return l;
    }

    private static Map<String, Object> figure(List<?> data, Map<String, Object> layout) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("data", data);
        f.put("layout", layout);
        return f;
    }
}
