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
import org.automlwb.predict.BatchPredictor;
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

    /**
     * The plain words above the numbers.
     *
     * @param headline the sentence an analyst can repeat, or empty
     * @param members  an ensemble's members by algorithm and weight, or empty
     * @param baseline why the chosen model is no better than the constant baseline, or empty
     * @param crowded  the warning about near-identical configurations at the top, or empty
     * @param details  the chosen model's hyperparameters, one per line
     */
    public record Words(String headline, String members, String baseline, String crowded, String details) {
        static final Words NONE = new Words("", "", "", "", "");

        static Words of(ExperimentOutcome o, String target) {
            RunResult r = o.result();
            int rows = r.validationPredictions() != null ? r.validationPredictions().size()
                    : r.data() != null ? r.data().rows() : 0;
            return new Words(PlainSummary.headline(r.summary(), target == null ? "" : target),
                    PlainSummary.members(r), PlainSummary.baseline(r), PlainSummary.crowdedTop(r, rows),
                    PlainSummary.details(r));
        }
    }

    private final ReadOnlyObjectWrapper<Words> words = new ReadOnlyObjectWrapper<>(Words.NONE);

    /** The plain words of the experiment shown; {@link Words#NONE} before any. */
    public ReadOnlyObjectProperty<Words> wordsProperty() { return words.getReadOnlyProperty(); }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ResultsViewModel.class);

    private final DialogService dialogs;
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper folder = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper opened = new ReadOnlyStringWrapper("");
    private final DeployViewModel deploy;

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
        this.deploy = new DeployViewModel(executor, dialogs, outcome);
        outcome.addListener((obs, o, n) -> show(n));
        left.addListener((obs, o, n) -> comparison.setAll(compare(left.get(), right.get())));
        right.addListener((obs, o, n) -> comparison.setAll(compare(left.get(), right.get())));
    }

    /** The Deploy action of the shown experiment's model. */
    public DeployViewModel deploy() { return deploy; }

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

    private final BooleanProperty keepColumns = new SimpleBooleanProperty(true);

    /**
     * Whether saved predictions keep the predicted file's own columns before them (on by default: a person reads
     * a prediction next to the row it is for; scripts that want only the predictions turn it off).
     */
    public BooleanProperty keepColumnsProperty() { return keepColumns; }

    /** Decimal places of the probabilities in saved predictions: enough to rank, short enough to read. */
    static final int PREDICTION_DECIMALS = 3;

    /**
     * Predicts a CSV file with the chosen model (the one exported to trained_models/), streamed chunk by chunk, and
     * saves the predictions where the user says, next to the file's own columns unless turned off. When the file
     * has the target column, the message gives the model's metrics on it; it offers to open the folder.
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
        boolean keep = keepColumns.get();
        executor.submit("predict", () -> predictAndScore(modelDir, input.get(), out.get(), keep),
                done -> {
                    busy.set(false);
                    Path folderOut = done.summary().out().toAbsolutePath().getParent();
                    if (dialogs.confirm("Predictions saved", PredictMessage.of(done.summary(), done.scored(),
                            done.target()), "Open folder")) {
                        open(folderOut, "the predictions' folder");
                    }
                },
                error -> {
                    busy.set(false);
                    dialogs.showError(RunErrors.report("These rows cannot be predicted",
                            "The prediction failed", error));
                });
    }

    /** What a Predict a file… did: the predictor's summary, the rewritten file's metrics, and the target's name. */
    record Predicted(BatchPredictor.Summary summary, org.automlwb.export.PredictionsBesideInput.Result scored,
                     String target) { }

    /**
     * Predicts {@code input} into {@code out}: {@link #batchPredict} into a hidden file beside it, then that file
     * rewritten for people (the input's columns, rounded probabilities) with the metrics when the target is there.
     */
    static Predicted predictAndScore(Path modelDir, Path input, Path out, boolean keepColumns) throws Exception {
        ModelLoader.LoadedModel model = ModelLoader.load(modelDir);
        Path raw = out.toAbsolutePath().resolveSibling("." + out.getFileName() + ".raw");
        try {
            BatchPredictor.Summary s = batchPredict(model, input, raw);
            org.automlwb.export.PredictionsBesideInput.Result scored = org.automlwb.export.PredictionsBesideInput
                    .write(input, BatchPredictor.Options.defaults().csv(), raw, out, model.metadata(), keepColumns,
                            PREDICTION_DECIMALS);
            return new Predicted(new BatchPredictor.Summary(s.rows(), s.chunks(), out, s.monitoring(), s.warnings()),
                    scored, model.metadata().target());
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    /** The one call into the headless predictor: it is being reshaped elsewhere, so it is called in one place. */
    private static BatchPredictor.Summary batchPredict(ModelLoader.LoadedModel model, Path input, Path out)
            throws org.automlwb.common.BadInputException {
        return BatchPredictor.predict(model, input, out, BatchPredictor.Options.defaults());
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
            words.set(Words.NONE);
            return;
        }
        showWords(o);
        folder.set(o.folder().dir().toAbsolutePath().normalize().toString());
        rows.setAll(LiveLeaderboard.ranked(o.summary().metric(), o.result().leaderboard()));
        if (rows.size() > 0) left.set(rows.get(0));
        if (rows.size() > 1) right.set(rows.get(1));
        results.set(of(o));
        measureImportance(o);
    }

    /**
     * Works out the plain words. A run in memory knows its target; an experiment opened from its folder has it in
     * config.json, read off the UI thread.
     */
    private void showWords(ExperimentOutcome o) {
        RunResult r = o.result();
        if (r.data() != null || executor == null) {
            words.set(Words.of(o, r.data() == null ? null : r.data().target()));
            return;
        }
        words.set(Words.of(o, null));
        Path dir = o.folder().dir();
        executor.submit("read target", () -> Optional.ofNullable(org.automlwb.experiment.SavedExperiment.target(dir)),
                t -> {
                    if (outcome.get() == o) words.set(Words.of(o, t.orElse(null)));
                },
                e -> LOG.debug("cannot read the target of {}", dir, e));
    }

    /** Starts measuring the chosen model's feature importance in the background, dropping any earlier one. */
    private void measureImportance(ExperimentOutcome o) {
        importanceCancel.cancel();
        if (importanceTask != null) importanceTask.cancel();
        importance.set(null);
        RunResult r = o == null ? null : o.result();
        if (executor == null || r == null || r.model() == null || r.data() == null) {
            importanceStatus.set(r == null || r.model() != null ? ""
                    : r.summary().leader() != null ? "An experiment opened from its folder shows its feature "
                    + "importance in the report (Open report): the model is not loaded here."
                    : "No model, so no feature importance.");
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
        return "How much " + org.automlwb.engine.PlainNames.metric(metric) + " worsens when a column's values are shuffled, on " + result.rows()
                + " training rows, " + result.repeats() + (result.repeats() == 1 ? " shuffle" : " shuffles")
                + " per column" + (result.complete() ? "." : " (stopped early: the slowest columns are missing).");
    }

    /** Computes everything the view shows for {@code o}. */
    public static Results of(ExperimentOutcome o) {
        RunResult r = o.result();
        RunSummary s = r.summary();
        // The name only: its settings are behind the Details expander (Words.details).
        String title = s.leader() == null ? "No model" : org.automlwb.engine.PlainNames.algorithm(
                s.leader().spec().algorithm());
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
        // The maps keep no order: list the metrics as the app lists them everywhere (AUC, accuracy, ..., R²).
        List<String> ordered = new ArrayList<>(keys);
        ordered.sort(java.util.Comparator.comparingInt(ResultsViewModel::metricOrder));
        for (String k : ordered) {
            out.add(new MetricRow(k, value(a, k), value(b, k)));
        }
        return out;
    }

    private static int metricOrder(String key) {
        try {
            return org.automlwb.engine.Metric.fromKey(key).ordinal();
        } catch (IllegalArgumentException e) {
            return Integer.MAX_VALUE;
        }
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
