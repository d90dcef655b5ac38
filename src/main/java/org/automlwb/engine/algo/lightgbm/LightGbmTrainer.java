package org.automlwb.engine.algo.lightgbm;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Trains LightGBM on dense rows, round by round, with early stopping done here (lightgbm4j has no training loop,
 * and LightGBM's {@code early_stopping_round} only works inside the Python/R/CLI loops).
 *
 * <p><b>With validation rows</b> ({@link #fit(DenseRows, double[], DenseRows, double[])}) each round is followed by
 * the validation loss (mean squared error for regression, log loss for classification, computed here from
 * LightGBM's own running validation scores), training stops after {@link #patience()} rounds without a strict
 * improvement, and the model text holds the best round only. <b>Without</b> ({@link #fit(DenseRows, double[])})
 * it trains exactly {@link LightGbmParams#rounds()} rounds: how a final refit uses the rounds cross-validation
 * found. Either way training also stops early when no tree can split any more.
 *
 * <p>Between rounds the stop check runs ({@link #withStopCheck}); when it says stop, or the thread is
 * interrupted, the fit frees its native memory and throws {@link LightGbmStoppedException}.
 *
 * <p>Parameters always passed (see {@link #lightGbmParameters}): {@code deterministic=true},
 * {@code force_col_wise=true} (histograms built feature by feature, each by one thread, so the sums, and so the
 * trees, do not depend on the number of threads; row-wise building splits rows into one block per thread and
 * merges them in thread order), {@code seed}, {@code num_threads}, {@code verbosity=-1}, {@code metric=none} (the
 * loss is computed here), and for categorical features {@code categorical_feature}, {@code max_cat_to_onehot=4},
 * and a {@code min_data_per_group} that shrinks with small data (LightGBM's 100 would forbid most categorical splits
 * on a few hundred rows).
 *
 * <p>Immutable and thread-safe; every fit is independent. Fits on several threads at once are fine (each its own
 * booster) and wait for each other only when they ask for different thread counts ({@link NativeThreads}).
 */
public final class LightGbmTrainer {
    /** Categorical features with at most this many levels are split one level against the rest. */
    public static final int MAX_CAT_TO_ONEHOT = 4;
    /**
     * Largest category code accepted. LightGBM stores the categories of a split as a bitset as long as the largest
     * code, so a code of a billion would cost 125 MB per split; codes are meant to be 0..n-1.
     */
    public static final int MAX_CATEGORY_CODE = (1 << 20) - 1;
    private static final double EPS = 1e-15;

    private final LightGbmObjective objective;
    private final int classes;
    private final List<String> featureNames;
    private final String[] lightGbmNames;
    private final int[] categorical;
    private final LightGbmParams params;
    private final int threads;
    private final long seed;
    private final int patience;
    private final BooleanSupplier stopCheck;
    private final BooleanSupplier timeUp;

    /**
     * @param objective           what to train
     * @param classes             1 for regression, 2 for binary, k &gt;= 3 for multiclass; labels are 0..k-1
     * @param featureNames        one name per column of the rows
     * @param categoricalFeatures column indices holding integer category codes 0..n-1 (negative or NaN = missing)
     * @param params              the hyperparameters
     * @param threads             LightGBM threads for this fit (1 is what the catalogue uses)
     * @param seed                every random choice (bagging, feature sampling, extra trees) follows from it
     */
    public LightGbmTrainer(LightGbmObjective objective, int classes, List<String> featureNames,
                           int[] categoricalFeatures, LightGbmParams params, int threads, long seed) {
        this(objective, objective.checkClasses(classes), List.copyOf(featureNames),
                checkCategorical(categoricalFeatures, featureNames.size()), params, threads, seed, 0, () -> false,
                () -> false);
    }

    private LightGbmTrainer(LightGbmObjective objective, int classes, List<String> featureNames, int[] categorical,
                            LightGbmParams params, int threads, long seed, int patience, BooleanSupplier stopCheck,
                            BooleanSupplier timeUp) {
        if (featureNames.isEmpty()) throw new IllegalArgumentException("no features");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        this.objective = objective;
        this.classes = classes;
        this.featureNames = featureNames;
        this.lightGbmNames = lightGbmNames(featureNames);
        this.categorical = categorical;
        this.params = params;
        this.threads = threads;
        this.seed = seed;
        this.patience = patience;
        this.stopCheck = stopCheck;
        this.timeUp = timeUp;
    }

    /** Rounds without improvement before early stopping; 0 means the default {@code max(10, rounds / 10)}. */
    public LightGbmTrainer withPatience(int rounds) {
        if (rounds < 0) throw new IllegalArgumentException("patience must be >= 0: " + rounds);
        return new LightGbmTrainer(objective, classes, featureNames, categorical, params, threads, seed, rounds,
                stopCheck, timeUp);
    }

    /** Asked before every round; true stops the fit with {@link LightGbmStoppedException}. */
    public LightGbmTrainer withStopCheck(BooleanSupplier shouldStop) {
        return new LightGbmTrainer(objective, classes, featureNames, categorical, params, threads, seed, patience,
                shouldStop, timeUp);
    }

    /**
     * Asked before every round after the first; true ends the fit early but keeps it: the model is the best round
     * so far ({@link LightGbmFit.StopReason#TIME_UP}). Unlike the stop check, which discards the fit, this is for
     * a fit whose time is nearly over and whose result is still wanted.
     */
    public LightGbmTrainer withTimeUp(BooleanSupplier check) {
        return new LightGbmTrainer(objective, classes, featureNames, categorical, params, threads, seed, patience,
                stopCheck, check);
    }

    public LightGbmTrainer withParams(LightGbmParams newParams) {
        return new LightGbmTrainer(objective, classes, featureNames, categorical, newParams, threads, seed, patience,
                stopCheck, timeUp);
    }

    public int patience() {
        return patience > 0 ? patience : Math.max(10, params.rounds() / 10);
    }

    public LightGbmParams params() { return params; }

    /** Trains exactly {@code params.rounds()} rounds (fewer only if no tree can split any more). */
    public LightGbmFit fit(DenseRows x, double[] y) {
        return run(x, y, null, null);
    }

    /** Trains with early stopping on the validation rows; the stored model is the best round. */
    public LightGbmFit fit(DenseRows x, double[] y, DenseRows validX, double[] validY) {
        if (validX == null || validY == null) throw new IllegalArgumentException("validation rows and labels needed");
        return run(x, y, validX, validY);
    }

    private LightGbmFit run(DenseRows x, double[] y, DenseRows vx, double[] vy) {
        checkData(x, y, "training");
        if (vx != null) checkData(vx, vy, "validation");
        LightGbmNative.requireAvailable();
        String p = lightGbmParameters(x.rows());
        NativeDataset train = null;
        NativeDataset valid = null;
        NativeBooster booster = null;
        try (NativeThreads.Permit ignored = NativeThreads.enter(threads)) {
            stopIfAsked(0);
            train = NativeDataset.create(x, p, null);
            train.setLabels(y);
            train.setFeatureNames(lightGbmNames);
            if (vx != null) {
                valid = NativeDataset.create(vx, p, train);
                valid.setLabels(vy);
            }
            booster = NativeBooster.create(train, p);
            if (valid != null) booster.addValidData(valid);

            int requested = params.rounds();
            int wait = patience();
            double[] losses = new double[vx == null ? 0 : requested];
            double best = Double.POSITIVE_INFINITY;
            int bestIteration = 0;
            int done = 0;
            LightGbmFit.StopReason reason = LightGbmFit.StopReason.ROUNDS;
            for (int round = 1; round <= requested; round++) {
                if (round > 1) {
                    stopIfAsked(done);
                    if (timeUp.getAsBoolean()) {
                        reason = LightGbmFit.StopReason.TIME_UP;
                        break;
                    }
                }
                boolean finished = booster.updateOneIter();
                done = booster.currentIteration();
                if (finished) {
                    reason = LightGbmFit.StopReason.NO_MORE_SPLITS;
                    if (done < round) break; // this round's trees were dropped: rounds 1..done are all evaluated
                }
                if (vx != null) {
                    double loss = loss(booster.currentPredictions(1), vy);
                    losses[done - 1] = loss;
                    if (loss < best) {
                        best = loss;
                        bestIteration = done;
                    } else if (done - bestIteration >= wait) {
                        reason = LightGbmFit.StopReason.EARLY_STOPPED;
                        break;
                    }
                }
                if (finished) break;
            }
            if (done < 1) throw new LightGbmException("LightGBM trained no round");
            if (vx == null) bestIteration = done;

            String text = booster.modelText(bestIteration);
            double[][] probabilities = null;
            double[] values = null;
            if (vx != null) {
                double[] raw = booster.predictAll(vx, bestIteration, LightGbmModel.outputsPerRow(objective, classes),
                        NativeBooster.predictParameters(threads));
                if (objective.isClassification()) {
                    probabilities = LightGbmModel.probabilities(objective, classes, raw, vx.rows());
                } else {
                    values = raw;
                }
            }
            return new LightGbmFit(text, objective, classes, featureNames, bestIteration, done, reason,
                    vx == null ? losses : Arrays.copyOf(losses, done), probabilities, values);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LightGbmStoppedException("interrupted while waiting for LightGBM threads", 0);
        } finally {
            if (booster != null) booster.closeQuietly();
            NativeBooster.closeQuietly(valid);
            NativeBooster.closeQuietly(train);
        }
    }

    private void stopIfAsked(int roundsDone) {
        if (Thread.currentThread().isInterrupted()) {
            throw new LightGbmStoppedException("LightGBM fit interrupted after " + roundsDone + " rounds", roundsDone);
        }
        if (stopCheck.getAsBoolean()) {
            throw new LightGbmStoppedException("LightGBM fit stopped after " + roundsDone + " rounds", roundsDone);
        }
    }

    /**
     * The validation loss from LightGBM's running validation predictions (probabilities after its link function,
     * class-major: class j of row i at {@code j * n + i}).
     */
    double loss(double[] classMajor, double[] y) {
        int n = y.length;
        double sum = 0;
        switch (objective) {
            case REGRESSION:
                for (int i = 0; i < n; i++) {
                    double d = classMajor[i] - y[i];
                    sum += d * d;
                }
                break;
            case BINARY:
                for (int i = 0; i < n; i++) {
                    double p = Math.min(1 - EPS, Math.max(EPS, classMajor[i]));
                    sum -= y[i] == 1.0 ? Math.log(p) : Math.log(1 - p);
                }
                break;
            default:
                for (int i = 0; i < n; i++) {
                    sum -= Math.log(Math.max(EPS, classMajor[(int) y[i] * n + i]));
                }
                break;
        }
        return sum / n;
    }

    /** The parameter string for dataset and booster; public in spirit for the report and tests. */
    String lightGbmParameters(int trainingRows) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("objective", objective.lightGbmName());
        if (objective == LightGbmObjective.MULTICLASS) m.put("num_class", Integer.toString(classes));
        m.put("metric", "none");
        m.put("boosting", "gbdt");
        m.put("num_iterations", Integer.toString(params.rounds()));
        m.put("learning_rate", num(params.learningRate()));
        m.put("num_leaves", Integer.toString(params.numLeaves()));
        m.put("max_depth", Integer.toString(params.maxDepth()));
        m.put("min_data_in_leaf", Integer.toString(params.minDataInLeaf()));
        m.put("min_sum_hessian_in_leaf", num(params.minSumHessianInLeaf()));
        m.put("feature_fraction", num(params.featureFraction()));
        m.put("bagging_fraction", num(params.baggingFraction()));
        m.put("bagging_freq", Integer.toString(params.baggingFreq()));
        m.put("lambda_l1", num(params.lambdaL1()));
        m.put("lambda_l2", num(params.lambdaL2()));
        m.put("min_gain_to_split", num(params.minGainToSplit()));
        m.put("max_bin", Integer.toString(params.maxBin()));
        m.put("extra_trees", Boolean.toString(params.extraTrees()));
        if (categorical.length > 0) {
            StringBuilder sb = new StringBuilder();
            for (int c : categorical) sb.append(sb.length() == 0 ? "" : ",").append(c);
            m.put("categorical_feature", sb.toString());
            m.put("max_cat_to_onehot", Integer.toString(MAX_CAT_TO_ONEHOT));
            m.put("max_cat_threshold", Integer.toString(params.maxCatThreshold()));
            m.put("cat_smooth", num(params.catSmooth()));
            m.put("cat_l2", num(params.catL2()));
            m.put("min_data_per_group", Integer.toString(minDataPerGroup(trainingRows)));
        }
        m.put("seed", Integer.toString(lightGbmSeed(seed)));
        m.put("deterministic", "true");
        m.put("force_col_wise", "true");
        m.put("num_threads", Integer.toString(threads));
        m.put("verbosity", "-1");
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    /**
     * Rows a group of categories must hold on each side of a many-vs-many categorical split: LightGBM's 100 on
     * large data, 1/50 of the rows on small data, never below {@code min_data_in_leaf}.
     */
    int minDataPerGroup(int trainingRows) {
        return Math.max(1, Math.min(100, Math.max(params.minDataInLeaf(), trainingRows / 50)));
    }

    /** LightGBM's seed is a 32-bit int; both halves of the long count. */
    static int lightGbmSeed(long seed) {
        return (int) Math.floorMod(seed ^ (seed >>> 32), (long) Integer.MAX_VALUE);
    }

    private static String num(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }

    /**
     * Names LightGBM accepts: it refuses {@code " , : [ ] { }} in a feature name and duplicates, and turns spaces
     * into underscores. Every character outside {@code [A-Za-z0-9_.-]} becomes '_', an empty name becomes
     * {@code f<i>}, and a duplicate gets {@code _<i>} appended. The caller's own names stay in {@link LightGbmFit}.
     */
    public static String[] lightGbmNames(List<String> names) {
        String[] out = new String[names.size()];
        Set<String> used = new HashSet<>();
        for (int i = 0; i < out.length; i++) {
            String n = names.get(i) == null ? "" : names.get(i).replaceAll("[^A-Za-z0-9_.\\-]", "_");
            if (n.isEmpty()) n = "f" + i;
            String candidate = n;
            while (!used.add(candidate)) candidate = candidate + "_" + i;
            out[i] = candidate;
        }
        return out;
    }

    private static int[] checkCategorical(int[] indices, int features) {
        if (indices == null) return new int[0];
        int[] sorted = indices.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 0 || sorted[i] >= features) {
                throw new IllegalArgumentException("categorical feature " + sorted[i] + " is not one of " + features);
            }
            if (i > 0 && sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("categorical feature " + sorted[i] + " given twice");
            }
        }
        return sorted;
    }

    private void checkData(DenseRows x, double[] y, String what) {
        if (x.cols() != featureNames.size()) {
            throw new IllegalArgumentException(what + " rows have " + x.cols() + " columns for "
                    + featureNames.size() + " feature names");
        }
        if (y.length != x.rows()) {
            throw new IllegalArgumentException(what + ": " + y.length + " labels for " + x.rows() + " rows");
        }
        for (int i = 0; i < y.length; i++) {
            double v = y[i];
            if (!Double.isFinite(v)) throw new IllegalArgumentException(what + " label " + i + " is " + v);
            if (objective.isClassification() && (v != Math.rint(v) || v < 0 || v >= classes)) {
                throw new IllegalArgumentException(what + " label " + i + " is " + v + ", not a class 0.." + (classes - 1));
            }
        }
        for (int c : categorical) {
            for (int r = 0; r < x.rows(); r++) {
                double v = x.get(r, c);
                if (v >= 0 && (v != Math.rint(v) || v > MAX_CATEGORY_CODE)) {
                    throw new IllegalArgumentException(what + " row " + r + ": categorical feature '"
                            + featureNames.get(c) + "' holds " + v + ", not an integer code 0.." + MAX_CATEGORY_CODE);
                }
            }
        }
    }
}
