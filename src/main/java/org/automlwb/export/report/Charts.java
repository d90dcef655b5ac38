package org.automlwb.export.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.automlwb.engine.FeatureImportance.Importance;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;

/**
 * ECharts options (as maps for JSON) built from aggregated numbers: a report never carries a raw series of more
 * than {@value #MAX_POINTS} points, whatever the data size.
 *
 * <p>Every axis title sits where it cannot meet the tick labels: the x title under the axis, the y title above
 * the plot, level with the legend's row on the other side. Tooltips are drawn as chart text, never as HTML, so
 * that a column name or class label spelled as markup stays text.
 */
final class Charts {
    /** Scatter plots sample down to this many points. */
    static final int MAX_POINTS = 2_000;
    /** The height a chart is drawn at unless its content needs more, in CSS pixels. */
    static final int HEIGHT = 340;
    private static final int ROC_POINTS = 200;
    private static final int MAX_ROC_CLASSES = 10;
    /** A category name longer than this is wrapped onto several lines. */
    private static final int LABEL_CHARS = 24;
    private static final String ACCENT = "#2563eb";
    private static final String MUTED = "#94a3b8";

    private Charts() { }

    /**
     * One chart: its ECharts option and the height its container needs.
     *
     * @param option the option passed to {@code setOption}, as maps and lists for JSON
     * @param height the container's height in CSS pixels (rows of a category axis need room)
     */
    record Chart(Map<String, Object> option, int height) { }

    /** One trial as the charts see it. */
    record TrialPoint(String algorithm, double score, double finishedSeconds) { }

    static Chart bestOverTime(List<TrialPoint> trials, String metric, boolean higherIsBetter) {
        List<TrialPoint> sorted = new ArrayList<>(trials);
        sorted.sort((a, b) -> Double.compare(a.finishedSeconds(), b.finishedSeconds()));
        List<List<Object>> points = new ArrayList<>();
        List<List<Object>> best = new ArrayList<>();
        double bestSoFar = Double.NaN;
        for (TrialPoint t : sorted) {
            points.add(List.of(t.finishedSeconds(), t.score(), t.algorithm()));
            if (Double.isNaN(bestSoFar) || (higherIsBetter ? t.score() > bestSoFar : t.score() < bestSoFar)) {
                bestSoFar = t.score();
            }
            best.add(List.of(t.finishedSeconds(), bestSoFar));
        }
        Map<String, Object> trialSeries = series("scatter", "trial", points);
        trialSeries.put("symbolSize", 6);
        trialSeries.put("itemStyle", Map.of("color", MUTED));
        Map<String, Object> bestSeries = line("best so far", best, ACCENT, false);
        bestSeries.put("step", "end");
        bestSeries.put("lineStyle", Map.of("color", ACCENT, "width", 3));
        Map<String, Object> o = base(valueAxis("seconds since the start"), valueAxis(metric), true);
        o.put("series", List.of(trialSeries, bestSeries));
        return new Chart(o, HEIGHT);
    }

    /** A box per algorithm (minimum, quartiles, maximum) with every trial's score drawn over it. */
    static Chart perAlgorithm(List<TrialPoint> trials, String metric) {
        Map<String, List<Double>> by = new LinkedHashMap<>();
        for (TrialPoint t : trials) by.computeIfAbsent(t.algorithm(), k -> new ArrayList<>()).add(t.score());
        List<String> names = new ArrayList<>();
        List<List<Double>> boxes = new ArrayList<>();
        List<List<Object>> points = new ArrayList<>();
        by.forEach((algo, scores) -> {
            String name = algo + " (" + scores.size() + ")";
            names.add(name);
            boxes.add(fiveNumbers(scores));
            for (double s : scores) points.add(List.of(s, names.size() - 1)); // by index: the axis wraps names
        });
        Map<String, Object> box = series("boxplot", "spread", boxes);
        box.put("itemStyle", Map.of("color", "#dbeafe", "borderColor", ACCENT));
        Map<String, Object> dots = series("scatter", "trial", points);
        dots.put("symbolSize", 5);
        dots.put("itemStyle", Map.of("color", "#1e3a8a", "opacity", 0.6));
        Map<String, Object> o = base(valueAxis(metric), categoryAxis(names, false), false);
        o.put("series", List.of(box, dots));
        return new Chart(o, Math.max(260, 90 + 32 * names.size()));
    }

    static Chart confusion(Targets truth, Predictions p) {
        List<String> classes = truth.classNames();
        int k = classes.size();
        int[][] counts = new int[k][k];
        int[] predicted = p.argmax();
        for (int i = 0; i < truth.size(); i++) {
            int t = truth.classIndex()[i];
            if (t >= 0) counts[t][predicted[i]]++;
        }
        List<List<Integer>> cells = new ArrayList<>();
        int max = 0;
        for (int a = 0; a < k; a++) {
            for (int q = 0; q < k; q++) {
                cells.add(List.of(q, a, counts[a][q])); // [predicted index, actual index, rows]
                max = Math.max(max, counts[a][q]);
            }
        }
        Map<String, Object> heat = series("heatmap", "rows", cells);
        // dark text with a white halo reads on the palest and the darkest cell alike
        heat.put("label", Map.of("show", true, "color", "#0f172a", "textBorderColor", "#ffffff",
                "textBorderWidth", 2, "fontSize", 13));
        Map<String, Object> x = categoryAxis(classes, false);
        x.put("name", "predicted");
        Map<String, Object> y = categoryAxis(classes, true);
        y.put("name", "actual");
        Map<String, Object> o = base(x, y, false);
        o.put("visualMap", Map.of("min", 0, "max", Math.max(1, max), "show", false, "inRange",
                Map.of("color", List.of("#eff6ff", "#2563eb"))));
        o.put("series", List.of(heat));
        return new Chart(o, Math.max(HEIGHT, 120 + 36 * k));
    }

    /** Binary: the positive (second) class; multiclass: one curve per class, one against the rest. */
    static Chart roc(Targets truth, Predictions p) {
        List<String> classes = truth.classNames();
        List<Object> series = new ArrayList<>();
        int first = classes.size() == 2 ? 1 : 0;
        for (int c = first; c < Math.min(classes.size(), MAX_ROC_CLASSES); c++) {
            double[][] curve = rocCurve(truth.classIndex(), p.probabilities(), c);
            if (curve == null) continue;
            List<List<Object>> xy = new ArrayList<>();
            for (int i = 0; i < curve[0].length; i++) xy.add(List.of(curve[0][i], curve[1][i]));
            series.add(line(classes.size() == 2 ? classes.get(c) + " (positive)" : classes.get(c), xy, null, false));
        }
        series.add(line("chance", List.of(List.of(0.0, 0.0), List.of(1.0, 1.0)), MUTED, true));
        Map<String, Object> x = valueAxis("false positive rate");
        Map<String, Object> y = valueAxis("true positive rate");
        for (Map<String, Object> a : List.of(x, y)) {
            a.put("min", 0);
            a.put("max", 1);
            a.put("scale", false);
        }
        Map<String, Object> o = base(x, y, true);
        o.put("series", series);
        return new Chart(o, HEIGHT);
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

    /** Sampled rows as points, with the diagonal where a perfect model's points would lie. */
    static Chart actualVsPredicted(Targets truth, Predictions p, long seed) {
        int[] rows = sample(truth.size(), seed);
        List<List<Object>> xy = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i : rows) {
            xy.add(List.of(truth.values()[i], p.values()[i]));
            lo = Math.min(lo, Math.min(truth.values()[i], p.values()[i]));
            hi = Math.max(hi, Math.max(truth.values()[i], p.values()[i]));
        }
        Map<String, Object> points = series("scatter",
                rows.length < truth.size() ? "rows (" + rows.length + " of " + truth.size() + ")" : "rows", xy);
        points.put("symbolSize", 4);
        points.put("itemStyle", Map.of("color", ACCENT, "opacity", 0.5));
        Map<String, Object> o = base(valueAxis("actual"), valueAxis("predicted"), true);
        o.put("series", List.of(points, line("perfect (predicted = actual)", List.of(List.of(lo, lo),
                List.of(hi, hi)), MUTED, true)));
        return new Chart(o, HEIGHT);
    }

    /** Sampled rows' errors against their prediction, with the zero line a perfect model's points would lie on. */
    static Chart residuals(Targets truth, Predictions p, long seed) {
        int[] rows = sample(truth.size(), seed);
        List<List<Object>> xy = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i : rows) {
            xy.add(List.of(p.values()[i], truth.values()[i] - p.values()[i]));
            lo = Math.min(lo, p.values()[i]);
            hi = Math.max(hi, p.values()[i]);
        }
        Map<String, Object> points = series("scatter", "actual − predicted", xy);
        points.put("symbolSize", 4);
        points.put("itemStyle", Map.of("color", ACCENT, "opacity", 0.5));
        Map<String, Object> o = base(valueAxis("predicted"), valueAxis("residual (actual − predicted)"), false);
        o.put("series", List.of(points, line("no error", List.of(List.of(lo, 0.0), List.of(hi, 0.0)), MUTED, true)));
        return new Chart(o, HEIGHT);
    }

    /**
     * Bars of the mean loss when a column is shuffled, most important on top, with whiskers of one standard
     * deviation either side (a {@code custom} series the page's script draws).
     */
    static Chart importance(List<Importance> importances, Metric metric, int top) {
        List<Importance> shown = importances.subList(0, Math.min(top, importances.size()));
        List<String> names = new ArrayList<>();
        List<Double> drops = new ArrayList<>();
        List<List<Object>> whiskers = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            Importance m = shown.get(i);
            names.add(m.column());
            drops.add(m.drop());
            whiskers.add(List.of(m.drop() - m.std(), m.drop() + m.std(), i));
        }
        Map<String, Object> bar = series("bar", "mean", drops);
        bar.put("itemStyle", Map.of("color", ACCENT));
        bar.put("barMaxWidth", 18);
        Map<String, Object> spread = series("custom", "spread", whiskers);
        spread.put("encode", Map.of("x", List.of(0, 1), "y", 2));
        spread.put("z", 3);
        Map<String, Object> o = base(valueAxis(MetricWords.worseBy(metric)), categoryAxis(names, true), false);
        o.put("series", List.of(bar, spread));
        return new Chart(o, Math.max(220, 70 + 26 * shown.size()));
    }

    /** Minimum, lower quartile, median, upper quartile and maximum, quartiles interpolated as in R's default. */
    static List<Double> fiveNumbers(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return List.of(v[0], quantile(v, 0.25), quantile(v, 0.5), quantile(v, 0.75), v[v.length - 1]);
    }

    private static double quantile(double[] sorted, double q) {
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
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

    private static Map<String, Object> series(String type, String name, List<?> data) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", type);
        s.put("name", name);
        s.put("data", data);
        return s;
    }

    private static Map<String, Object> line(String name, List<?> data, String color, boolean dotted) {
        Map<String, Object> s = series("line", name, data);
        s.put("showSymbol", false);
        Map<String, Object> style = new LinkedHashMap<>();
        if (color != null) style.put("color", color);
        style.put("width", dotted ? 1.5 : 2);
        if (dotted) style.put("type", "dashed");
        s.put("lineStyle", style);
        if (color != null) s.put("itemStyle", Map.of("color", color));
        return s;
    }

    /**
     * A long name on lines of about {@value #LABEL_CHARS} characters, broken after a space, underscore or dash
     * where there is one: the plot keeps its width and the name is shown whole (ECharts' own label width cut the
     * first letters off when it measured the grid).
     */
    static String wrap(String name) {
        if (name.length() <= LABEL_CHARS) return name;
        StringBuilder out = new StringBuilder();
        int lineStart = 0;
        while (name.length() - lineStart > LABEL_CHARS) {
            int end = lineStart + LABEL_CHARS;
            int cut = -1;
            for (int i = end; i > lineStart + LABEL_CHARS / 2; i--) {
                char c = name.charAt(i - 1);
                if (c == ' ' || c == '_' || c == '-') {
                    cut = i;
                    break;
                }
            }
            if (cut < 0) cut = end;
            out.append(name, lineStart, cut).append('\n');
            lineStart = cut;
        }
        return out.append(name.substring(lineStart)).toString();
    }

    private static Map<String, Object> valueAxis(String title) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", "value");
        a.put("name", title);
        a.put("scale", true); // scores cluster far from zero: start the axis near the data
        return a;
    }

    /** {@code topDown}: the first category on top (a y axis reads downwards, as a table does). */
    private static Map<String, Object> categoryAxis(List<String> names, boolean topDown) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("type", "category");
        a.put("data", names.stream().map(Charts::wrap).toList());
        if (topDown) a.put("inverse", true);
        a.put("axisLabel", Map.of("interval", 0)); // every category named, none skipped to save room
        return a;
    }

    private static Map<String, Object> base(Map<String, Object> x, Map<String, Object> y, boolean legend) {
        // x title centred under the tick labels, y title above the plot at its left: neither can meet a tick label
        x.put("nameLocation", "middle");
        x.put("nameGap", 30);
        // an inverted axis (first category on top) ends at the bottom: its title goes at its start, the top
        y.put("nameLocation", Boolean.TRUE.equals(y.get("inverse")) ? "start" : "end");
        y.put("nameGap", 12);
        y.put("nameTextStyle", Map.of("align", "left", "fontWeight", "bold", "color", "#475569"));
        x.put("nameTextStyle", Map.of("fontWeight", "bold", "color", "#475569"));
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("animation", false); // drawn once, whole: printing and screenshots never catch a chart mid-way
        o.put("textStyle", Map.of("fontFamily", "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"));
        o.put("grid", Map.of("left", 10, "right", 24, "top", 44, "bottom", 42, "containLabel", true));
        o.put("tooltip", Map.of("trigger", "item", "renderMode", "richText", "confine", true));
        if (legend) o.put("legend", Map.of("top", 0, "right", 0));
        o.put("xAxis", x);
        o.put("yAxis", y);
        return o;
    }
}
