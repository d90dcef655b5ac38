package org.automlwb.engine.algo.lightgbm;

import static com.microsoft.ml.lightgbm.lightgbmlib.C_API_FEATURE_IMPORTANCE_SPLIT;
import static com.microsoft.ml.lightgbm.lightgbmlib.C_API_PREDICT_NORMAL;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterAddValidData;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterCalcNumPredict;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterCreate;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterFree;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterGetCurrentIteration;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterGetNumClasses;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterGetNumFeature;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterGetNumPredict;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterGetPredict;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterLoadModelFromString;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterPredictForMat;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterSaveModel;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterSaveModelToStringSWIG;
import static com.microsoft.ml.lightgbm.lightgbmlib.LGBM_BoosterUpdateOneIter;
import static com.microsoft.ml.lightgbm.lightgbmlib.C_API_DTYPE_FLOAT64;
import static com.microsoft.ml.lightgbm.lightgbmlib.delete_int64_tp;
import static com.microsoft.ml.lightgbm.lightgbmlib.delete_intp;
import static com.microsoft.ml.lightgbm.lightgbmlib.delete_voidpp;
import static com.microsoft.ml.lightgbm.lightgbmlib.int64_tp_value;
import static com.microsoft.ml.lightgbm.lightgbmlib.intp_value;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_doubleArray;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_int64_tp;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_intp;
import static com.microsoft.ml.lightgbm.lightgbmlib.new_voidpp;
import static com.microsoft.ml.lightgbm.lightgbmlib.voidpp_value;

import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_void;
import java.io.IOException;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LightGBM booster handle, driven through lightgbm4j's SWIG layer rather than its {@code LGBMBooster}, whose
 * {@code predictForMat} sizes its output for 2 values a row (a multiclass prediction with 3+ classes writes past
 * the buffer and crashes the JVM) and whose {@code saveModelToString} never frees the native copy of the text
 * (10 MB of address space and the model's size in memory per call).
 *
 * <p>The handle is freed by {@link #close()}, or by a {@link Cleaner} if a booster becomes unreachable unclosed.
 * Prediction may run on several threads at once (LightGBM takes a shared lock around batch prediction);
 * training calls must come from one thread. Callers hold a {@link NativeThreads} permit around every call.
 */
final class NativeBooster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NativeBooster.class);
    private static final Cleaner CLEANER = Cleaner.create();
    private static final AtomicBoolean WARNED_SAVE_FALLBACK = new AtomicBoolean();

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;

    /** The native pointer and its one free; reachable from the cleaner, never from the booster's users. */
    private static final class Handle implements Runnable {
        private volatile SWIGTYPE_p_void pointer;

        Handle(SWIGTYPE_p_void pointer) { this.pointer = pointer; }

        @Override
        public synchronized void run() {
            SWIGTYPE_p_void p = pointer;
            pointer = null;
            if (p != null) NativeCalls.check(LGBM_BoosterFree(p), "freeing a booster");
        }
    }

    private NativeBooster(SWIGTYPE_p_void pointer) {
        this.handle = new Handle(pointer);
        this.cleanable = CLEANER.register(this, handle);
    }

    static NativeBooster create(NativeDataset train, String params) {
        SWIGTYPE_p_p_void out = new_voidpp();
        try {
            NativeCalls.check(LGBM_BoosterCreate(train.handle(), params, out), "creating the LightGBM booster");
            return new NativeBooster(voidpp_value(out));
        } finally {
            delete_voidpp(out);
        }
    }

    /** Parses a model text; the caller validates it first ({@link ModelText}): LightGBM's parser trusts its input. */
    static NativeBooster load(String modelText) {
        SWIGTYPE_p_p_void out = new_voidpp();
        SWIGTYPE_p_int iterations = new_intp();
        try {
            NativeCalls.check(LGBM_BoosterLoadModelFromString(modelText, iterations, out), "loading the LightGBM model");
            return new NativeBooster(voidpp_value(out));
        } finally {
            delete_intp(iterations);
            delete_voidpp(out);
        }
    }

    private SWIGTYPE_p_void pointer() {
        SWIGTYPE_p_void p = handle.pointer;
        if (p == null) throw new IllegalStateException("LightGBM booster already closed");
        return p;
    }

    void addValidData(NativeDataset validation) {
        try {
            NativeCalls.check(LGBM_BoosterAddValidData(pointer(), validation.handle()), "adding the validation rows");
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** One boosting round; true when no tree could split any more (LightGBM then drops that round's trees). */
    boolean updateOneIter() {
        SWIGTYPE_p_int finished = new_intp();
        try {
            NativeCalls.check(LGBM_BoosterUpdateOneIter(pointer(), finished), "a boosting round");
            return intp_value(finished) == 1;
        } finally {
            delete_intp(finished);
            Reference.reachabilityFence(this);
        }
    }

    int currentIteration() {
        SWIGTYPE_p_int out = new_intp();
        try {
            NativeCalls.check(LGBM_BoosterGetCurrentIteration(pointer(), out), "reading the iteration");
            return intp_value(out);
        } finally {
            delete_intp(out);
            Reference.reachabilityFence(this);
        }
    }

    int numClasses() {
        SWIGTYPE_p_int out = new_intp();
        try {
            NativeCalls.check(LGBM_BoosterGetNumClasses(pointer(), out), "reading the number of classes");
            return intp_value(out);
        } finally {
            delete_intp(out);
            Reference.reachabilityFence(this);
        }
    }

    int numFeatures() {
        SWIGTYPE_p_int out = new_intp();
        try {
            NativeCalls.check(LGBM_BoosterGetNumFeature(pointer(), out), "reading the number of features");
            return intp_value(out);
        } finally {
            delete_intp(out);
            Reference.reachabilityFence(this);
        }
    }

    /**
     * The current predictions (probabilities for classification) for training data (0) or validation set
     * {@code dataIndex}, class-major: value (row i, class j) is at {@code j * rows + i}.
     */
    double[] currentPredictions(int dataIndex) {
        SWIGTYPE_p_long_long length = new_int64_tp();
        SWIGTYPE_p_double buffer = null;
        try {
            NativeCalls.check(LGBM_BoosterGetNumPredict(pointer(), dataIndex, length), "sizing the predictions");
            int n = Math.toIntExact(int64_tp_value(length));
            buffer = new_doubleArray(n);
            NativeCalls.check(LGBM_BoosterGetPredict(pointer(), dataIndex, length, buffer), "reading the predictions");
            return NativeCalls.copyOut(buffer, Math.min(n, Math.toIntExact(int64_tp_value(length))));
        } finally {
            NativeCalls.free(buffer);
            delete_int64_tp(length);
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Predictions for rows {@code from .. from+count-1} of {@code x} with the first {@code iterations} rounds
     * (0 or less: all), row-major: {@code outputsPerRow} values a row (probabilities for classification).
     */
    double[] predict(DenseRows x, int from, int count, int iterations, String params) {
        SWIGTYPE_p_long_long length = new_int64_tp();
        SWIGTYPE_p_double data = null;
        SWIGTYPE_p_double out = null;
        try {
            NativeCalls.check(LGBM_BoosterCalcNumPredict(pointer(), count, C_API_PREDICT_NORMAL, 0, iterations, length),
                    "sizing the predictions");
            int n = Math.toIntExact(int64_tp_value(length));
            data = NativeCalls.copyIn(x, from, count);
            out = new_doubleArray(n);
            NativeCalls.check(LGBM_BoosterPredictForMat(pointer(), NativeCalls.voidp(data), C_API_DTYPE_FLOAT64, count,
                    x.cols(), 1, C_API_PREDICT_NORMAL, 0, iterations, params, length, out), "predicting");
            long written = int64_tp_value(length);
            if (written != n) throw new LightGbmException("LightGBM wrote " + written + " predictions, expected " + n);
            return NativeCalls.copyOut(out, n);
        } finally {
            NativeCalls.free(data);
            NativeCalls.free(out);
            delete_int64_tp(length);
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Prediction parameters: always the thread count (an absent {@code num_threads} resets LightGBM's process-wide
     * count to all cores, under every fit running at that moment) and quiet (LightGBM's log level is per thread,
     * so a thread that never trained logs at INFO to stdout).
     */
    static String predictParameters(int threads) {
        return "num_threads=" + threads + " verbosity=-1";
    }

    /** Rows per native prediction call: about 8 MB of native input at a time. */
    private static final int CELLS_PER_CALL = 1 << 20;

    /** {@link #predict} over all rows of {@code x}, a chunk of rows at a time; {@code perRow} values a row. */
    double[] predictAll(DenseRows x, int iterations, int perRow, String params) {
        int n = x.rows();
        double[] out = new double[Math.multiplyExact(n, perRow)];
        int chunk = Math.max(1, CELLS_PER_CALL / x.cols());
        for (int from = 0; from < n; from += chunk) {
            int count = Math.min(chunk, n - from);
            double[] part = predict(x, from, count, iterations, params);
            if (part.length != count * perRow) {
                throw new LightGbmException("LightGBM gave " + part.length + " predictions for " + count + " rows");
            }
            System.arraycopy(part, 0, out, from * perRow, part.length);
        }
        return out;
    }

    /**
     * The model text of the first {@code iterations} rounds. Written through a temporary file, because the
     * string-returning call of the binding leaks the native text; if LightGBM cannot write there (on Windows its
     * {@code fopen} does not take non-ASCII paths), falls back to that call and leaks the model's size once.
     */
    String modelText(int iterations) {
        Path file = null;
        try {
            file = Files.createTempFile("automlwb-lightgbm-", ".txt");
            int rc = LGBM_BoosterSaveModel(pointer(), 0, iterations, C_API_FEATURE_IMPORTANCE_SPLIT, file.toString());
            if (rc == 0) return Files.readString(file, StandardCharsets.ISO_8859_1);
            if (WARNED_SAVE_FALLBACK.compareAndSet(false, true)) {
                LOG.warn("LightGBM could not write its model to {} ({}); saving through memory, which leaks the "
                        + "model's size each time", file, NativeCalls.lastError());
            }
        } catch (IOException e) {
            if (WARNED_SAVE_FALLBACK.compareAndSet(false, true)) {
                LOG.warn("No temporary file for a LightGBM model ({}); saving through memory, which leaks the "
                        + "model's size each time", e.toString());
            }
        } finally {
            Reference.reachabilityFence(this);
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.debug("could not delete {}", file, e);
                }
            }
        }
        SWIGTYPE_p_long_long length = new_int64_tp();
        try {
            // A 1-byte first buffer: the binding then allocates exactly the text's size, the least it can leak.
            String text = LGBM_BoosterSaveModelToStringSWIG(pointer(), 0, iterations, C_API_FEATURE_IMPORTANCE_SPLIT,
                    1, length);
            if (text == null) throw new LightGbmException("saving the model failed: " + NativeCalls.lastError());
            return text;
        } finally {
            delete_int64_tp(length);
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public void close() {
        cleanable.clean();
    }

    /** For callers that must not throw while closing (after another error). */
    void closeQuietly() {
        try {
            close();
        } catch (RuntimeException e) {
            LOG.debug("closing a LightGBM booster", e);
        }
    }

    static void closeQuietly(NativeDataset dataset) {
        if (dataset == null) return;
        try {
            dataset.close();
        } catch (RuntimeException e) {
            LOG.debug("closing a LightGBM dataset", e);
        }
    }
}
