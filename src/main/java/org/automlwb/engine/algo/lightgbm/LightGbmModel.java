package org.automlwb.engine.algo.lightgbm;

import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A trained LightGBM model that predicts: probabilities for classification, values for regression. Built from
 * the model text alone ({@link #fromModelString}), so saving a model is saving {@link #modelString()}.
 *
 * <p>Thread-safe: any number of threads may predict at once (LightGBM's batch prediction takes a shared lock on
 * the booster, and {@link NativeThreads} keeps every concurrent native call on one thread count). Holds one
 * native booster (about the size of the model text); {@link #close()} frees it and waits for predictions in
 * flight. An unclosed model that becomes unreachable is freed by a cleaner, so a forgotten close is not a leak.
 */
public final class LightGbmModel implements AutoCloseable {
    private final String text;
    private final ModelText meta;
    private final NativeBooster booster;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean closed;

    private LightGbmModel(String text, ModelText meta, NativeBooster booster) {
        this.text = text;
        this.meta = meta;
        this.booster = booster;
    }

    /**
     * Checks the text (a damaged or foreign text fails here with a one-line {@link LightGbmException} before
     * LightGBM's trusting C++ parser sees it) and loads it.
     *
     * @throws LightGbmException if the text is not a model this package can predict with, or the native library
     *                           is not available
     */
    public static LightGbmModel fromModelString(String modelText) {
        ModelText meta = ModelText.parse(modelText);
        LightGbmNative.requireAvailable();
        NativeBooster booster;
        try (NativeThreads.Permit ignored = NativeThreads.enterAny(1)) {
            booster = NativeBooster.load(modelText);
            try {
                int classes = booster.numClasses();
                int features = booster.numFeatures();
                boolean ok = meta.objective == LightGbmObjective.MULTICLASS ? classes == meta.classes : classes == 1;
                if (!ok || features != meta.featureCount) {
                    throw new LightGbmException("LightGBM read " + classes + " classes and " + features
                            + " features from a text that declares " + meta.classes + " and " + meta.featureCount);
                }
            } catch (RuntimeException e) {
                booster.closeQuietly();
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LightGbmStoppedException("interrupted while loading a LightGBM model", 0);
        }
        return new LightGbmModel(modelText, meta, booster);
    }

    /** The LightGBM model text, as LightGBM writes it (Python's {@code lightgbm.Booster(model_str=...)} reads it). */
    public String modelString() { return text; }

    public LightGbmObjective objective() { return meta.objective; }

    /** 1 for regression, 2 for binary, k for multiclass. */
    public int classes() { return meta.classes; }

    /** Boosting rounds in the model. */
    public int iterations() { return meta.iterations(); }

    public int featureCount() { return meta.featureCount; }

    /** The feature names as LightGBM stores them (see {@link LightGbmTrainer} for how names are made safe). */
    public List<String> featureNames() { return meta.featureNames; }

    /** Class probabilities, one row of {@link #classes()} values per input row (binary: [1-p, p]). One thread. */
    public double[][] predictProbabilities(DenseRows x) {
        return predictProbabilities(x, 1);
    }

    /**
     * Class probabilities with up to {@code threads} LightGBM threads (fewer if other LightGBM work runs now with
     * another count: the result does not depend on it).
     */
    public double[][] predictProbabilities(DenseRows x, int threads) {
        if (!meta.objective.isClassification()) throw new IllegalStateException("a regression model has no probabilities");
        return probabilities(meta.objective, meta.classes, predictRaw(x, threads), x.rows());
    }

    /** LightGBM's row-major output as rows of class probabilities; binary output p becomes [1-p, p]. */
    static double[][] probabilities(LightGbmObjective objective, int classes, double[] raw, int n) {
        double[][] out = new double[n][];
        if (objective == LightGbmObjective.BINARY) {
            for (int i = 0; i < n; i++) out[i] = new double[] {1.0 - raw[i], raw[i]};
        } else {
            for (int i = 0; i < n; i++) {
                double[] row = new double[classes];
                System.arraycopy(raw, i * classes, row, 0, classes);
                out[i] = row;
            }
        }
        return out;
    }

    /** Values LightGBM writes a row: k for multiclass, 1 otherwise. */
    static int outputsPerRow(LightGbmObjective objective, int classes) {
        return objective == LightGbmObjective.MULTICLASS ? classes : 1;
    }

    /** Predicted values of a regression model, one per row. One thread. */
    public double[] predictValues(DenseRows x) {
        return predictValues(x, 1);
    }

    public double[] predictValues(DenseRows x, int threads) {
        if (meta.objective != LightGbmObjective.REGRESSION) throw new IllegalStateException("not a regression model");
        return predictRaw(x, threads);
    }

    private double[] predictRaw(DenseRows x, int threads) {
        if (x.cols() != meta.featureCount) {
            throw new IllegalArgumentException("rows have " + x.cols() + " features, the model " + meta.featureCount);
        }
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
        int perRow = outputsPerRow(meta.objective, meta.classes);
        lock.readLock().lock();
        try {
            if (closed) throw new IllegalStateException("LightGBM model already closed");
            try (NativeThreads.Permit permit = NativeThreads.enterAny(threads)) {
                return booster.predictAll(x, -1, perRow, NativeBooster.predictParameters(permit.threads()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LightGbmStoppedException("interrupted while waiting to predict", 0);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Frees the native booster; waits for predictions running on other threads. Idempotent. */
    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) return;
            closed = true;
            booster.close();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
