package org.automlwb.ui.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.FeatureImportance;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.export.BatchPredictor;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.export.ModelLoader;
import org.automlwb.export.report.ReportWriter;
import org.automlwb.ui.dialog.DialogService;
import org.automlwb.ui.run.LeaderRow;
import org.automlwb.ui.run.LiveLeaderboard;
import org.automlwb.ui.run.RunErrors;
import org.automlwb.ui.task.TaskExecutor;
import org.automlwb.ui.task.TaskHandle;

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
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<FeatureImportance.Result> importance = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper importanceStatus = new ReadOnlyStringWrapper("");
    private TaskHandle importanceTask;
    private CancelToken importanceCancel = new CancelToken();

    /**
     * Feature importance in the app: a sample of the training rows (the test file is not kept with the result),
     * so it says what the model relies on, not how well that generalises; the report measures on the test file.
     */
    static final FeatureImportance.Settings IMPORTANCE = new FeatureImportance.Settings(2_000, 3, 42, 20);

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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ResultsViewModel.class);

    private final DialogService dialogs;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper folder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper opened = new ReadOnlyStringWrapper("");

    /** Without an executor (tests of the chart data), feature importance is not computed. */
    public ResultsViewModel() {
        this(null, null);
    }

    /**
     * @param executor where feature importance, the report and predictions are computed, off the UI thread
     * @param dialogs  file choosers and messages for the report and predict actions
     */
    public ResultsViewModel(TaskExecutor executor, DialogService dialogs) {
        this.executor = executor;
        this.dialogs = dialogs;
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
    /** Which input columns the chosen model relies on, once measured; null until then. */
    public ReadOnlyObjectProperty<FeatureImportance.Result> importanceProperty() {
        return importance.getReadOnlyProperty();
    }
    /** The experiment's folder as an absolute path, empty before any run: where everything the run wrote is. */
    public ReadOnlyStringProperty folderProperty() { return folder.getReadOnlyProperty(); }
    /**
     * What was last handed to the system to open, with its path: a desktop without a registered browser or file
     * manager opens nothing and says nothing, so the path is always shown too.
     */
    public ReadOnlyStringProperty openedProperty() { return opened.getReadOnlyProperty(); }

    /** Opens the experiment's folder in the file manager. */
    public void openFolder() {
        ExperimentOutcome o = outcome.get();
        if (o == null) return;
        open(o.folder().dir().toAbsolutePath().normalize(), "the experiment folder");
    }

    /** Copies the experiment folder's absolute path. */
    public void copyPath() {
        if (!folder.get().isEmpty()) {
            dialogs.copyToClipboard(folder.get());
            opened.set("Copied " + folder.get());
        }
    }

    private void open(Path what, String words) {
        LOG.info("opening {} with the system's program: {}", words, what);
        dialogs.openExternally(what);
        opened.set("Asked the system to open " + words + ": " + what + " (if nothing opened, copy the path and "
                + "open it yourself)");
    }

    /** True while the report is written or a file is predicted: the actions wait. */
    public ReadOnlyBooleanProperty busyProperty() { return busy; }

    /** Opens the experiment's report.html in the browser, writing it first if the run did not. */
    public void openReport() {
        ExperimentOutcome o = outcome.get();
        if (o == null || busy.get()) return;
        Path report = o.folder().dir().resolve(ReportWriter.REPORT_FILE);
        if (Files.exists(report)) {
            open(report.toAbsolutePath().normalize(), "the report");
            return;
        }
        busy.set(true);
        executor.submit("report", () -> ReportWriter.write(o.folder()),
                written -> {
                    busy.set(false);
                    open(written.toAbsolutePath().normalize(), "the report");
                },
                error -> {
                    busy.set(false);
                    dialogs.showError(RunErrors.report("The report could not be written",
                            "The report could not be written", error));
                });
    }

    /**
     * Predicts a CSV file with the chosen model (the one exported to trained_models/), streamed chunk by chunk,
     * and saves the predictions where the user says.
     */
    public void predictFile() {
        ExperimentOutcome o = outcome.get();
        if (o == null || busy.get()) return;
        if (o.trainedModel() == null) {
            dialogs.showInfo("No model to predict with", "This run has no exported model: no trial succeeded, or "
                    + "exporting failed (see the log).");
            return;
        }
        Optional<Path> input = dialogs.chooseCsvFile(null);
        if (input.isEmpty()) return;
        String name = input.get().getFileName().toString().replaceAll("(?i)\\.csv$", "") + "-predictions.csv";
        Optional<Path> out = dialogs.chooseCsvToSave("Save predictions",
                input.get().toAbsolutePath().getParent(), name);
        if (out.isEmpty()) return;
        busy.set(true);
        Path modelDir = o.trainedModel().dir();
        executor.submit("predict", () -> BatchPredictor.predict(
                        ModelLoader.load(modelDir), input.get(), out.get(),
                        BatchPredictor.Options.defaults()),
                summary -> {
                    busy.set(false);
                    StringBuilder text = new StringBuilder(summary.rows() + " rows predicted and saved to "
                            + summary.out() + ".");
                    for (String w : summary.warnings()) text.append("\n\nNote: ").append(w).append('.');
                    dialogs.showInfo("Predictions saved", text.toString());
                },
                error -> {
                    busy.set(false);
                    dialogs.showError(RunErrors.report("These rows cannot be predicted",
                            "The prediction failed", error));
                });
    }

    /** What the importance panel says: measuring, how it was measured, or why there is none. */
    public ReadOnlyStringProperty importanceStatusProperty() { return importanceStatus.getReadOnlyProperty(); }

    private void show(ExperimentOutcome o) {
        left.set(null);
        right.set(null);
        opened.set("");
        if (o == null) {
            rows.clear();
            results.set(null);
            folder.set("");
            return;
        }
        folder.set(o.folder().dir().toAbsolutePath().normalize().toString());
        rows.setAll(LiveLeaderboard.ranked(o.summary().metric(), o.result().leaderboard()));
        if (rows.size() > 0) left.set(rows.get(0));
        if (rows.size() > 1) right.set(rows.get(1));
        results.set(of(o));
        measureImportance(o);
    }

    /** Starts measuring the chosen model's feature importance in the background, dropping any earlier one. */
    private void measureImportance(ExperimentOutcome o) {
        importanceCancel.cancel();
        if (importanceTask != null) importanceTask.cancel();
        importance.set(null);
        RunResult r = o == null ? null : o.result();
        if (executor == null || r == null || r.model() == null || r.data() == null) {
            importanceStatus.set(r != null && r.model() == null ? "No model, so no feature importance." : "");
            return;
        }
        CancelToken cancel = new CancelToken();
        importanceCancel = cancel;
        LabelledData data = r.data();
        importanceStatus.set("Measuring which columns the model relies on…");
        importanceTask = executor.submit("feature importance",
                () -> FeatureImportance.compute(r.model(), data.table(), data.targets(), data.target(),
                        r.summary().metric(), IMPORTANCE, cancel),
                result -> {
                    importance.set(result);
                    importanceStatus.set(describe(result, r.summary().metric().key()));
                },
                error -> importanceStatus.set("Feature importance could not be measured: " + error.getMessage()));
    }

    static String describe(FeatureImportance.Result result, String metric) {
        return "How much " + metric + " worsens when a column's values are shuffled, on " + result.rows()
                + " training rows, " + result.repeats() + (result.repeats() == 1 ? " shuffle" : " shuffles")
                + " per column" + (result.complete() ? "." : " (stopped early: the slowest columns are missing).");
    }

    /** Computes everything the view shows for {@code o}. */
    public static Results of(ExperimentOutcome o) {
        RunResult r = o.result();
        RunSummary s = r.summary();
        String title = s.leader() == null ? "No model" : s.leader().spec().algorithm()
                + (s.leader().spec().config() == null || s.leader().spec().config().values().isEmpty() ? ""
                : " (" + s.leader().spec().config() + ")");
        String summary = s.outcome().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " · "
                + s.trials() + " trials · " + s.message();
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
