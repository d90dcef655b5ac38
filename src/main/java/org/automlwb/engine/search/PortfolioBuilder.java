package org.automlwb.engine.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses a learned portfolio from candidates evaluated on development data sets, and scores that choice on
 * data sets it did not see.
 *
 * <p>Each data set's losses are first put on one scale: 0 for the best candidate on that data set, 1 for the
 * median candidate or anything worse, and 1 for a candidate that failed or ran past its time cap (a portfolio
 * that is tried first must also be quick). A candidate the evaluation never reached on a data set (its budget
 * ran out first: large data) is unknown there, and counts as its own mean over the data sets where it is
 * known. The portfolio is then built greedily: each step adds the candidate that most lowers the mean over data
 * sets of the best scaled loss reached so far, ties going to the quicker candidate (as auto-sklearn 2.0 and
 * FLAML's zero-shot portfolios do, without their meta-features).
 */
public final class PortfolioBuilder {
    private PortfolioBuilder() { }

    /**
     * Candidates' results on data sets.
     *
     * @param datasets the data sets' names, one row each
     * @param loss     {@code loss[d][c]}: candidate {@code c}'s validation loss on data set {@code d} (lower is
     *                 better), positive infinity when it failed or ran out of time, NaN when it was not tried
     * @param seconds  {@code seconds[d][c]}: its fit time, NaN when it did not finish or was not tried
     */
    public record Matrix(List<String> datasets, double[][] loss, double[][] seconds) {
        public Matrix {
            datasets = List.copyOf(datasets);
            if (loss.length != datasets.size() || seconds.length != datasets.size()) {
                throw new IllegalArgumentException("one row per data set");
            }
        }

        public int candidates() { return loss.length == 0 ? 0 : loss[0].length; }
    }

    /**
     * One held-out data set: the best scaled loss and the best loss reached by the first {@code k} entries of
     * a portfolio built without it, next to the hand-written defaults' first {@code k}, for each {@code k}.
     * Entries not tried on it are left out (scaled 1 and loss NaN when none of the first {@code k} was tried).
     */
    public record HeldOut(String dataset, int[] ks, double[] learnedScaled, double[] defaultsScaled,
                          double[] learnedLoss, double[] defaultsLoss) { }

    /** The losses on one scale per data set, see the class comment; NaN stays NaN (not tried). */
    public static double[][] scaled(Matrix m) {
        double[][] out = new double[m.loss().length][];
        for (int d = 0; d < out.length; d++) {
            double[] row = m.loss()[d];
            double[] finished = Arrays.stream(row).filter(Double::isFinite).sorted().toArray();
            out[d] = new double[row.length];
            double best = finished.length == 0 ? 0 : finished[0];
            double median = finished.length == 0 ? 0 : finished[(finished.length - 1) / 2];
            for (int c = 0; c < row.length; c++) {
                if (Double.isNaN(row[c])) out[d][c] = Double.NaN;
                else if (Double.isInfinite(row[c])) out[d][c] = 1.0;
                else if (median <= best) out[d][c] = row[c] <= best ? 0.0 : 1.0;
                else out[d][c] = Math.min(1.0, (row[c] - best) / (median - best));
            }
        }
        return out;
    }

    /**
     * The greedy portfolio over the given data sets.
     *
     * @param scaled  from {@link #scaled}
     * @param seconds fit times, for ties
     * @param rows    the data sets (row indices) to build from
     * @param size    the most entries; fewer when no candidate lowers the mean any more
     * @return candidate indices in the order they were chosen
     */
    public static List<Integer> greedy(double[][] scaledIn, double[][] seconds, int[] rows, int size) {
        double[][] scaled = imputed(scaledIn, rows);
        int n = scaled.length == 0 ? 0 : scaled[0].length;
        double[] reached = new double[rows.length];
        Arrays.fill(reached, 1.0);
        List<Integer> chosen = new ArrayList<>();
        double current = 1.0;
        while (chosen.size() < size) {
            int bestC = -1;
            double bestMean = current;
            double bestSeconds = Double.POSITIVE_INFINITY;
            for (int c = 0; c < n; c++) {
                if (chosen.contains(c)) continue;
                double sum = 0;
                for (int i = 0; i < rows.length; i++) sum += Math.min(reached[i], scaled[rows[i]][c]);
                double mean = sum / rows.length;
                double secs = meanSeconds(seconds, rows, c);
                if (mean < bestMean - 1e-12 || (bestC >= 0 && Math.abs(mean - bestMean) <= 1e-12
                        && secs < bestSeconds)) {
                    bestC = c;
                    bestMean = mean;
                    bestSeconds = secs;
                }
            }
            if (bestC < 0) break;
            chosen.add(bestC);
            current = bestMean;
            for (int i = 0; i < rows.length; i++) reached[i] = Math.min(reached[i], scaled[rows[i]][bestC]);
        }
        return chosen;
    }

    /** A copy where each candidate's unknown values are its mean over the given rows where it is known (else 1). */
    static double[][] imputed(double[][] scaled, int[] rows) {
        double[][] out = new double[scaled.length][];
        for (int d = 0; d < scaled.length; d++) out[d] = scaled[d].clone();
        int n = scaled.length == 0 ? 0 : scaled[0].length;
        for (int c = 0; c < n; c++) {
            double sum = 0;
            int known = 0;
            for (int r : rows) {
                if (!Double.isNaN(scaled[r][c])) {
                    sum += scaled[r][c];
                    known++;
                }
            }
            double fill = known == 0 ? 1.0 : sum / known;
            for (double[] row : out) if (Double.isNaN(row[c])) row[c] = fill;
        }
        return out;
    }

    /** Mean fit seconds of a candidate over the rows where it finished (infinite when it never did). */
    static double meanSeconds(double[][] seconds, int[] rows, int c) {
        double sum = 0;
        int count = 0;
        for (int r : rows) {
            if (Double.isFinite(seconds[r][c])) {
                sum += seconds[r][c];
                count++;
            }
        }
        return count == 0 ? Double.POSITIVE_INFINITY : sum / count;
    }

    /**
     * Leave one data set out: for each data set, the portfolio built from the others, scored on it.
     *
     * @param defaults the candidate indices of the hand-written defaults, in the order a run tries them
     * @param ks       the prefix lengths to report
     */
    public static List<HeldOut> leaveOneOut(Matrix m, int size, List<Integer> defaults, int[] ks) {
        double[][] scaled = scaled(m);
        List<HeldOut> out = new ArrayList<>();
        int datasets = m.datasets().size();
        for (int d = 0; d < datasets; d++) {
            int held = d;
            int[] rows = java.util.stream.IntStream.range(0, datasets).filter(i -> i != held).toArray();
            List<Integer> learned = greedy(scaled, m.seconds(), rows, size);
            double[] ls = new double[ks.length];
            double[] ds = new double[ks.length];
            double[] ll = new double[ks.length];
            double[] dl = new double[ks.length];
            for (int i = 0; i < ks.length; i++) {
                ls[i] = bestOf(scaled[d], learned, ks[i], 1.0);
                ds[i] = bestOf(scaled[d], defaults, ks[i], 1.0);
                ll[i] = bestOf(m.loss()[d], learned, ks[i], Double.NaN);
                dl[i] = bestOf(m.loss()[d], defaults, ks[i], Double.NaN);
            }
            out.add(new HeldOut(m.datasets().get(d), ks.clone(), ls, ds, ll, dl));
        }
        return out;
    }

    /** The lowest finite value among the first {@code k} chosen candidates, else {@code none}. */
    static double bestOf(double[] row, List<Integer> order, int k, double none) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < Math.min(k, order.size()); i++) {
            double v = row[order.get(i)];
            if (Double.isFinite(v)) best = Math.min(best, v);
        }
        return Double.isFinite(best) ? best : none;
    }
}
