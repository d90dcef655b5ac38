package org.automlwb.ui.results;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;

/**
 * ROC and precision-recall curves from scores and truth: one point per distinct threshold, thinned to at most
 * {@value #MAX_POINTS} points for drawing (the area is computed on every point).
 */
public final class Curves {
    static final int MAX_POINTS = 400;

    private Curves() { }

    /** ROC of {@code score} (higher means positive) against {@code positive}; area is the AUC (ties count half). */
    public static Curve roc(String name, double[] score, boolean[] positive) {
        Sweep s = sweep(score, positive);
        double[] fpr = new double[s.tp.length];
        double[] tpr = new double[s.tp.length];
        for (int i = 0; i < fpr.length; i++) {
            fpr[i] = s.negatives == 0 ? 0 : s.fp[i] / (double) s.negatives;
            tpr[i] = s.positives == 0 ? 0 : s.tp[i] / (double) s.positives;
        }
        double area = 0;
        for (int i = 1; i < fpr.length; i++) area += (fpr[i] - fpr[i - 1]) * (tpr[i] + tpr[i - 1]) / 2;
        return thin(new Curve(name, fpr, tpr, area));
    }

    /** Precision against recall; area is the average precision (sum of precision × recall step). */
    public static Curve precisionRecall(String name, double[] score, boolean[] positive) {
        Sweep s = sweep(score, positive);
        int n = s.tp.length - 1; // skip the (0,0) start: precision is undefined there
        double[] recall = new double[n];
        double[] precision = new double[n];
        double area = 0;
        double lastRecall = 0;
        for (int i = 0; i < n; i++) {
            int tp = s.tp[i + 1];
            int fp = s.fp[i + 1];
            recall[i] = s.positives == 0 ? 0 : tp / (double) s.positives;
            precision[i] = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
            area += (recall[i] - lastRecall) * precision[i];
            lastRecall = recall[i];
        }
        return thin(new Curve(name, recall, precision, area));
    }

    /**
     * The curves for a classifier's predictions: for two classes one curve for the second class (the positive
     * one), for more classes one per class against the rest.
     */
    public static List<Curve> perClass(Targets truth, Predictions predictions, boolean roc) {
        List<String> classes = truth.classNames();
        int k = predictions.probabilities()[0].length;
        List<Curve> out = new ArrayList<>();
        for (int c = k == 2 ? 1 : 0; c < k; c++) {
            double[] score = new double[truth.size()];
            boolean[] positive = new boolean[truth.size()];
            for (int i = 0; i < score.length; i++) {
                score[i] = predictions.probabilities()[i][c];
                positive[i] = truth.classIndex()[i] == c;
            }
            String name = c < classes.size() ? classes.get(c) : "class " + c;
            out.add(roc ? roc(name, score, positive) : precisionRecall(name, score, positive));
        }
        return out;
    }

    private record Sweep(int[] tp, int[] fp, int positives, int negatives) { }

    /** Cumulative true and false positives as the threshold falls through each distinct score, from (0,0). */
    private static Sweep sweep(double[] score, boolean[] positive) {
        Integer[] order = new Integer[score.length];
        for (int i = 0; i < order.length; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        int[] tp = new int[score.length + 1];
        int[] fp = new int[score.length + 1];
        int n = 1;
        int t = 0;
        int f = 0;
        for (int i = 0; i < order.length; i++) {
            if (positive[order[i]]) t++; else f++;
            boolean lastOfTie = i == order.length - 1 || score[order[i + 1]] != score[order[i]];
            if (lastOfTie) {
                tp[n] = t;
                fp[n] = f;
                n++;
            }
        }
        return new Sweep(Arrays.copyOf(tp, n), Arrays.copyOf(fp, n), t, f);
    }

    private static Curve thin(Curve c) {
        if (c.size() <= MAX_POINTS) return c;
        double step = (c.size() - 1) / (double) (MAX_POINTS - 1);
        double[] x = new double[MAX_POINTS];
        double[] y = new double[MAX_POINTS];
        for (int i = 0; i < MAX_POINTS; i++) {
            int j = (int) Math.round(i * step);
            x[i] = c.x()[j];
            y[i] = c.y()[j];
        }
        return new Curve(c.name(), x, y, c.area());
    }
}
