package org.automlwb.engine.trial;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Metrics;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TrainedModel;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.algo.FitControl;
import org.automlwb.engine.algo.Learner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains and scores one configuration, rung by rung, into out-of-fold predictions.
 *
 * <p>Rungs (successive halving): [fold 0 trained on the plan's subsample, when the plan has one] → [fold 0 on
 * all its training rows] → [every other fold]. After each rung the main metric on fold 0's validation rows
 * (or, at the last rung, on every scored row) goes to the {@link Pruner}; a "stop" before the last rung ends the
 * trial as {@link TrialStatus#PRUNED}. The last rung's report is for the pruner's records only.
 *
 * <p>Each fold trains on a daemon thread and is awaited until the earlier of the per-trial cap and the run's
 * deadline: past it the trial is {@link TrialStatus#TIMEOUT} and the fit is abandoned (left to finish, its
 * result dropped). Anything thrown, {@link OutOfMemoryError} included, makes it {@link TrialStatus#FAILED} with
 * a one-line reason. A cancelled token ends it as {@link TrialStatus#CANCELLED} within about 100 ms.
 *
 * <p>Thread-safe: many trials may run at once over the same {@link FoldData}. The caller decides how many:
 * LibSVM training holds a JVM-wide lock ({@code synchronized (LibSVMTrainer.class)}, STACK.md), so an executor
 * should run LibSVM trials one at a time, or they queue inside their own time limit and time out; and native
 * threads of parallel XGBoost trials add up ({@link Algorithm#threadsPerFit}).
 */
public final class TrialRunner {
    private static final Logger LOG = LoggerFactory.getLogger(TrialRunner.class);

    /**
     * @param perTrialCap      the longest one trial may take
     * @param threadsAvailable threads a trial may use, passed to {@link Algorithm#threadsPerFit}
     */
    public record Settings(Duration perTrialCap, int threadsAvailable) {
        public Settings {
            if (perTrialCap.isNegative() || perTrialCap.isZero()) {
                throw new IllegalArgumentException("perTrialCap must be positive");
            }
            if (threadsAvailable < 1) throw new IllegalArgumentException("threadsAvailable must be at least 1");
        }

        /** A ten-minute cap, one thread. */
        public static Settings defaults() {
            return new Settings(Duration.ofMinutes(10), 1);
        }
    }

    private final FoldData folds;
    private final Metric metric;
    private final Settings settings;

    /**
     * @param folds    the run's prepared folds
     * @param metric   the main metric (must apply to the task)
     * @param settings per-trial cap and threads
     */
    public TrialRunner(FoldData folds, Metric metric, Settings settings) {
        if (!metric.appliesTo(folds.data().task())) {
            throw new IllegalArgumentException(metric.key() + " does not apply to " + folds.data().task().key());
        }
        this.folds = folds;
        this.metric = metric;
        this.settings = settings;
    }

    public Metric metric() { return metric; }

    /**
     * Fits abandoned at a time limit or a cancel that are still computing (Tribuo cannot interrupt a fit). They
     * occupy cores, so a scheduler should count them before starting more work.
     */
    public static int abandonedFitsRunning() { return Fits.abandonedRunning(); }

    /** The one-line reason a FAILED trial records for an error: kind, first message line, a hint for memory. */
    public static String failureReason(Throwable error) { return Fits.reason(error); }

    public FoldData folds() { return folds; }

    /** How many rungs a trial that is never pruned goes through (1 to 3); the last is rungs() - 1. */
    public int rungs() {
        return (folds.plan().hasSubsample() ? 1 : 0) + 1 + (folds.plan().folds().size() > 1 ? 1 : 0);
    }

    /**
     * Runs a trial with {@code algorithm.threadsPerFit(config, settings.threadsAvailable())} threads.
     *
     * @param deadlineNanos the run's deadline on the {@link System#nanoTime()} scale ({@code Long.MAX_VALUE}
     *                      is not safe: pass {@code System.nanoTime() + budget})
     * @return the result; never throws
     */
    public TrialResult run(TrialSpec spec, Algorithm algorithm, Pruner pruner, CancelToken cancel,
                           long deadlineNanos) {
        int threads = Math.max(1, algorithm.threadsPerFit(spec.config(), settings.threadsAvailable()));
        return run(spec, algorithm, pruner, cancel, deadlineNanos, threads);
    }

    /** Runs a trial with an explicit number of native threads for the trainer. */
    public TrialResult run(TrialSpec spec, Algorithm algorithm, Pruner pruner, CancelToken cancel,
                           long deadlineNanos, int threads) {
        long start = System.nanoTime();
        long cap = start + settings.perTrialCap().toNanos();
        boolean runDeadlineFirst = deadlineNanos - cap < 0;
        long limit = runDeadlineFirst ? deadlineNanos : cap;
        String why = runDeadlineFirst ? "the run's time budget"
                : "the per-trial cap of " + Fits.seconds(settings.perTrialCap().toNanos());
        Attempt attempt = new Attempt(spec, pruner, cancel, limit, why, start);
        try {
            return attempt.run(algorithm, threads);
        } catch (FitAbortedException e) {
            if (e.status() == TrialStatus.FAILED) logFailure(spec, e.getMessage(), e.getCause());
            String error = e.status() == TrialStatus.CANCELLED ? null : e.getMessage();
            return attempt.end(e.status(), error);
        } catch (Throwable t) { // a trainer that cannot even be built, a pruner that throws, out of memory
            String reason = Fits.reason(t);
            logFailure(spec, reason, t);
            return attempt.end(TrialStatus.FAILED, reason);
        }
    }

    private static void logFailure(TrialSpec spec, String reason, Throwable cause) {
        LOG.info("trial {} ({} {}) failed: {}", spec.trialId(), spec.algorithm(), spec.config(), reason);
        if (cause != null) LOG.debug("trial {} failure", spec.trialId(), cause);
    }

    /** The state of one running trial. */
    private final class Attempt {
        private final TrialSpec spec;
        private final Pruner pruner;
        private final CancelToken cancel;
        private final long limit;
        private final String why;
        private final long start;
        private int rung = -1;

        Attempt(TrialSpec spec, Pruner pruner, CancelToken cancel, long limit, String why, long start) {
            this.spec = spec;
            this.pruner = pruner;
            this.cancel = cancel;
            this.limit = limit;
            this.why = why;
            this.start = start;
        }

        TrialResult run(Algorithm algorithm, int threads) throws FitAbortedException {
            Fits.checkBefore(cancel, limit, why);
            TaskType task = folds.data().task();
            Learner learner = algorithm.learner(task, spec.config(), spec.seed(), threads);
            FeatureEncoding encoding = algorithm.encoding();
            ValidationPlan plan = folds.plan();
            int k = plan.folds().size();
            Targets targets = folds.data().targets();
            Targets fold0Truth = targets.select(plan.folds().get(0).validation());

            if (plan.hasSubsample()) {
                Predictions p = fit(learner, () -> folds.subsample(encoding), null, k + 1);
                rung++;
                if (!report(fold0Truth, p)) return end(TrialStatus.PRUNED, null);
            }
            Predictions[] perFold = new Predictions[k];
            List<Map<String, Object>> learned = new ArrayList<>(k);
            for (int f = 0; f < k; f++) {
                int fold = f;
                perFold[f] = fit(learner, () -> folds.fold(fold, encoding), learned, k - f);
                if (f == 0) {
                    rung++;
                    if (k > 1 && !report(fold0Truth, perFold[0])) return end(TrialStatus.PRUNED, null);
                }
            }
            if (k > 1) rung++;

            int[] scored = plan.scoredRows();
            Predictions oof = assemble(plan, perFold, scored);
            Targets truth = targets.select(scored);
            double score = metric.compute(truth, oof);
            if (Double.isNaN(score)) {
                return end(TrialStatus.FAILED, metric.key() + " is undefined on these out-of-fold predictions");
            }
            Map<String, Double> all = Metrics.all(task, truth, oof);
            pruner.report(spec.trialId(), rung, metric.toLoss(score)); // for the pruner's records only
            return new TrialResult(spec, TrialStatus.OK, score, all, seconds(), null, oof, rung,
                    Learned.average(learned));
        }

        /**
         * Trains on a prepared fold and predicts its validation rows, on a fit thread.
         *
         * @param learned where to add what the fit learnt, or null to drop it (a subsample rung)
         * @param fitsLeft this fit and the ones after it: a learner that can end early is told its time is up when
         *                 its share of the time left is 90% used, so that a slow trial still gives a model
         */
        private Predictions fit(Learner learner, Supplier<PreparedFold> fold, List<Map<String, Object>> learned,
                                int fitsLeft) throws FitAbortedException {
            long now = System.nanoTime();
            long softDeadline = now + (long) ((limit - now) * 0.9 / Math.max(1, fitsLeft));
            return Fits.await(stop -> {
                PreparedFold prepared = fold.get();
                Targets trainTargets = prepared.train().targets();
                int only = onlyClass(trainTargets);
                if (only >= 0) {
                    // A class rarer than the folds can leave a fold with one class to learn: predict it.
                    return constant(only, trainTargets.classNames().size(), prepared.validation().rows());
                }
                TrainedModel model = learner.fit(prepared.train(), prepared.validation(),
                        FitControl.until(stop, softDeadline));
                Predictions p = model.predict(prepared.validation().x());
                if (p.size() != prepared.validation().rows()) {
                    throw new IllegalStateException("the model returned " + p.size()
                            + " predictions for " + prepared.validation().rows() + " rows");
                }
                if (learned != null) {
                    synchronized (learned) {
                        learned.add(model.learned());
                    }
                }
                return p;
            }, cancel, limit, why);
        }

        /** Reports the rung's score on fold 0; true to go on. An undefined score (NaN) never stops a trial. */
        private boolean report(Targets fold0Truth, Predictions p) {
            double s = metric.compute(fold0Truth, p);
            if (Double.isNaN(s)) return true;
            boolean go = pruner.report(spec.trialId(), rung, metric.toLoss(s));
            if (!go) LOG.debug("trial {} pruned at rung {} ({} {})", spec.trialId(), rung, metric.key(), s);
            return go;
        }

        TrialResult end(TrialStatus status, String error) {
            return TrialResult.unscored(spec, status, seconds(), error, Math.max(rung, 0));
        }

        private double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** The class index when a classification training set holds a single class, else -1. */
    private static int onlyClass(Targets t) {
        if (!t.isClassification() || t.size() == 0) return -1;
        int first = t.classIndex()[0];
        for (int c : t.classIndex()) if (c != first) return -1;
        return first;
    }

    private static Predictions constant(int classIndex, int k, int rows) {
        double[][] out = new double[rows][k];
        for (double[] row : out) row[classIndex] = 1;
        return Predictions.ofProbabilities(out);
    }

    /** Fold predictions laid out in the order of the scored rows. */
    private static Predictions assemble(ValidationPlan plan, Predictions[] perFold, int[] scored) {
        int[] position = new int[plan.rows()];
        for (int i = 0; i < scored.length; i++) position[scored[i]] = i;
        boolean classification = perFold[0].isClassification();
        double[][] probabilities = classification ? new double[scored.length][] : null;
        double[] values = classification ? null : new double[scored.length];
        for (int f = 0; f < perFold.length; f++) {
            int[] rows = plan.folds().get(f).validation();
            for (int i = 0; i < rows.length; i++) {
                int at = position[rows[i]];
                if (classification) {
                    probabilities[at] = perFold[f].probabilities()[i];
                } else {
                    values[at] = perFold[f].values()[i];
                }
            }
        }
        return classification ? Predictions.ofProbabilities(probabilities) : Predictions.ofValues(values);
    }
}
