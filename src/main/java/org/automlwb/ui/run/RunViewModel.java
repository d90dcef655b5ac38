package org.automlwb.ui.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.Metric;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.ui.Fmt;
import org.automlwb.ui.dialog.DialogService;
import org.automlwb.ui.session.Session;
import org.automlwb.ui.task.TaskExecutor;
import org.automlwb.ui.task.TaskHandle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Run view's state: starts a run from the {@link Session}, stops it, and turns the engine's events into a
 * leaderboard, chart series and log lines. Events are queued by engine threads and applied in batches by
 * {@link #drain()}, which the view calls a few times a second on the UI thread.
 */
public final class RunViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(RunViewModel.class);
    /** The scatter chart keeps at most this many points: more nodes make JavaFX charts sluggish. */
    static final int MAX_CHART_POINTS = 2000;
    static final int MAX_LOG_LINES = 5000;
    /** Charts change at most once a second: each change re-lays out and repaints a whole chart. */
    static final long CHART_INTERVAL_NANOS = 1_000_000_000L;
    /** The leaderboard and log change at most four times a second: a table update restyles its visible cells. */
    static final long TABLE_INTERVAL_NANOS = 250_000_000L;

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Session session;
    private final RunLauncher launcher;
    private final RunLauncher sparkLauncher;
    private final LongSupplier nanoClock;
    private final ObjectProperty<RunOn> runOn = new SimpleObjectProperty<>(RunOn.THIS_COMPUTER);

    private final ObjectProperty<RunPhase> phase = new SimpleObjectProperty<>(RunPhase.IDLE);
    private final StringProperty stage = new SimpleStringProperty("");
    private final StringProperty elapsed = new SimpleStringProperty("");
    private final StringProperty remaining = new SimpleStringProperty("");
    /** What "time left" says while a run stops. */
    static final String STOPPING_REMAINING = "stopping: keeping what finished";
    private final StringProperty trials = new SimpleStringProperty("");
    private final StringProperty best = new SimpleStringProperty("");
    private final ObjectProperty<Metric> metric = new SimpleObjectProperty<>();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ObservableList<LeaderRow> rows = FXCollections.observableArrayList();
    private final ObservableList<ScorePoint> bestSteps = FXCollections.observableArrayList();
    private final ObservableList<ScorePoint> trialPoints = FXCollections.observableArrayList();
    private final ObservableList<AlgorithmSpread> spreads = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final BooleanBinding needsTarget;

    private RunEventQueue queue = new RunEventQueue();
    private LiveLeaderboard board;
    private final Map<String, List<Double>> scoresByAlgorithm = new LinkedHashMap<>();
    private final Set<Integer> listed = new HashSet<>();
    private CancelToken cancel;
    private TaskHandle handle;
    private RunSpec spec;
    private long startNanos;
    private int finishedCount;
    private int started;
    private int chartStride = 1;
    private double bestScore = Double.NaN;
    private long longestDrainNanos;
    // The chart model; the observable chart lists catch up with it at most every CHART_INTERVAL_NANOS.
    private final List<ScorePoint> steps = new ArrayList<>();
    private final List<ScorePoint> points = new ArrayList<>();
    private boolean pointsThinned;
    private boolean spreadsChanged;
    private long lastChartFlush;
    private List<LeaderRow> pendingRows;
    private final List<String> pendingLog = new ArrayList<>();
    private long lastTableFlush;

    public RunViewModel(TaskExecutor executor, DialogService dialogs, Session session, RunLauncher launcher,
                        LongSupplier nanoClock) {
        this(executor, dialogs, session, launcher, launcher, nanoClock);
    }

    /**
     * @param launcher      starts a run on this computer
     * @param sparkLauncher starts a run on a Spark cluster ({@link RunOn#SPARK_CLUSTER})
     */
    public RunViewModel(TaskExecutor executor, DialogService dialogs, Session session, RunLauncher launcher,
                        RunLauncher sparkLauncher, LongSupplier nanoClock) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.session = session;
        this.launcher = launcher;
        this.sparkLauncher = sparkLauncher;
        this.nanoClock = nanoClock;
        needsTarget = Bindings.createBooleanBinding(
                () -> session.dataProperty().get() == null || session.targetProperty().get() == null
                        || session.targetProperty().get().isBlank(),
                session.dataProperty(), session.targetProperty());
    }

    /** With the real engine and clock, and no Spark settings. */
    public RunViewModel(TaskExecutor executor, DialogService dialogs, Session session) {
        this(executor, dialogs, session, org.automlwb.ui.settings.SparkSettings::none);
    }

    /**
     * With the real engine and clock; a run on a Spark cluster goes through the spark-submit of {@code spark}
     * (read when the run starts, so a change in Settings applies to the next run).
     */
    public RunViewModel(TaskExecutor executor, DialogService dialogs, Session session,
                        java.util.function.Supplier<org.automlwb.ui.settings.SparkSettings> spark) {
        this(executor, dialogs, session, RunLauncher.experiments(() -> session.enginesProperty().get(),
                session.testFileProperty()::get), new SparkRunLauncher(spark, () -> session.enginesProperty().get(),
                session.testFileProperty()::get, SparkRunLauncher::thisJar, java.util.Map.of()), System::nanoTime);
    }

    /** Where the next run starts: this computer (the default) or a Spark cluster. */
    public ObjectProperty<RunOn> runOnProperty() { return runOn; }

    public ObjectProperty<RunPhase> phaseProperty() { return phase; }
    public RunPhase getPhase() { return phase.get(); }
    /** The engine's current stage and what it says. */
    public StringProperty stageProperty() { return stage; }
    public StringProperty elapsedProperty() { return elapsed; }
    /** Time left of the budget, or trials left of a trial cap. */
    public StringProperty remainingProperty() { return remaining; }
    public StringProperty trialsProperty() { return trials; }
    /** The best trial so far, in words. */
    public StringProperty bestProperty() { return best; }
    /** 0..1 of the budget (or trial cap) used; -1 while indeterminate. */
    public DoubleProperty progressProperty() { return progress; }
    /** The leaderboard, ranked best first. */
    public ObservableList<LeaderRow> rows() { return rows; }
    /**
     * The best score so far as a step line: a horizontal and a vertical point per improvement, and a last point
     * at the time of the update while the run goes (updated at most once a second, like the other chart lists).
     */
    public ObservableList<ScorePoint> bestSteps() { return bestSteps; }
    /** Every scored trial (thinned evenly above {@value #MAX_CHART_POINTS}). */
    public ObservableList<ScorePoint> trialPoints() { return trialPoints; }
    /** Score spread per algorithm. */
    public ObservableList<AlgorithmSpread> spreads() { return spreads; }
    public ObservableList<String> log() { return log; }
    /** True while there is no data or no target to run on. */
    public BooleanBinding needsTargetBinding() { return needsTarget; }
    /** The run's metric: as set, or as the engine chose it for the task (known once the run started); null before. */
    public ObjectProperty<Metric> metricProperty() { return metric; }

    /** The metric's name for chart axes (e.g. "Log loss"), or "score" while unknown. */
    public String metricName() {
        return metric.get() == null ? "score" : org.automlwb.engine.PlainNames.metric(metric.get());
    }

    /** The queue the current run's engine reports to (tests feed it directly). */
    RunEventQueue events() { return queue; }

    /** Starts a run with the session's data, target, recipe and settings. */
    public void start() {
        if (!phase.get().canStart() || needsTarget.get()) return;
        spec = session.runSpec();
        clear();
        metric.set(spec.metric());
        queue = new RunEventQueue();
        cancel = new CancelToken();
        startNanos = nanoClock.getAsLong();
        lastChartFlush = startNanos - CHART_INTERVAL_NANOS; // the first drain draws at once
        lastTableFlush = startNanos - TABLE_INTERVAL_NANOS;
        phase.set(RunPhase.RUNNING);
        stage.set("starting");
        RunOn where = runOn.get();
        LOG.info("Run started on {} (target {}), on {}", session.dataProperty().get().source(), spec.target(), where);
        if (where == RunOn.SPARK_CLUSTER) stage.set("starting spark-submit");
        RunLauncher chosen = where == RunOn.SPARK_CLUSTER ? sparkLauncher : launcher;
        RunEventQueue q = queue;
        CancelToken c = cancel;
        handle = executor.submit("automl run", () -> chosen.run(session.dataProperty().get(), spec,
                        session.recipeProperty().get(), session.modelsRootProperty().get(), c, q),
                this::onFinished, this::onFailed);
    }

    /** Stop: the engine stops searching, then refits the best model found; the run then ends normally. */
    public void stop() {
        if (!phase.get().canStop()) return;
        cancel.cancel();
        phase.set(RunPhase.STOPPING);
        stage.set("stopping: finishing the trials in flight and refitting the best model");
        remaining.set(STOPPING_REMAINING);
    }

    /**
     * Forgets a run that has ended (its leaderboard, charts, figures and finished bar) so that the Run view of a
     * newly opened data set does not show the last one's. A run still going is left alone: it saves when done.
     */
    public void forgetEnded() {
        if (phase.get().active()) return;
        clear();
        stage.set("");
        phase.set(RunPhase.IDLE);
    }

    /** Called as the window closes: stops a run without waiting for it. */
    public void abandon() {
        if (cancel != null) cancel.cancel();
        if (handle != null && phase.get().active()) handle.cancel();
    }

    /** Applies everything queued since the last call; on the UI thread, a few times a second. */
    public void drain() {
        long t0 = System.nanoTime();
        RunBatch batch = queue.drain();
        if (!batch.isEmpty()) apply(batch);
        tick();
        long now = nanoClock.getAsLong();
        if (now - lastTableFlush >= TABLE_INTERVAL_NANOS) flushTable();
        if (now - lastChartFlush >= CHART_INTERVAL_NANOS) flushCharts();
        longestDrainNanos = Math.max(longestDrainNanos, System.nanoTime() - t0);
    }

    /** The longest time one {@link #drain()} of this run held the UI thread, in nanoseconds (a health figure). */
    public long longestDrainNanos() { return longestDrainNanos; }

    private void apply(RunBatch b) {
        started += b.trialsStarted();
        if (b.started() != null) {
            metric.set(b.started().metric());
            stage.set("search · " + b.started().rows() + " rows, " + b.started().features() + " features, "
                    + b.started().validation());
        }
        if (b.stage() != null && phase.get() != RunPhase.STOPPING) {
            stage.set(b.stage().stage() + (b.stage().message() == null ? "" : " · " + b.stage().message()));
        }
        if (!b.finishedTrials().isEmpty()) {
            List<TrialResult> results = new ArrayList<>(b.finishedTrials().size());
            for (RunBatch.TrialFinishedAt t : b.finishedTrials()) {
                results.add(t.result());
                listed.add(t.result().spec().trialId());
                finishedCount++;
                if (t.result().ok() && !Double.isNaN(t.result().score())) addScore(t.elapsedSeconds(), t.result());
            }
            pendingRows = board().addAll(results);
            spreadsChanged = true;
        }
        if (b.best() != null) {
            TrialResult r = b.best().best();
            // The ensemble is announced as the new best only, never as a finished trial: list it as well.
            if (listed.add(r.spec().trialId())) pendingRows = board().addAll(List.of(r));
            improve(b.best().elapsedSeconds(), r.score(), r.spec().algorithm());
            best.set(String.format(Locale.ROOT, "%s %s · trial %d %s", metricName(), Fmt.number(r.score()),
                    r.spec().trialId(), org.automlwb.engine.PlainNames.algorithm(r.spec().algorithm())));
        }
        trials.set(finishedCount + " trials done" + (started > finishedCount ? ", " + (started - finishedCount)
                + " running" : ""));
        pendingLog.addAll(b.logLines());
    }

    private LiveLeaderboard board() {
        // The engine announces its metric before any trial; higher-is-better is only a fallback for odd event orders.
        if (board == null) board = new LiveLeaderboard(metric.get() == null ? Metric.ACCURACY : metric.get());
        return board;
    }

    private void addScore(double seconds, TrialResult r) {
        scoresByAlgorithm.computeIfAbsent(r.spec().algorithm(), a -> new ArrayList<>()).add(r.score());
        improve(seconds, r.score(), r.spec().algorithm());
        if (finishedCount % chartStride != 0) return;
        points.add(new ScorePoint(seconds, r.score(), r.spec().algorithm()));
        if (points.size() >= MAX_CHART_POINTS) {
            // Keep every other point and halve the rate from now on, so the chart spans the whole run evenly.
            List<ScorePoint> kept = new ArrayList<>(points.size() / 2 + 1);
            for (int i = 0; i < points.size(); i += 2) kept.add(points.get(i));
            points.clear();
            points.addAll(kept);
            pointsThinned = true;
            chartStride *= 2;
        }
    }

    private void improve(double seconds, double score, String algorithm) {
        if (Double.isNaN(score)) return;
        if (!Double.isNaN(bestScore) && order().toLoss(score) >= order().toLoss(bestScore)) return;
        if (!Double.isNaN(bestScore)) steps.add(new ScorePoint(seconds, bestScore, algorithm));
        steps.add(new ScorePoint(seconds, score, algorithm));
        bestScore = score;
    }

    private Metric order() {
        return metric.get() == null ? Metric.ACCURACY : metric.get();
    }

    private void flushTable() {
        lastTableFlush = nanoClock.getAsLong();
        if (pendingRows != null) rows.setAll(pendingRows);
        pendingRows = null;
        if (pendingLog.isEmpty()) return;
        log.addAll(pendingLog.size() > MAX_LOG_LINES
                ? pendingLog.subList(pendingLog.size() - MAX_LOG_LINES, pendingLog.size()) : pendingLog);
        pendingLog.clear();
        if (log.size() > MAX_LOG_LINES) log.remove(0, log.size() - MAX_LOG_LINES);
    }

    private void flushCharts() {
        lastChartFlush = nanoClock.getAsLong();
        // The step line runs on to now, so a long plateau shows as one (a few dozen points: setAll is cheap).
        List<ScorePoint> line = new ArrayList<>(steps);
        double now = phase.get().active() ? (lastChartFlush - startNanos) / 1e9 : Double.NaN;
        if (!steps.isEmpty() && now > steps.get(steps.size() - 1).seconds()) {
            line.add(new ScorePoint(now, bestScore, steps.get(steps.size() - 1).algorithm()));
        }
        bestSteps.setAll(line);
        if (pointsThinned) trialPoints.setAll(points);
        else if (points.size() > trialPoints.size()) trialPoints.addAll(points.subList(trialPoints.size(), points.size()));
        pointsThinned = false;
        if (spreadsChanged) spreads.setAll(AlgorithmSpread.of(scoresByAlgorithm));
        spreadsChanged = false;
    }

    private void tick() {
        if (!phase.get().active() || spec == null) return;
        double secs = (nanoClock.getAsLong() - startNanos) / 1e9;
        elapsed.set(TimeText.of(secs) + " elapsed");
        Duration budget = spec.budget();
        if (phase.get() == RunPhase.STOPPING) {
            remaining.set(STOPPING_REMAINING); // a count-down would promise time the stop will not take
        } else if (budget != null) {
            double total = budget.toMillis() / 1000.0;
            progress.set(Math.min(1, secs / total));
            remaining.set(secs < total ? TimeText.of(total - secs) + " left" : "budget used, finishing");
        } else if (spec.maxTrials() > 0) {
            progress.set(Math.min(1, finishedCount / (double) spec.maxTrials()));
            remaining.set(Math.max(0, spec.maxTrials() - finishedCount) + " trials left");
        } else {
            progress.set(-1);
            remaining.set("");
        }
    }

    private void onFinished(ExperimentOutcome outcome) {
        drain();
        RunSummary s = outcome.summary();
        // One clock for the figure that counted up during the run, the best-score line's end and "N s in all":
        // the window's, which started before the engine did (the engine's own total is a little shorter).
        double total = Math.max(s.wallSeconds(), (nanoClock.getAsLong() - startNanos) / 1e9);
        if (!steps.isEmpty() && !Double.isNaN(bestScore)) {
            steps.add(new ScorePoint(total, bestScore, steps.get(steps.size() - 1).algorithm()));
        }
        flushTable();
        flushCharts();
        phase.set(switch (s.outcome()) {
            case CANCELLED -> RunPhase.STOPPED;
            case FAILED -> RunPhase.FAILED;
            default -> RunPhase.FINISHED;
        });
        progress.set(1);
        remaining.set("");
        elapsed.set(TimeText.of(total) + " in all");
        stage.set((s.outcome() == RunSummary.Outcome.CANCELLED ? "stopped" : "done") + " · " + s.message()
                + " · saved in " + outcome.folder().dir().getFileName());
        session.lastOutcomeProperty().set(outcome);
        LOG.info("Run ended ({}): {}", s.outcome(), s.message());
    }

    private void onFailed(Throwable error) {
        drain();
        phase.set(RunPhase.FAILED);
        stage.set("failed");
        LOG.warn("Run failed", error);
        dialogs.showError(RunErrors.report(error));
    }

    private void clear() {
        rows.clear();
        bestSteps.clear();
        trialPoints.clear();
        steps.clear();
        pendingRows = null;
        pendingLog.clear();
        points.clear();
        pointsThinned = false;
        spreadsChanged = false;
        spreads.clear();
        log.clear();
        scoresByAlgorithm.clear();
        listed.clear();
        board = null;
        finishedCount = 0;
        started = 0;
        chartStride = 1;
        bestScore = Double.NaN;
        longestDrainNanos = 0;
        progress.set(0);
        best.set("");
        trials.set("");
        elapsed.set("");
        remaining.set("");
    }
}
