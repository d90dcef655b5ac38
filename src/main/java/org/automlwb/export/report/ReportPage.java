package org.automlwb.export.report;

import static org.automlwb.export.report.Html.esc;
import static org.automlwb.export.report.Html.num;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.automlwb.data.ColumnProfile;
import org.automlwb.data.DatasetProfile;
import org.automlwb.engine.FeatureImportance.Importance;
import org.automlwb.engine.FeatureImportance;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.Targets;
import org.automlwb.engine.ensemble.Calibration;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.export.report.Charts.TrialPoint;

/**
 * The report's sections as HTML, from what {@link ReportInputs} loaded and what {@link ReportWriter} computed.
 * Charts are collected as ECharts options by element id and drawn by one script at the end of the page.
 */
final class ReportPage {
    private static final int LEADERBOARD_ROWS = 25;
    private static final int PROFILE_COLUMNS = 200;
    private static final int IMPORTANCE_BARS = 25;

    private final ReportInputs in;
    private final boolean showPaths;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final StringBuilder body = new StringBuilder();
    private final List<String[]> nav = new ArrayList<>();

    /**
     * Predictions of the chosen model with the truth, on one set of rows.
     *
     * @param label e.g. "validation (out-of-fold)"
     */
    record Scored(String label, Targets truth, Predictions predictions) { }

    /**
     * @param showPaths whether local absolute paths (data files) are written; without, only file names are, so a
     *                  report e-mailed outside does not tell where the data lives on someone's disk
     */
    ReportPage(ReportInputs in, boolean showPaths) {
        this.in = in;
        this.showPaths = showPaths;
    }

    /** The page's title: the data set and what is predicted, in words. */
    String title() { return ReportTitle.of(in.config().path("data").path("path").asText(""), in.target()); }

    /** Element id → ECharts option, for the drawing script. */
    Map<String, Object> figures() { return figures; }

    String body() {
        StringBuilder b = new StringBuilder("<nav>");
        for (String[] n : nav) b.append("<a href=\"#").append(n[0]).append("\">").append(esc(n[1])).append("</a>");
        return b.append("</nav>").append(body).toString();
    }

    void summary(DatasetProfile profile) {
        JsonNode c = in.config();
        Metric metric = in.metric();
        body.append("<header><button type=\"button\" id=\"print\" class=\"print\">Print or save as PDF</button>")
                .append("<h1>").append(esc(title())).append("</h1>");
        StringBuilder lead = new StringBuilder();
        lead.append("Predicting <b>").append(esc(in.target())).append("</b> (").append(esc(taskWords()))
                .append(") from <b>").append(esc(fileName(c.path("data").path("path").asText())))
                .append("</b>");
        if (profile != null) {
            lead.append(", ").append(num(profile.rows())).append(" rows and ").append(profile.columns().size())
                    .append(" columns");
        }
        lead.append(". ").append(in.trials().size()).append(" models were tried");
        if (in.model() != null) {
            lead.append("; the winner is <b>").append(esc(in.model().describe())).append("</b>");
            double v = metricValue("validation", metric);
            if (!Double.isNaN(v)) {
                lead.append(" with ").append(esc(metric.key())).append(" ").append(num(v)).append(" in validation");
            }
            double t = metricValue("test", metric);
            if (!Double.isNaN(t)) lead.append(" and ").append(num(t)).append(" on the test file");
        }
        lead.append(". ").append(esc(metricWords(metric)));
        body.append("<p class=\"lead\">").append(lead).append("</p>");
        body.append("<p class=\"muted\">Run ").append(esc(ReportTitle.date(c.path("created").asText(""))))
                .append(" (experiment ").append(esc(in.folder().id())).append("). This file works offline: charts are "
                + "drawn by the ECharts library included in it.</p>");
        for (String note : in.notes()) body.append("<p class=\"note\">").append(esc(note)).append("</p>");
        body.append("</header>");
    }

    void data(DatasetProfile profile) {
        open("data", "Data");
        JsonNode d = in.config().path("data");
        List<String[]> kv = new ArrayList<>();
        kv.add(new String[] {"file", path(d.path("path").asText())});
        kv.add(new String[] {"rows", num(d.path("rows").asDouble())});
        if (profile != null) kv.add(new String[] {"columns", String.valueOf(profile.columns().size())});
        kv.add(new String[] {"target column", in.target()});
        // Data read through Spark has no hash (config.json's data.read_with): its rows section says what was drawn.
        if (d.hasNonNull("sha256")) kv.add(new String[] {"SHA-256", d.path("sha256").asText()});
        if (in.config().hasNonNull("test_data")) {
            JsonNode t = in.config().path("test_data");
            kv.add(new String[] {"test file", path(t.path("path").asText()) + " (" + num(t.path("rows").asDouble())
                    + " rows)"});
        }
        body.append(Html.keyValues(kv));
        if (profile != null) {
            body.append("<h3>Columns</h3>");
            List<List<String>> rows = new ArrayList<>();
            for (ColumnProfile p : profile.columns().subList(0, Math.min(PROFILE_COLUMNS, profile.columns().size()))) {
                rows.add(List.of(p.name() + (p.name().equals(in.target()) ? " (target)" : ""),
                        p.kind().name().toLowerCase(Locale.ROOT), pct(p.missingPercent()), num(p.distinct()),
                        summaryOf(p), String.join(", ", p.flags()).replace('_', ' ')));
            }
            body.append(Html.table(List.of("column", "type", "missing", "distinct", "values", "notes"), rows,
                    false, false, true, true, false, false));
            if (profile.columns().size() > PROFILE_COLUMNS) {
                body.append("<p class=\"muted\">First ").append(PROFILE_COLUMNS).append(" of ")
                        .append(profile.columns().size()).append(" columns.</p>");
            }
        }
        close();
    }

    void preprocessing() {
        open("prep", "Preprocessing");
        body.append("<p>Fitted on the training rows only and replayed identically on new rows:</p>");
        body.append(in.recipeSteps().isEmpty() ? "<p>No steps: the columns were used as they are.</p>"
                : Html.list(in.recipeSteps()));
        close();
    }

    /**
     * Where the data came from (config.json's lineage): raw file, recipe and prepared file with the start of their
     * SHA-256, and the rows at each step. Left out for experiments written before lineage was recorded.
     */
    void lineage() {
        org.automlwb.data.Lineage l = org.automlwb.data.Lineage.fromJson(in.config().get("lineage"));
        if (l == null) return;
        open("lineage", "Lineage");
        List<String[]> kv = new ArrayList<>();
        addFile(kv, "raw file", l.raw());
        addFile(kv, "recipe that prepared it", l.recipe());
        addFile(kv, "prepared file", l.processed());
        addFile(kv, "recipe given to the run", l.runRecipe());
        List<String> steps = new ArrayList<>();
        l.rows().forEach((step, n) -> steps.add(String.format(Locale.ROOT, "%s %,d", step.replace('_', ' '), n)));
        kv.add(new String[] {"rows", String.join(" → ", steps)});
        body.append(Html.keyValues(kv));
        close();
    }

    private void addFile(List<String[]> kv, String what, org.automlwb.data.Lineage.FileRef f) {
        if (f == null) return;
        kv.add(new String[] {what, path(String.valueOf(f.path())) + " (SHA-256 " + f.sha256().substring(0, Math.min(12, f.sha256().length()))
                + "…)"});
    }

    void search() {
        open("search", "Search");
        JsonNode c = in.config();
        List<String[]> kv = new ArrayList<>();
        kv.add(new String[] {"time budget", c.hasNonNull("budget_s") ? num(c.path("budget_s").asDouble()) + " s"
                : "none"});
        kv.add(new String[] {"maximum trials", c.path("max_trials").asInt() > 0
                ? String.valueOf(c.path("max_trials").asInt()) : "no limit"});
        kv.add(new String[] {"validation", c.path("validation").path("description").asText()});
        JsonNode used = in.metrics() == null ? null : in.metrics().path("rows");
        if (used != null && used.has("source_rows")) {
            // Data larger than the driver: the rows in memory were themselves drawn from the source by Spark.
            kv.add(new String[] {"rows in the source", String.format(Locale.ROOT, "%,d (%s)",
                    used.path("source_rows").asLong(), used.path("source").asText())});
            kv.add(new String[] {"rows drawn into memory", String.format(Locale.ROOT, "%,d (%s)",
                    used.path("training").asLong(), used.path("drawn_note").asText())});
        }
        if (used != null && used.has("training")) {
            // A large file: the validation figures come from the sample the search worked on.
            kv.add(new String[] {"rows searched", String.format(Locale.ROOT, "%,d of %,d (a stratified sample: the"
                    + " search scores configurations on it%s)", used.path("searched").asLong(),
                    used.path("training").asLong(), used.has("searched_note") ? "; "
                            + used.path("searched_note").asText() : "")});
            kv.add(new String[] {"final model trained on", String.format(Locale.ROOT, "%,d rows", used.path(
                    "final_model").asLong()) + (used.has("final_model_note") ? " (" + used.path("final_model_note")
                    .asText() + ")" : "")});
        }
        kv.add(new String[] {"metric", in.metric().key() + " (" + (in.metric().higherIsBetter() ? "higher" : "lower")
                + " is better)"});
        kv.add(new String[] {"search strategy", c.path("search").asText()});
        kv.add(new String[] {"ensemble at the end", c.path("ensemble").asBoolean() ? "yes" : "no"});
        kv.add(new String[] {"threads", String.valueOf(c.path("threads").asInt())});
        kv.add(new String[] {"seed", c.path("seed").asText()});
        body.append(Html.keyValues(kv));
        body.append("<h3>Algorithms and the ranges searched</h3>");
        List<List<String>> rows = new ArrayList<>();
        c.path("search_space").path("algorithms").fields().forEachRemaining(a -> {
            List<String> ranges = new ArrayList<>();
            a.getValue().path("params").fields().forEachRemaining(p -> ranges.add(p.getKey() + ": "
                    + range(p.getValue())));
            boolean enabled = a.getValue().path("enabled").asBoolean(true);
            rows.add(List.of(a.getKey(), !enabled ? "(left out)" : ranges.isEmpty() ? "(no hyperparameters)"
                    : String.join("; ", ranges)));
        });
        body.append(Html.table(List.of("algorithm", "hyperparameters and ranges"), rows));
        close();
    }

    void leaderboard(List<TrialPoint> points) {
        open("leaderboard", "Leaderboard");
        List<List<String>> lb = in.leaderboard();
        if (lb.size() < 2) {
            body.append("<p>No leaderboard was written.</p>");
        } else {
            List<String> header = lb.get(0);
            int score = 4;
            List<List<String>> rows = new ArrayList<>();
            Map<String, Integer> byStatus = new java.util.TreeMap<>();
            lb.stream().skip(1).forEach(r -> byStatus.merge(r.get(6), 1, Integer::sum));
            // A run of several engines names each model's engine (leaderboard.csv's last column).
            int engine = header.indexOf("engine");
            boolean engines = engine >= 0 && lb.stream().skip(1).map(r -> r.size() > engine ? r.get(engine) : "")
                    .distinct().count() > 1;
            for (List<String> r : lb.subList(1, Math.min(lb.size(), LEADERBOARD_ROWS + 1))) {
                List<String> row = new ArrayList<>(List.of(r.get(0), r.get(2),
                        r.get(score).isEmpty() ? "" : num(Double.parseDouble(r.get(score))), r.get(5), r.get(6),
                        r.get(3).isEmpty() && !r.get(8).isEmpty() ? r.get(8) : r.get(3)));
                if (engines) row.add(1, r.get(engine));
                rows.add(row);
            }
            if (engines) {
                body.append(Html.table(List.of("rank", "engine", "algorithm", header.get(score), "fit seconds",
                        "status", "hyperparameters"), rows, true, false, false, true, true, false, false));
            } else {
                body.append(Html.table(List.of("rank", "algorithm", header.get(score), "fit seconds", "status",
                        "hyperparameters"), rows, true, false, true, true, false, false));
            }
            List<String> counts = new ArrayList<>();
            byStatus.forEach((status, n) -> counts.add(n + " " + statusWords(status)));
            body.append("<p class=\"muted\">").append(lb.size() - 1).append(" entries: ")
                    .append(esc(String.join(", ", counts)))
                    .append(lb.size() - 1 > LEADERBOARD_ROWS ? "; the best " + LEADERBOARD_ROWS + " are shown" : "")
                    .append(". leaderboard.csv in the experiment folder has them all.</p>");
        }
        if (!points.isEmpty()) {
            body.append("<div class=\"grid\"><div><h3>Best score over time</h3>");
            chart("best-over-time", Charts.bestOverTime(points, MetricWords.name(in.metric()),
                    in.metric().higherIsBetter()));
            body.append("</div><div><h3>Scores per algorithm</h3>");
            chart("per-algorithm", Charts.perAlgorithm(points, MetricWords.name(in.metric())));
            body.append("</div></div>");
        }
        close();
    }

    void winner(List<Scored> scored) {
        open("winner", "Winning model");
        if (in.model() == null) {
            body.append("<p>No model was chosen.</p>");
            close();
            return;
        }
        body.append("<p><b>").append(esc(in.model().describe())).append("</b>, refitted on all training rows.</p>");
        ModelBundle bundle = in.model();
        if (bundle.members().size() > 1 || bundle.kind() == ModelBundle.Kind.STACK) {
            List<String> members = new ArrayList<>();
            double[] w = bundle.weights();
            for (int i = 0; i < w.length; i++) {
                SingleModel m = bundle.members().get(i).model();
                members.add(m.describe() + " (weight " + num(w[i]) + "; " + m.config() + ")");
            }
            String how = bundle.kind() == ModelBundle.Kind.STACK
                    ? "A stack: a regularised metalearner with non-negative weights, fitted on out-of-fold "
                            + "predictions, combines the predictions of:"
                    : "A weighted average (ensemble selection) of the predictions of:";
            body.append("<p>").append(esc(how)).append("</p>").append(Html.list(members));
            body.append("<p class=\"muted\">It was kept because it scored better out of fold than picking the best "
                    + "single model, both cross-fitted: neither is scored on the rows its weights or its choice "
                    + "were made on.</p>");
        } else {
            SingleModel s = bundle.members().get(0).model();
            body.append("<p class=\"muted\">Hyperparameters: ").append(esc(s.config().values().isEmpty()
                    ? "none" : s.config().toString())).append("</p>");
        }
        if (bundle.calibration().kind() != Calibration.Kind.IDENTITY) {
            body.append("<p>Its probabilities are calibrated (").append(esc(bundle.calibration().kind()
                    == Calibration.Kind.PLATT ? "Platt scaling" : "temperature scaling"))
                    .append("), fitted on out-of-fold predictions, because that improved the out-of-fold ")
                    .append(esc(in.metric().key())).append(".</p>");
        }
        JsonNode m = in.metrics();
        if (m != null) {
            List<List<String>> rows = new ArrayList<>();
            boolean hasTest = m.has("test");
            m.path("validation").fields().forEachRemaining(e -> {
                List<String> row = new ArrayList<>(List.of(e.getKey() + (e.getKey().equals(in.metric().key())
                        ? " (optimised)" : ""), num(e.getValue().asDouble())));
                if (hasTest) row.add(num(m.path("test").path(e.getKey()).asDouble(Double.NaN)));
                rows.add(row);
            });
            body.append(Html.table(hasTest ? List.of("metric", "validation", "test") : List.of("metric", "validation"),
                    rows, false, true, true));
        }
        for (Scored s : scored) {
            String id = s.label().replaceAll("[^a-z]+", "-").replaceAll("(^-+|-+$)", "");
            if (s.truth().isClassification()) {
                body.append("<div class=\"grid\"><div><h3>Confusion matrix, ").append(esc(s.label()))
                        .append("</h3>");
                chart("confusion-" + id, Charts.confusion(s.truth(), s.predictions()));
                body.append("</div><div><h3>ROC curve, ").append(esc(s.label())).append("</h3>");
                chart("roc-" + id, Charts.roc(s.truth(), s.predictions()));
            } else {
                body.append("<div class=\"grid\"><div><h3>Actual and predicted, ").append(esc(s.label()))
                        .append("</h3>");
                chart("actual-" + id, Charts.actualVsPredicted(s.truth(), s.predictions(), in.seed()));
                body.append("</div><div><h3>Residuals, ").append(esc(s.label())).append("</h3>");
                chart("residuals-" + id, Charts.residuals(s.truth(), s.predictions(), in.seed()));
            }
            body.append("</div></div>");
        }
        if (scored.isEmpty()) body.append("<p class=\"note\">No predictions with known truth to chart.</p>");
        close();
    }

    void importance(FeatureImportance.Result result, String measuredOn) {
        open("importance", "Feature importance");
        List<Importance> importances = result == null ? List.of() : result.importances();
        if (importances.isEmpty()) {
            body.append("<p>Not computed: it needs the chosen model and the data file.</p>");
            close();
            return;
        }
        body.append("<p>Each column's values were shuffled, one column at a time, and the model asked again: the "
                + "more ").append(esc(in.metric().key())).append(" gets worse, the more the model relies on the "
                + "column. Near zero means the model does not use it. Measured on ").append(esc(measuredOn))
                .append(" (").append(num(result.rows())).append(" rows, ").append(result.repeats())
                .append(result.repeats() == 1 ? " shuffle" : " shuffles").append(" per column; bars show the mean, "
                + "whiskers the spread).</p>");
        if (!result.complete()) {
            body.append("<p class=\"note\">The model predicts slowly: only the first ").append(importances.size())
                    .append(" columns were measured in the time allowed. The report command can take longer "
                    + "(--importance-seconds).</p>");
        }
        chart("importance", Charts.importance(importances, in.metric(), IMPORTANCE_BARS));
        close();
    }

    void reproduce(Map<String, String> reportVersions) {
        open("reproduce", "Reproduce");
        JsonNode c = in.config();
        StringBuilder cmd = new StringBuilder("java -jar automl-workbench.jar run --data ")
                .append(shell(path(c.path("data").path("path").asText()))).append(" --target ").append(shell(in.target()));
        if (c.hasNonNull("test_data")) {
            cmd.append(" --test ").append(shell(path(c.path("test_data").path("path").asText())));
        }
        if (c.path("task_forced").asBoolean()) cmd.append(" --task ").append(c.path("task").asText());
        // Data read through Spark is read through it again (with spark-submit's master, or --master URL).
        if ("spark".equals(c.path("data").path("read_with").asText())) cmd.append(" --executor spark");
        cmd.append(" --metric ").append(in.metric().key());
        if (c.hasNonNull("budget_s")) cmd.append(" --budget ").append(Math.round(c.path("budget_s").asDouble()))
                .append('s');
        if (c.path("max_trials").asInt() > 0) cmd.append(" --max-trials ").append(c.path("max_trials").asInt());
        cmd.append(" --threads ").append(c.path("threads").asInt()).append(" --seed ").append(c.path("seed").asText())
                .append(" --folds ").append(c.path("validation").path("folds").asInt(5));
        if (!c.path("ensemble").asBoolean(true)) cmd.append(" --no-ensemble");
        if (c.path("algorithms_requested").size() > 0) {
            List<String> a = new ArrayList<>();
            c.path("algorithms_requested").forEach(x -> a.add(x.asText()));
            cmd.append(" --algorithms ").append(String.join(",", a));
        }
        body.append("<p>The same seed, data, settings and maximum number of trials give the same trials and scores. "
                + "A time budget alone depends on the machine's speed. The recipe and search space are in "
                + "config.json; pass them back with --recipe and --space.</p><pre>").append(esc(cmd)).append("</pre>");
        List<String[]> kv = new ArrayList<>();
        c.path("versions").fields().forEachRemaining(e -> kv.add(new String[] {e.getKey() + " (run)",
                e.getValue().asText()}));
        reportVersions.forEach((k, v) -> kv.add(new String[] {k + " (report)", v}));
        body.append("<h3>Versions</h3>").append(Html.keyValues(kv));
        close();
    }

    private void chart(String name, Charts.Chart chart) {
        String id = "chart-" + name; // sections have ids too: keep the two apart
        figures.put(id, chart.option());
        body.append("<div class=\"chart\" id=\"").append(esc(id)).append("\" style=\"height:").append(chart.height())
                .append("px\"></div>");
    }

    private void open(String id, String title) {
        nav.add(new String[] {id, title});
        body.append("<section id=\"").append(id).append("\"><h2>").append(esc(title)).append("</h2>");
    }

    private void close() { body.append("</section>"); }

    private double metricValue(String set, Metric metric) {
        return in.metrics() == null ? Double.NaN : in.metrics().path(set).path(metric.key()).asDouble(Double.NaN);
    }

    private String taskWords() {
        return switch (in.task()) {
            case BINARY -> "two classes";
            case MULTICLASS -> in.config().path("classes").size() + " classes";
            case REGRESSION -> "a number";
        };
    }

    private static String metricWords(Metric m) {
        return switch (m) {
            case AUC -> "AUC is 0.5 for guessing and 1 for a perfect ranking of the two classes.";
            case LOGLOSS -> "Log loss measures how confident and right the class probabilities are; lower is better.";
            case ACCURACY -> "Accuracy is the share of rows whose class is predicted right.";
            case BALANCED_ACCURACY -> "Balanced accuracy averages the share predicted right within each class.";
            case MACRO_F1 -> "Macro F1 averages precision and recall over the classes, each class counting the same.";
            case RMSE -> "RMSE is the typical size of an error, in the target's units; lower is better.";
            case MAE -> "MAE is the average size of an error, in the target's units; lower is better.";
            case R2 -> "R² is the share of the target's variance the model explains (1 is perfect, 0 is the mean).";
        };
    }

    private static String statusWords(String status) {
        return switch (status) {
            case "ok" -> "finished";
            case "pruned" -> "stopped early as unpromising (successive halving)";
            case "timeout" -> "timed out";
            case "failed" -> "failed";
            case "cancelled" -> "cancelled";
            default -> status;
        };
    }

    private static String summaryOf(ColumnProfile p) {
        if (p.kind().isNumeric() && !Double.isNaN(p.min())) {
            return num(p.min()) + " to " + num(p.max()) + ", mean " + num(p.mean());
        }
        List<String> top = new ArrayList<>();
        for (ColumnProfile.ValueCount v : p.topValues().subList(0, Math.min(3, p.topValues().size()))) {
            top.add(v.value() + " (" + num(v.count()) + ")");
        }
        return String.join(", ", top) + (p.distinct() > 3 ? ", …" : "");
    }

    private static String range(JsonNode p) {
        String type = p.path("type").asText();
        if ("choice".equals(type)) {
            List<String> c = new ArrayList<>();
            p.path("choices").forEach(x -> c.add(x.asText()));
            return "one of " + String.join(", ", c);
        }
        return num(p.path("low").asDouble()) + " to " + num(p.path("high").asDouble())
                + (p.path("log").asBoolean() ? " (log scale)" : "") + ("int".equals(type) ? ", whole numbers" : "");
    }

    private static String pct(double v) { return v == 0 ? "0" : String.format(Locale.ROOT, "%.1f%%", v); }

    /** The path as written by the run when asked for, else its file name alone. */
    private String path(String path) { return showPaths ? path : fileName(path); }

    private static String fileName(String path) {
        int i = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(i + 1);
    }

    private static String shell(String s) {
        return s.matches("[A-Za-z0-9_./:=@%+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
