package org.automlwb.engine.ensemble;

import java.util.List;
import org.automlwb.engine.Metrics;
import org.automlwb.engine.Predictions;

/**
 * The members' clipped log probabilities, the features of the classification stack, computed once per fit.
 *
 * <p>Row {@code i} holds {@code log(clip(p_mc))} for member {@code m} and class {@code c} at {@code [m * k + c]}.
 * They are stored as floats: a large problem (150,000 rows, 20 members, 23 classes) takes half the memory and
 * half the memory traffic per pass, and a float's relative error of 6e-8 moves a log probability (at least
 * {@code log(1e-15) = -34.5}) by at most 2e-6, far below anything a weight fitted on noisy out-of-fold
 * predictions can resolve. Every sum over them is taken in double.
 */
final class LogProbabilities {
    /** Per row, the M·k log probabilities, member by member. */
    final float[][] rows;
    /** M. */
    final int members;
    /** k. */
    final int classes;

    private LogProbabilities(float[][] rows, int members, int classes) {
        this.rows = rows;
        this.members = members;
        this.classes = classes;
    }

    /**
     * The log probabilities of every row; the members are already checked for sizes.
     *
     * @throws IllegalArgumentException when a probability is NaN
     */
    static LogProbabilities of(List<Predictions> members, int classes) {
        int m = members.size();
        int n = members.get(0).size();
        float[][] rows = new float[n][m * classes];
        for (int j = 0; j < m; j++) {
            double[][] p = members.get(j).probabilities();
            int offset = j * classes;
            for (int i = 0; i < n; i++) {
                double[] pi = p[i];
                float[] zi = rows[i];
                for (int c = 0; c < classes; c++) {
                    if (Double.isNaN(pi[c])) {
                        throw new IllegalArgumentException("member " + j + ", row " + i + ": probability is NaN");
                    }
                    zi[offset + c] = (float) Math.log(clip(pi[c]));
                }
            }
        }
        return new LogProbabilities(rows, m, classes);
    }

    /** The same clipping as log loss in {@link Metrics}, so the stack sees what the metric sees. */
    static double clip(double p) {
        return Math.min(1 - Metrics.EPS, Math.max(Metrics.EPS, p));
    }
}
