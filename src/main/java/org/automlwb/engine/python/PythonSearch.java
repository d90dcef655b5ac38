package org.automlwb.engine.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.Json;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Metrics;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.Targets;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.run.Deadline;
import org.automlwb.engine.run.Journal;
import org.automlwb.engine.run.Leaderboard;
import org.automlwb.engine.run.PreparedRun;
import org.automlwb.engine.run.RefitRows;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunListener;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.automlwb.engine.trial.ValidationPlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run of the Python engine on a prepared run: the same rows, folds (or holdout), metric, budget, threads, seed
 * and test file as the Tribuo engine. The engine script's models reach the listeners and the journal as they
 * finish; each is scored again here, from its out-of-fold predictions, with the product's own metric code, so its
 * numbers compare with the other engines' exactly. When the search ends this side names the best model, the
 * script refits it on every training row and saves it, and the saved model becomes the run's model.
 *
 * <p>The run keeps its budget: the script stops starting models in time for the refit, and a child still running
 * a little after the budget ({@link #overrunSeconds}) is stopped with everything it started, as it is on a
 * cancel. A crashed child loses only its own final model: its finished models are in the journal and the result.
 */
public final class PythonSearch {
    /** The protocol version the script and this side speak (docs/python-engine.md). */
    static final int PROTOCOL = 1;
    private static final Logger LOG = LoggerFactory.getLogger(PythonSearch.class);
    /**
     * The algorithms the script searches for any task (gradient boosting, random forest, extra trees, and logistic
     * regression or ridge: {@code ALGORITHMS_*} in automl_engine.py), for the run's start line.
     */
    private static final int SCRIPT_ALGORITHMS = 4;
    /** Models that keep their out-of-fold predictions (the leader's are what the report charts). */
    private static final int KEEP_OOF = 5;

    private PythonSearch() { }

    /**
     * The Python that runs {@code kind} here.
     *
     * @throws BadInputException in one line with what to install, when there is none
     */
    public static PythonRuntime require(PythonEngineKind kind) throws BadInputException {
        PythonLocator.Lookup found = PythonLocator.find();
        String why = found.whyNot(kind);
        if (why != null) throw new BadInputException("the " + kind.key() + " engine cannot run: " + why, null);
        return found.runtime();
    }

    /**
     * Runs the search to its end. Never throws for a failing model or a crashed child: the run then ends with
     * {@link RunSummary.Outcome#FAILED} and says why, keeping the models that finished.
     *
     * @param journal      where finished models are appended, or null for none
     * @param firstTrialId the trial id of the script's first model (the ids of a run's engines never overlap)
     */
    public static RunResult run(PreparedRun p, PythonEngineKind kind, PythonRuntime runtime, Journal journal,
                                int firstTrialId, CancelToken cancel, List<RunListener> listeners)
            throws InterruptedException {
        RunListener events = fanOut(List.copyOf(listeners));
        Deadline deadline = new Deadline(p.startNanos(), p.spec().budget());
        Path work = null;
        try {
            work = Files.createTempDirectory("automlwb-" + kind.key() + "-");
            return run(p, kind, runtime, journal, firstTrialId, cancel, events, deadline, work);
        } catch (IOException e) {
            LOG.error("the {} engine could not write its input files", kind.key(), e);
            return failed(p, events, deadline, new Leaderboard(p.metric(), KEEP_OOF),
                    "the " + kind.key() + " engine could not write its input files (" + e.getMessage() + ")");
        } finally {
            deleteTree(work);
        }
    }

    private static RunResult run(PreparedRun p, PythonEngineKind kind, PythonRuntime runtime, Journal journal,
                                 int firstTrialId, CancelToken cancel, RunListener events, Deadline deadline,
                                 Path work)
            throws IOException, InterruptedException {
        LabelledData data = p.searched();
        ValidationPlan plan = p.folds().plan();
        PythonInputs inputs = PythonInputs.write(p, work);
        events.onEvent(new RunEvent.RunStarted(deadline.elapsedSeconds(), data.task(), p.metric(), p.data().rows(),
                inputs.featureNames().size(), plan.describe(), SCRIPT_ALGORITHMS));
        events.onEvent(new RunEvent.StageChanged(deadline.elapsedSeconds(), "search", "searching "
                + kind.key() + " pipelines in " + runtime.describe()
                + (p.sample().sampled() ? " on " + p.sample().describe() : "")));

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("protocol", PROTOCOL);
        spec.put("engine", kind.key());
        spec.put("metric", p.metric().key());
        spec.putAll(inputs.spec());
        // The script's clock starts when it does: it gets what is left of the run's budget, less its start-up.
        spec.put("budget_seconds", deadline.bounded() ? Math.max(1.0, deadline.secondsLeft() - 1.0) : 0);
        spec.put("max_models", p.spec().maxTrials());
        spec.put("threads", p.spec().threads());
        spec.put("seed", p.spec().seed());
        spec.put("out_dir", work.toString());
        Path specFile = work.resolve("spec.json");
        Files.writeString(specFile, Json.pretty(spec));

        Targets oofTargets = plan.coversAllRows() ? data.targets() : data.targets().select(plan.scoredRows());
        Session session = new Session(p, kind, firstTrialId - 1, oofTargets, work, journal, cancel, events,
                deadline);
        RunSummary.Outcome why;
        String problem = null;
        try (PythonProcess child = PythonProcess.start(runtime.executable(), List.of("search", specFile.toString()),
                session::onLine)) {
            session.child = child;
            long hardEnd = deadline.bounded()
                    ? deadline.endNanos() + (long) (overrunSeconds(p.spec().budget()) * 1e9) : Long.MAX_VALUE;
            boolean exited = child.waitFor(cancel, hardEnd);
            if (!exited) child.stop();
            if (cancel.isCancelled()) {
                why = RunSummary.Outcome.CANCELLED;
            } else if (!exited) {
                why = RunSummary.Outcome.FAILED;
                problem = "the " + kind.key() + " engine was still running " + Math.round(overrunSeconds(
                        p.spec().budget())) + " s after the budget and was stopped";
            } else if (child.exitCode() != 0 || session.error != null) {
                why = RunSummary.Outcome.FAILED;
                problem = "the " + kind.key() + " engine failed: " + (session.error != null ? session.error
                        : "Python exited with code " + child.exitCode() + " (details in run.log)");
            } else {
                why = "max_models".equals(session.endReason) ? RunSummary.Outcome.MAX_TRIALS
                        : RunSummary.Outcome.BUDGET_USED;
            }
        }
        if (session.endReason == null) {
            events.onEvent(new RunEvent.SearchEnded(deadline.elapsedSeconds(), why, session.models));
        }
        Leaderboard board = session.board;
        SingleModel model = null;
        TrialResult leader = null;
        Predictions testPredictions = null;
        if (why != RunSummary.Outcome.CANCELLED && session.fin != null) {
            EngineMessage.Final f = session.fin;
            int trialId = session.offset + f.modelId();
            leader = board.snapshot().stream().filter(r -> r.spec().trialId() == trialId).findFirst()
                    .orElse(null);
            if (leader != null) {
                byte[] bytes = Files.readAllBytes(work.resolve(f.modelFile()));
                model = new SingleModel(inputs.features(), new SklearnModel(bytes, runtime, data.task(),
                        data.classNames(), f.algorithm()), leader.spec().algorithm(), leader.spec().config(),
                        data.task(), data.classNames());
                if (f.testPredictionsFile() != null && p.test() != null) {
                    testPredictions = read(work.resolve(f.testPredictionsFile()), p.test().rows(), data.task(),
                            data.classNames().size());
                }
            }
        }
        if (model == null && why != RunSummary.Outcome.CANCELLED && problem == null) {
            why = RunSummary.Outcome.FAILED;
            problem = board.best().isEmpty() ? "no " + kind.key() + " model succeeded"
                    : "the " + kind.key() + " engine ended without its final model (details in run.log)";
        }
        if (model == null) leader = null;
        Map<String, Double> validation = leader == null ? Map.of() : leader.metrics();
        Map<String, Double> test = testPredictions == null ? Map.of()
                : Metrics.all(data.task(), p.test().targets(), testPredictions);
        String message = problem != null ? problem + " (" + session.models + " models kept)"
                : message(kind, why, p.metric(), leader, validation, test, session.models);
        RunSummary summary = new RunSummary(why, data.task(), p.metric(), session.models, leader, validation, test,
                deadline.elapsedSeconds(), message);
        events.onEvent(new RunEvent.RunFinished(deadline.elapsedSeconds(), summary));
        RefitRows refit = p.sample().sampled()
                ? new RefitRows(p.sample().rows(), p.data().rows(), "the rows the search used") : RefitRows.all(
                p.data().rows());
        return new RunResult(summary, board.snapshot(), model == null ? null : ModelBundle.single(model), Map.of(),
                plan, p.data(), testPredictions, oofTargets, leader == null ? null : leader.oof(), p.sample(),
                refit);
    }

    /**
     * The leaderboard's id of one of the script's algorithms, e.g. {@code sklearn.random_forest}: the engine's key
     * and a dot, which the Tribuo catalogue's ids never have, so every engine's models are told apart.
     */
    public static String algorithmId(PythonEngineKind kind, String algorithm) {
        return kind.key() + "." + algorithm.toLowerCase(Locale.ROOT);
    }

    /** Sends each event to every listener; a listener that throws is logged and never stops the run. */
    private static RunListener fanOut(List<RunListener> listeners) {
        return event -> {
            for (RunListener l : listeners) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.warn("a run listener failed on {}", event.getClass().getSimpleName(), e);
                }
            }
        };
    }

    /**
     * Seconds the child may run past the budget before it is stopped: its last fit or its refit can overrun the
     * estimate it stopped by, and losing the whole run's model for a few seconds would be worse.
     */
    static double overrunSeconds(Duration budget) {
        return budget == null ? 0 : Math.max(5.0, budget.toSeconds() * 0.1);
    }

    private static RunResult failed(PreparedRun p, RunListener events, Deadline deadline, Leaderboard board,
                                    String message) {
        RunSummary summary = new RunSummary(RunSummary.Outcome.FAILED, p.data().task(), p.metric(), 0, null,
                Map.of(), Map.of(), deadline.elapsedSeconds(), message);
        events.onEvent(new RunEvent.RunFinished(deadline.elapsedSeconds(), summary));
        return new RunResult(summary, board.snapshot(), null, Map.of(), p.folds().plan(), p.data(), null, null, null,
                p.sample(), RefitRows.all(p.data().rows()));
    }

    private static String message(PythonEngineKind kind, RunSummary.Outcome why, Metric metric, TrialResult leader,
                                  Map<String, Double> validation, Map<String, Double> test, int models) {
        if (why == RunSummary.Outcome.CANCELLED) return "stopped; " + models + " " + kind.key() + " models kept";
        return String.format(Locale.ROOT, "%s: best %s, %s %.4f on validation%s, %d models", kind.key(),
                leader.spec().algorithm(), metric.key(), validation.getOrDefault(metric.key(), Double.NaN),
                test.containsKey(metric.key()) ? String.format(Locale.ROOT, ", %.4f on test", test.get(metric.key()))
                        : "", models);
    }

    /** Predictions read from a protocol file: k class probabilities per row, or one value. */
    static Predictions read(Path file, int rows, TaskType task, int classes) throws IOException {
        double[][] p = ArrayFiles.readDoubles(file, rows, task.isClassification() ? classes : 1);
        if (task.isClassification()) return Predictions.ofProbabilities(p);
        double[] v = new double[rows];
        for (int i = 0; i < rows; i++) v[i] = p[i][0];
        return Predictions.ofValues(v);
    }

    /** Removes a folder and everything in it, quietly: a temporary folder left behind is only logged. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    LOG.info("could not delete {}: {}", f, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.info("could not delete {}: {}", dir, e.getMessage());
        }
    }

    /** What the reader thread learns from the child's lines, and what it answers. */
    private static final class Session {
        final PreparedRun p;
        final PythonEngineKind kind;
        /** Trial id = offset + the script's model id. */
        final int offset;
        final Targets oofTargets;
        final Path work;
        final Journal journal;
        final CancelToken cancel;
        final RunListener events;
        final Deadline deadline;
        final Leaderboard board;
        volatile PythonProcess child;
        volatile int models;
        volatile String endReason;
        volatile EngineMessage.Final fin;
        volatile String error;

        Session(PreparedRun p, PythonEngineKind kind, int offset, Targets oofTargets, Path work, Journal journal,
                CancelToken cancel, RunListener events, Deadline deadline) {
            this.p = p;
            this.kind = kind;
            this.offset = offset;
            this.oofTargets = oofTargets;
            this.work = work;
            this.journal = journal;
            this.cancel = cancel;
            this.events = events;
            this.deadline = deadline;
            this.board = new Leaderboard(p.metric(), KEEP_OOF);
        }

        void onLine(String line) {
            EngineMessage m;
            try {
                m = EngineMessage.parse(line);
            } catch (IllegalArgumentException e) {
                // a library that prints on stdout must not break the run: the line goes to the log
                LOG.info("python: {}", line);
                return;
            }
            if (m instanceof EngineMessage.ModelStarted s) {
                events.onEvent(new RunEvent.TrialStarted(deadline.elapsedSeconds(), spec(s.modelId(), s.algorithm(),
                        s.hyperparameters(), s.origin())));
            } else if (m instanceof EngineMessage.ModelFinished f) {
                finished(f);
            } else if (m instanceof EngineMessage.SearchEnded s) {
                endReason = s.reason();
                RunSummary.Outcome why = "max_models".equals(s.reason()) ? RunSummary.Outcome.MAX_TRIALS
                        : RunSummary.Outcome.BUDGET_USED;
                events.onEvent(new RunEvent.SearchEnded(deadline.elapsedSeconds(), why, s.models()));
                Optional<TrialResult> best = board.best();
                if (cancel.isCancelled() || best.isEmpty()) {
                    child.send("{\"refit\": null}");
                } else {
                    events.onEvent(new RunEvent.StageChanged(deadline.elapsedSeconds(), "refit",
                            "refitting " + best.get().spec().algorithm() + " on all training rows"));
                    child.send("{\"refit\": " + (best.get().spec().trialId() - offset) + "}");
                }
            } else if (m instanceof EngineMessage.Final f) {
                fin = f;
            } else if (m instanceof EngineMessage.Error e) {
                error = e.message();
                LOG.warn("the Python engine reports: {} ({})", e.message(), e.kind());
            }
        }

        /** The trial of one of the script's models. */
        private TrialSpec spec(int modelId, String algorithm, Map<String, Object> hyperparameters, String origin) {
            return new TrialSpec(offset + modelId, algorithmId(kind, algorithm), new Config(hyperparameters),
                    p.spec().seed() + modelId, origin);
        }

        /** A model line as a trial: scored with the product's metric code from its out-of-fold predictions. */
        private void finished(EngineMessage.ModelFinished f) {
            models = Math.max(models, f.modelId());
            TrialSpec spec = spec(f.modelId(), f.algorithm(), f.hyperparameters(), f.origin());
            TrialResult r;
            if (f.ok()) {
                try {
                    TaskType task = p.data().task();
                    Predictions oof = read(work.resolve(f.oofFile()), oofTargets.size(), task,
                            p.data().classNames().size());
                    Map<String, Double> metrics = Metrics.all(task, oofTargets, oof);
                    double score = metrics.getOrDefault(p.metric().key(), Double.NaN);
                    r = Double.isNaN(score)
                            ? TrialResult.unscored(spec, TrialStatus.FAILED, f.fitSeconds(),
                            "its " + p.metric().key() + " is undefined on these rows", 0)
                            : new TrialResult(spec, TrialStatus.OK, score, metrics, f.fitSeconds(), null, oof, 0);
                } catch (IOException | RuntimeException e) {
                    r = TrialResult.unscored(spec, TrialStatus.FAILED, f.fitSeconds(),
                            "its predictions could not be read: " + e.getMessage(), 0);
                }
            } else {
                TrialStatus status = "timeout".equals(f.status()) ? TrialStatus.TIMEOUT : TrialStatus.FAILED;
                r = TrialResult.unscored(spec, status, f.fitSeconds(), f.error(), 0);
            }
            double now = deadline.elapsedSeconds();
            boolean best = board.add(r);
            if (journal != null) journal.append(r);
            events.onEvent(new RunEvent.TrialFinished(now, r));
            if (best) events.onEvent(new RunEvent.BestChanged(now, r));
        }
    }
}
