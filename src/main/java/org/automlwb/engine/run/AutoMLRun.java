package org.automlwb.engine.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.HeapNeed;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.FeaturePipelines;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.PlainNames;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Metrics;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.AlgorithmCatalogue;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.search.AshaPruner;
import org.automlwb.engine.search.Searcher;
import org.automlwb.engine.search.Searchers;
import org.automlwb.engine.trial.FoldData;
import org.automlwb.engine.trial.Pruner;
import org.automlwb.engine.trial.Refitter;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialRunner;
import org.automlwb.engine.trial.TrialReport;
import org.automlwb.engine.trial.ValidationPlan;
import org.automlwb.engine.trial.ValidationSettings;
import org.automlwb.prep.Recipe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * An AutoML run, start to end: check the inputs ({@link #prepare}), search ({@link SearchLoop}), build a Caruana
 * ensemble over out-of-fold predictions, refit the winner on all rows, score the test file once. Each of those
 * lives in its own class; this one only sequences them and keeps the budget.
 */
public final class AutoMLRun {
    private static final Logger LOG = LoggerFactory.getLogger(AutoMLRun.class);
    /** Successful trials that keep their out-of-fold predictions for the ensemble. */
    static final int ENSEMBLE_CANDIDATES = 20;

    private AutoMLRun() { }

    /**
     * Checks everything the user gave and prepares fold 0, before anything is written.
     *
     * @param train  the training table
     * @param test   the test table, or null
     * @param recipe the preprocessing recipe, or null for the automatic one
     * @throws BadInputException with a one-line message for anything wrong with the inputs
     */
    public static PreparedRun prepare(Table train, Table test, RunSpec spec, Recipe recipe) throws BadInputException {
        long start = System.nanoTime();
        LabelledData data = LabelledData.forTraining(train, spec.target(), spec.task());
        Metric metric = spec.metric() != null ? spec.metric() : Metric.defaultFor(data.task());
        if (!metric.appliesTo(data.task())) {
            throw new BadInputException("the metric " + metric.key() + " does not apply to a " + data.task().key()
                    + " task", "use one of " + Metric.forTask(data.task()).stream().map(Metric::key)
                    .collect(Collectors.joining(", ")));
        }
        LabelledData testData = test == null ? null
                : LabelledData.forScoring(test, spec.target(), data.task(), data.classNames());
        if (testData != null) checkTestColumns(train, test);
        Recipe r = recipe != null ? recipe : Recipe.automatic(data.table(), spec.target());
        ValidationSettings settings = ValidationSettings.defaults().withFolds(spec.folds())
                .withHoldoutAboveRows(spec.holdoutAbove());
        SearchSample sample = SearchSample.decide(data, spec);
        LabelledData searched = sample.of(data);
        ValidationPlan plan = ValidationPlan.create(searched.targets(), settings, spec.seed());
        FoldData folds = new FoldData(searched, plan, FeaturePipelines.fromRecipe(r));
        DataShape shape;
        long fold0Start = System.nanoTime();
        try {
            shape = folds.shape();
        } catch (RuntimeException e) {
            throw new BadInputException("the preprocessing recipe fails on this data: " + e.getMessage(),
                    "check the recipe's steps against the file's columns");
        }
        checkTrainingTargetsVary(folds, data.target());
        if (shape.features() == 0) {
            throw new BadInputException("no usable feature is left after preprocessing (every column but the target"
                    + " was dropped as constant, empty or an ID)", "add informative columns to the file");
        }
        List<Algorithm> algorithms = algorithms(spec, shape);
        if (algorithms.isEmpty()) {
            throw new BadInputException("no algorithm is left to try for a " + data.task().key() + " task on "
                    + data.rows() + " rows", "enable more algorithms (--algorithms, or the space file)");
        }
        return new PreparedRun(spec, data, testData, metric, r, folds, shape, algorithms, start,
                (System.nanoTime() - fold0Start) / 1e9, sample);
    }

    /**
     * A recipe's row filters may leave every training row with the same target: nothing to learn, and every model
     * would be the constant. Said before anything is written.
     */
    private static void checkTrainingTargetsVary(FoldData folds, String target) throws BadInputException {
        Targets t = folds.fold(0, FeatureEncoding.ONE_HOT).train().targets();
        boolean varies = false;
        for (int i = 1; i < t.size() && !varies; i++) {
            varies = t.isClassification() ? t.classIndex()[i] != t.classIndex()[0] : t.values()[i] != t.values()[0];
        }
        if (!varies && t.size() > 0) {
            String value = t.isClassification() ? t.classNames().get(t.classIndex()[0])
                    : String.valueOf(t.values()[0]);
            throw new BadInputException("after the recipe's row filters every training row has the same target value '"
                    + value + "': there is nothing to learn", null, 0, target,
                    "loosen or remove the recipe's filter rows steps");
        }
    }

    private static void checkTestColumns(Table train, Table test) throws BadInputException {
        List<String> missing = train.columnNames().stream().filter(c -> !test.containsColumn(c)).toList();
        if (!missing.isEmpty()) {
            throw new BadInputException("the test file lacks column(s) " + String.join(", ", missing)
                    + " that the training file has", "give a test file with the same columns as the training file");
        }
    }

    private static List<Algorithm> algorithms(RunSpec spec, DataShape shape) throws BadInputException {
        List<Algorithm> all = AlgorithmCatalogue.all();
        for (String id : spec.algorithms()) {
            if (all.stream().noneMatch(a -> a.id().equals(id))) {
                throw new BadInputException("unknown algorithm '" + id + "'", "use one of "
                        + all.stream().map(Algorithm::id).collect(Collectors.joining(", ")));
            }
        }
        return all.stream()
                .filter(a -> spec.algorithms().isEmpty() || spec.algorithms().contains(a.id()))
                .filter(a -> spec.space().isEnabled(a.id()))
                .filter(a -> a.appliesTo(shape))
                .<Algorithm>map(a -> new ConfiguredAlgorithm(a, spec.space()))
                .toList();
    }

    /**
     * Runs a prepared run to the end. Never throws for a failing trial; a run where no trial succeeds ends
     * with {@link RunSummary.Outcome#FAILED} and a message that says why.
     *
     * @param journal  where finished trials are appended (crash-safe), or null for none
     * @param previous trials finished before a resume (not repeated), or empty
     */
    public static RunResult run(PreparedRun p, Journal journal, List<TrialResult> previous, CancelToken cancel,
                                List<RunListener> listeners) throws InterruptedException {
        return run(p, journal, ResumeState.after(previous), cancel, listeners);
    }

    /**
     * Runs a prepared run to the end, continuing an earlier one: its trials are not repeated, new trial ids follow
     * the ones it used, the budget is what it left, and when its search had ended the run goes straight to the
     * ensemble and the refit.
     *
     * @param journal where finished trials are appended (crash-safe), or null for none
     */
    public static RunResult run(PreparedRun p, Journal journal, ResumeState resume, CancelToken cancel,
                                List<RunListener> listeners) throws InterruptedException {
        RunSpec spec = p.spec();
        RunEvents events = new RunEvents();
        listeners.forEach(events::add);
        List<TrialResult> previous = resume.trials();
        Leaderboard board = new Leaderboard(p.metric(), ENSEMBLE_CANDIDATES);
        previous.forEach(board::add);
        Deadline deadline = deadline(p, resume, reserveSeconds(board, p));
        events.onEvent(new RunEvent.RunStarted(deadline.elapsedSeconds(), p.data().task(), p.metric(),
                p.data().rows(), p.shape().features(), p.folds().plan().describe(), p.algorithms().size()));

        SearchLoop.Outcome outcome;
        if (resume.searchEnded() != null) {
            LOG.info("resumed after the search had ended ({}, {} trials, {} s used): going straight to the finish",
                    resume.searchEnded(), previous.size(), String.format(Locale.ROOT, "%.1f", resume.usedSeconds()));
            outcome = new SearchLoop.Outcome(resume.searchEnded(), previous.size());
        } else {
            events.onEvent(new RunEvent.StageChanged(deadline.elapsedSeconds(), "search", "searching "
                    + p.algorithms().stream().map(Algorithm::id).collect(Collectors.joining(", "))
                    + (p.sample().sampled() ? " on " + p.sample().describe() : "")));
            // Folds are prepared ahead only where the trials run on them: a cluster prepares its own.
            Thread prefetch = spec.executor().isLocal() ? FoldPrefetch.start(p, cancel) : null;
            outcome = search(p, board, journal, resume, deadline, cancel, events);
            if (prefetch != null) prefetch.interrupt();
        }
        // Said even when a resumed run skipped it, so that the experiment folder keeps knowing the search is over.
        events.onEvent(new RunEvent.SearchEnded(deadline.elapsedSeconds(), outcome.reason(), outcome.launched()));
        // The folds are done with: blending needs only the out-of-fold predictions, and the refit prepares all rows
        // itself. Freeing them now keeps the refit's peak memory down (adult: about 90 MB).
        p.folds().release();

        Targets oofTargets = p.folds().plan().coversAllRows() ? p.searched().targets()
                : p.searched().targets().select(p.folds().plan().scoredRows());
        List<TrialResult> ok = board.snapshot().stream().filter(TrialResult::ok).toList();
        List<Blending.Blend> blends = List.of();
        if (!ok.isEmpty() && !cancel.isCancelled()) {
            events.onEvent(new RunEvent.StageChanged(deadline.elapsedSeconds(), "ensemble",
                    "comparing the best model with an ensemble and a stack of the best " + board.withOof().size()));
            int nextId = board.snapshot().stream().mapToInt(r -> r.spec().trialId()).max().orElse(0) + 1;
            try {
                blends = Blending.rank(board.withOof(), ok.get(0), oofTargets, p.data().task(), p.metric(),
                        spec.seed(), spec.ensemble(), nextId, blendingStop(deadline, ok.get(0), p));
            } catch (RuntimeException e) {
                LOG.warn("ensembles and calibration skipped: {}", e.toString(), e);
            }
        }

        RefitRows refitRows = ok.isEmpty() ? RefitRows.all(p.data().rows()) : refitRows(p, ok.get(0), deadline);
        events.onEvent(new RunEvent.StageChanged(deadline.elapsedSeconds(), "refit",
                "refitting the chosen model on " + refitRows.describe()));
        FinalModelBuilder builder = new FinalModelBuilder(new Refitter(refitRows.of(p.data()), p.folds().pipelines()),
                p::algorithm, spec.threads(), cancel, new RefitEstimate(p, refitRows.size()), deadline);
        ModelBundle model = null;
        TrialResult leader = null;
        Blending.Blend chosen = null;
        for (Blending.Blend b : blends) {
            if (b.kind() == ModelBundle.Kind.SINGLE) break; // refit below, with its fallbacks
            ModelBundle m = builder.blend(b, endOf(deadline, 0.02));
            if (m != null) {
                model = m.calibrated(b.calibration());
                chosen = b;
                leader = b.entry();
                break;
            }
        }
        if (model == null && !ok.isEmpty()) {
            FinalModelBuilder.Chosen single = builder.single(ok, endOf(deadline, 0.05));
            if (single != null) {
                leader = single.trial();
                model = single.model();
                chosen = blends.stream().filter(b -> b.kind() == ModelBundle.Kind.SINGLE
                        && b.entry() == single.trial()).findFirst().orElse(null);
                if (chosen != null) model = model.calibrated(chosen.calibration());
            }
        }
        // The ensemble and the stack are listed with their cross-fitted scores, whichever was kept.
        for (Blending.Blend b : blends) if (b.kind() != ModelBundle.Kind.SINGLE) board.add(b.entry());
        if (leader != null && chosen != null && chosen.kind() != ModelBundle.Kind.SINGLE) {
            events.onEvent(new RunEvent.BestChanged(deadline.elapsedSeconds(), leader));
        }

        Map<String, Double> validation = leader == null ? Map.of()
                // A leader read back from the journal (a resume) has no out-of-fold predictions: its own metrics.
                : chosen != null && chosen.predictions() != null
                ? Metrics.all(p.data().task(), oofTargets, chosen.predictions()) : leader.metrics();
        Map<String, Double> test = Map.of();
        Predictions testPredictions = null;
        if (model != null && p.test() != null) {
            events.onEvent(new RunEvent.StageChanged(deadline.elapsedSeconds(), "test",
                    "scoring the test file (" + p.test().rows() + " rows)"));
            testPredictions = model.predict(p.test().table());
            test = Metrics.all(p.data().task(), p.test().targets(), testPredictions);
        }
        RunSummary.Outcome why = model == null && outcome.reason() != RunSummary.Outcome.CANCELLED
                ? RunSummary.Outcome.FAILED : outcome.reason();
        int trials = (int) board.snapshot().stream().filter(r -> !Blending.isBlend(r)).count();
        RunSummary summary = new RunSummary(why, p.data().task(), p.metric(), trials, leader, validation, test,
                deadline.elapsedSeconds(), message(why, p.metric(), leader, validation, test, trials, board));
        events.onEvent(new RunEvent.RunFinished(deadline.elapsedSeconds(), summary));
        Predictions validationPredictions = leader == null ? null
                : chosen != null ? chosen.predictions() : leader.oof();
        Map<Integer, Double> weights = new LinkedHashMap<>();
        if (chosen != null && chosen.kind() != ModelBundle.Kind.SINGLE) {
            double[] w = model.weights();
            for (int i = 0; i < chosen.members().size(); i++) weights.put(chosen.members().get(i).spec().trialId(), w[i]);
        }
        return new RunResult(summary, board.snapshot(), model, weights, p.folds().plan(), p.data(), testPredictions,
                oofTargets, validationPredictions, p.sample(), refitRows);
    }

    /**
     * How many rows the final refit can take, for the best model (the blends refit their members on the same
     * rows): the search's heap is free by now, so what is free after a collection is what the refit may use.
     */
    private static RefitRows refitRows(PreparedRun p, TrialResult best, Deadline deadline) {
        if (!p.sample().sampled()) return RefitRows.all(p.data().rows());
        System.gc(); // "free" below counts the folds just released as used until a collection
        long free = HeapNeed.free();
        double left = deadline.bounded() ? deadline.secondsLeft() - 1.5 : Double.POSITIVE_INFINITY;
        double all = new RefitEstimate(p, p.data().rows()).of(best);
        RefitRows r = RefitRows.decide(p.data(), p.sample(), p.algorithm(best.spec().algorithm()), all, left, free,
                p.shape().features(), p.spec().seed());
        LOG.info("refit rows: {} (all rows: about {} s, {} s left, {} MB of heap free)", r.describe(),
                Math.round(all), Math.round(left), free >> 20);
        return r;
    }

    /**
     * The run's clock. A resumed run's clock starts where the earlier run's stopped (the budget is what was left,
     * not a fresh one), but the finish it must still do (ensemble, refit, writing) always gets its reserve: a run
     * killed during its refit has no budget left, and the refit is what it resumes for.
     */
    private static Deadline deadline(PreparedRun p, ResumeState resume, double reserveSeconds) {
        long used = (long) (resume.usedSeconds() * 1e9);
        long start = p.startNanos() - used;
        Deadline d = new Deadline(start, p.spec().budget());
        if (d.bounded() && resume.isResume() && d.secondsLeft() < reserveSeconds) {
            long needed = System.nanoTime() - start + (long) (reserveSeconds * 1e9);
            LOG.info("resumed with {} s of the budget left, less than the {} s its finish needs: the budget is "
                    + "extended to {} s", String.format(Locale.ROOT, "%.1f", Math.max(0, d.secondsLeft())),
                    String.format(Locale.ROOT, "%.1f", reserveSeconds),
                    String.format(Locale.ROOT, "%.1f", needed / 1e9));
            d = new Deadline(start, Duration.ofNanos(needed));
        }
        d.reserveSeconds(reserveSeconds);
        return d;
    }

    private static SearchLoop.Outcome search(PreparedRun p, Leaderboard board, Journal journal,
                                             ResumeState resume, Deadline deadline, CancelToken cancel,
                                             RunEvents events) throws InterruptedException {
        List<TrialResult> previous = resume.trials();
        RunSpec spec = p.spec();
        Searcher searcher;
        try {
            searcher = Searchers.create(spec.search(), p.algorithms(), p.shape(), p.metric(), spec.seed());
        } catch (BadInputException e) {
            throw new IllegalArgumentException(e.oneLine(), e);
        }
        // Early stopping depends on which trials have reported when, so a reproducible run does without it.
        Pruner pruner = spec.reproducible() ? Pruner.none() : new AshaPruner();
        TrialRunner.Settings limits = new TrialRunner.Settings(trialCap(spec), spec.threads());
        String runId = "run-" + java.util.UUID.randomUUID();
        int firstId = resume.nextTrialId();
        try (TrialExecutor executor = executor(p, runId, limits, pruner, cancel)) {
            LOG.info("trials run on {} ({} cores)", executor.describe(), executor.cores());
            SearchLoop loop = new SearchLoop(searcher, executor, runId,
                    s -> p.algorithm(s.algorithm()).threadsPerFit(s.config(), spec.threads()), board,
                    journal, events, deadline, spec.maxTrials(), spec.reproducible(), cancel,
                    () -> deadline.reserveSeconds(reserveSeconds(board, p)),
                    s -> p.algorithm(s.algorithm()).trainsOneAtATime());
            return loop.run(firstId, previous);
        }
    }

    /**
     * The run's executor: this JVM's threads over the fold data already prepared here, or a cluster that gets the
     * run's context once and rebuilds the folds on its workers.
     */
    private static TrialExecutor executor(PreparedRun p, String runId, TrialRunner.Settings limits, Pruner pruner,
                                          CancelToken cancel) {
        ExecutorSettings where = p.spec().executor();
        if (where.isLocal()) {
            TrialWork work = TrialWork.local(new TrialRunner(p.folds(), p.metric(), limits), p::algorithm);
            return new LocalTrialExecutor(p.spec().threads(),
                    task -> work.run(task, pruner, cancel, TrialReport.LOCAL));
        }
        RunContext context = RunContext.of(runId, p, limits);
        // A prepared fold holds its training and validation rows as doubles, in one or two encodings.
        long foldBytes = (long) p.searched().rows() * Math.max(1, p.shape().features()) * Double.BYTES * 2;
        try {
            return TrialExecutors.open(new ExecutorSetup(where, context, pruner, cancel, foldBytes));
        } catch (BadInputException e) {
            throw new IllegalArgumentException(e.oneLine(), e);
        }
    }

    /**
     * No trial may take more than a quarter of a short budget (half of a long one), so one slow model cannot
     * starve the search: on adult a 25-tree random forest ran past 30 s while XGBoost needed 3.
     */
    private static Duration trialCap(RunSpec spec) {
        if (spec.trialCapSeconds() > 0) return Duration.ofMillis((long) (spec.trialCapSeconds() * 1000));
        if (spec.budget() == null) return Duration.ofMinutes(30);
        long share = spec.budget().compareTo(Duration.ofMinutes(5)) <= 0 ? 4 : 2;
        return Duration.ofMillis(Math.max(5_000, spec.budget().toMillis() / share));
    }

    /** The trial runner needs a finite deadline; an unbounded run gets a day. */
    private static long bounded(long deadlineNanos) {
        long day = System.nanoTime() + Duration.ofDays(1).toNanos();
        return deadlineNanos - day > 0 ? day : deadlineNanos;
    }

    private static long endOf(Deadline d, double grace) {
        if (!d.bounded()) return bounded(Long.MAX_VALUE);
        return d.endNanos() + (long) (grace * d.budgetNanos());
    }

    /**
     * When the ensemble and the stack must be done: the time the best model's refit needs is kept for it (on
     * kddcup99 a stack of five 23-class models took 34 s, and the refit then had to fall back to a weaker model).
     */
    private static long blendingStop(Deadline deadline, TrialResult best, PreparedRun p) {
        if (!deadline.bounded()) return System.nanoTime() + Duration.ofDays(1).toNanos();
        double refit = 1.5 + new RefitEstimate(p).together(List.of(best), p.spec().threads());
        return deadline.endNanos() - (long) (refit * 1e9);
    }

    /**
     * Time to hold back for the refit: the top models' fit time per fold, scaled to all rows, spread over the
     * cores, plus a little for scoring and writing.
     */
    static double reserveSeconds(Leaderboard board, PreparedRun p) {
        RefitEstimate estimate = new RefitEstimate(p);
        List<TrialResult> top = board.snapshot().stream().filter(TrialResult::ok).limit(3).toList();
        return 1.5 + (top.isEmpty() ? estimate.preprocessing() : estimate.together(top, p.spec().threads()))
                + blendingSeconds(p);
    }

    /**
     * Time for the ensemble and the stack, which work on the scored rows' predictions of every candidate: about
     * 10 us per row, class and candidate (credit-g, 800 rows x 2 x 30: under a second; adult's holdout, 7,800
     * rows: about 5 s), at least 2 s, at most a tenth of the budget. The search stops this much earlier; what
     * the blending does not finish by the refit's share of the budget is left out ({@link #blendingStop}).
     */
    static double blendingSeconds(PreparedRun p) {
        if (!p.spec().ensemble() || p.spec().budget() == null) return 0;
        int rows = p.folds().plan().scoredRows().length;
        int classes = Math.max(2, p.data().targets().isClassification() ? p.data().targets().classNames().size() : 1);
        double estimate = 1e-5 * rows * classes * (ENSEMBLE_CANDIDATES + 10);
        return Math.min(0.1 * p.spec().budget().toMillis() / 1000.0, Math.max(2.0, estimate));
    }

    private static String message(RunSummary.Outcome why, Metric metric, TrialResult leader,
                                  Map<String, Double> validation, Map<String, Double> test, int trials,
                                  Leaderboard board) {
        if (leader == null) {
            List<String> reasons = new ArrayList<>();
            board.snapshot().stream().filter(r -> r.error() != null).limit(3)
                    .forEach(r -> reasons.add(r.spec().algorithm() + ": " + r.error()));
            return why == RunSummary.Outcome.CANCELLED ? "stopped before any model finished"
                    : "no model could be trained" + (reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")");
        }
        // Read by people (Results, the progress line): names, not ids; files and JSON keep the ids.
        String s = String.format(Locale.ROOT, "best: %s, validation %s %.5g",
                PlainNames.algorithm(leader.spec().algorithm()),
                PlainNames.metric(metric), validation.getOrDefault(metric.key(), Double.NaN));
        if (!test.isEmpty()) {
            s += String.format(Locale.ROOT, ", test %s %.5g", PlainNames.metric(metric),
                    test.get(metric.key()));
        }
        return s + " (" + trials + " trials, " + why.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }
}
