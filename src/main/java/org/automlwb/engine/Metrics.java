package org.automlwb.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The metric formulas, the same as the peer harness ({@code shared/peers/h2o/.../Metrics.java}, itself matching
 * scikit-learn) so that our numbers and the peers' numbers compare directly.
 *
 * <p>Classification metrics read class probabilities; accuracy, balanced accuracy and macro F1 use the most
 * probable class (first one on ties). A truth index of -1 stands for a label never seen in training: it counts
 * as wrong everywhere, log loss gives it probability {@link #EPS}, and AUC treats it as a negative.
 */
public final class Metrics {
    /** Probabilities are clipped to [EPS, 1-EPS] before the log, as scikit-learn does. */
    public static final double EPS = 1e-15;

    private Metrics() { }

    /**
     * Computes one metric.
     *
     * @throws IllegalArgumentException when the metric does not fit the kind of predictions (a regression
     *                                  metric on probabilities, or the reverse) or the sizes differ
     */
    public static double compute(Metric metric, Targets truth, Predictions predictions) {
        if (truth.size() != predictions.size()) {
            throw new IllegalArgumentException("truth has " + truth.size() + " rows, predictions "
                    + predictions.size());
        }
        boolean classification = metric.appliesTo(TaskType.BINARY);
        if (classification != truth.isClassification() || classification != predictions.isClassification()) {
            throw new IllegalArgumentException(metric.key() + " does not apply to these predictions");
        }
        if (truth.size() == 0) return Double.NaN;
        return switch (metric) {
            case AUC -> auc(truth.classIndex(), predictions.probabilities());
            case ACCURACY -> accuracy(truth.classIndex(), predictions.argmax());
            case BALANCED_ACCURACY -> balancedAccuracy(truth.classIndex(), predictions.argmax(),
                    predictions.probabilities()[0].length);
            case LOGLOSS -> logLoss(truth.classIndex(), predictions.probabilities());
            case MACRO_F1 -> macroF1(truth.classIndex(), predictions.argmax(), predictions.probabilities()[0].length);
            case RMSE -> Math.sqrt(sumSquaredError(truth.values(), predictions.values()) / truth.size());
            case MAE -> mae(truth.values(), predictions.values());
            case R2 -> r2(truth.values(), predictions.values());
        };
    }

    /** Every metric that applies to the task, by key, in {@link Metric} order. */
    public static Map<String, Double> all(TaskType task, Targets truth, Predictions predictions) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Metric m : Metric.forTask(task)) out.put(m.key(), compute(m, truth, predictions));
        return out;
    }

    static double clip(double p) {
        return Math.min(1 - EPS, Math.max(EPS, p));
    }

    /**
     * Binary (k = 2): Mann–Whitney AUC of class 1's probability. Multiclass: the unweighted mean of the
     * one-vs-rest AUCs of the classes that have both positives and negatives among the rows.
     */
    static double auc(int[] truth, double[][] prob) {
        int k = prob[0].length;
        if (k == 2) return binaryAuc(column(prob, 1), positives(truth, 1));
        double sum = 0;
        int counted = 0;
        for (int c = 0; c < k; c++) {
            double a = binaryAuc(column(prob, c), positives(truth, c));
            if (!Double.isNaN(a)) {
                sum += a;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : sum / counted;
    }

    private static double[] column(double[][] prob, int c) {
        double[] out = new double[prob.length];
        for (int i = 0; i < out.length; i++) out[i] = prob[i][c];
        return out;
    }

    private static boolean[] positives(int[] truth, int c) {
        boolean[] out = new boolean[truth.length];
        for (int i = 0; i < out.length; i++) out[i] = truth[i] == c;
        return out;
    }

    /** Rank formula with average ranks for ties; NaN when there are no positives or no negatives. */
    static double binaryAuc(double[] score, boolean[] pos) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingDouble(i -> score[i]));
        double[] rank = new double[n];
        for (int i = 0; i < n; ) {
            int j = i;
            while (j + 1 < n && score[order[j + 1]] == score[order[i]]) j++;
            double r = (i + j) / 2.0 + 1; // average of the 1-based ranks i+1 .. j+1
            for (int t = i; t <= j; t++) rank[order[t]] = r;
            i = j + 1;
        }
        long nPos = 0;
        double sumPos = 0;
        for (int i = 0; i < n; i++) {
            if (pos[i]) {
                nPos++;
                sumPos += rank[i];
            }
        }
        long nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0) return Double.NaN;
        return (sumPos - nPos * (nPos + 1) / 2.0) / ((double) nPos * nNeg);
    }

    static double accuracy(int[] truth, int[] pred) {
        int correct = 0;
        for (int i = 0; i < truth.length; i++) if (truth[i] == pred[i]) correct++;
        return (double) correct / truth.length;
    }

    /**
     * Mean recall over the classes that occur in the truth. Rows of unseen labels (-1) form one more class
     * whose recall is 0, as scikit-learn does for a label the model cannot predict.
     */
    static double balancedAccuracy(int[] truth, int[] pred, int k) {
        long[] support = new long[k + 1];
        long[] hit = new long[k + 1];
        for (int i = 0; i < truth.length; i++) {
            int t = truth[i] < 0 ? k : truth[i];
            support[t]++;
            if (truth[i] == pred[i]) hit[t]++;
        }
        double sum = 0;
        int classes = 0;
        for (int c = 0; c <= k; c++) {
            if (support[c] > 0) {
                sum += (double) hit[c] / support[c];
                classes++;
            }
        }
        return sum / classes;
    }

    /** Mean negative log of the clipped, renormalised probability of the true class. */
    static double logLoss(int[] truth, double[][] prob) {
        double ll = 0;
        for (int i = 0; i < truth.length; i++) {
            double sum = 0;
            for (double p : prob[i]) sum += clip(p);
            double pt = truth[i] >= 0 ? clip(prob[i][truth[i]]) / sum : EPS;
            ll -= Math.log(pt);
        }
        return ll / truth.length;
    }

    /** Macro F1 over the k training classes (scikit-learn {@code f1_score(average="macro", labels=classes)}). */
    static double macroF1(int[] truth, int[] pred, int k) {
        long[] tp = new long[k];
        long[] fp = new long[k];
        long[] fn = new long[k];
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] == pred[i]) {
                tp[pred[i]]++;
            } else {
                fp[pred[i]]++;
                if (truth[i] >= 0) fn[truth[i]]++;
            }
        }
        double s = 0;
        for (int c = 0; c < k; c++) {
            double d = 2.0 * tp[c] + fp[c] + fn[c];
            s += d == 0 ? 0 : 2.0 * tp[c] / d;
        }
        return s / k;
    }

    private static double sumSquaredError(double[] y, double[] yhat) {
        double se = 0;
        for (int i = 0; i < y.length; i++) {
            double e = y[i] - yhat[i];
            se += e * e;
        }
        return se;
    }

    static double mae(double[] y, double[] yhat) {
        double ae = 0;
        for (int i = 0; i < y.length; i++) ae += Math.abs(y[i] - yhat[i]);
        return ae / y.length;
    }

    /** 1 - SSE/SST; NaN when the truth is constant (SST = 0), as the peers report it. */
    static double r2(double[] y, double[] yhat) {
        double mean = 0;
        for (double v : y) mean += v;
        mean /= y.length;
        double sst = 0;
        for (double v : y) sst += (v - mean) * (v - mean);
        return sst == 0 ? Double.NaN : 1 - sumSquaredError(y, yhat) / sst;
    }
}
