package org.automlwb.engine.ensemble;

/**
 * Fits the regression stack {@code ŷ = b + Σ_m w_m ŷ_m}, {@code w ≥ 0}, on some rows.
 *
 * <p>The target and each member are standardised over the rows (centred, divided by their standard deviation),
 * and the penalty applies to the standardised weights {@code v_m = w_m · sd_m / sd_y}:
 * <pre>
 *   minimise  mean_i (ỹ_i - Σ_m v_m x̃_im)²  +  λ Σ_m v_m²     subject to v ≥ 0
 * </pre>
 * Standardising makes λ mean the same whatever the target's units (a price in dollars or in millions), as in
 * H2O's GLM, and a member that predicts the target on its own scale still has {@code v ≈ w}. Centring takes
 * the unpenalised intercept out of the problem. What is left is a quadratic in at most a few dozen variables,
 * {@code ½ v'(G + λI)v - r'v} with G the members' correlation matrix and r their correlations with the target,
 * which {@link NonNegativeQuadratic} solves exactly. The stored weights are mapped back to raw predictions:
 * {@code w_m = v_m · sd_y / sd_m}, {@code b = ȳ - Σ_m w_m x̄_m}.
 */
final class RegressionStackSolver {
    private final double[][] members; // member -> row values
    private final double[] target;

    /**
     * @param members each member's prediction of every row
     * @param target  every row's true value
     */
    RegressionStackSolver(double[][] members, double[] target) {
        this.members = members;
        this.target = target;
    }

    /**
     * A fitted regression stack on raw predictions.
     *
     * @param weights   one non-negative weight per member
     * @param intercept b
     */
    record Solution(double[] weights, double intercept) { }

    /** The moments of some rows that every λ's solution needs: computing them once serves the whole grid. */
    final class Moments {
        /** Each member's mean over the rows. */
        final double[] mean;
        /** Each member's standard deviation over the rows. */
        final double[] sd;
        /** The target's mean over the rows. */
        final double targetMean;
        /** The target's standard deviation over the rows. */
        final double targetSd;
        /** G: the members' correlations (unit diagonal; a constant member has no correlations). */
        final double[][] correlation;
        /** r: each member's correlation with the target. */
        final double[] targetCorrelation;

        Moments(int[] rows) {
            int m = members.length;
            int n = rows.length;
            mean = new double[m];
            sd = new double[m];
            for (int j = 0; j < m; j++) {
                double[] x = members[j];
                double s = 0;
                for (int row : rows) s += x[row];
                mean[j] = s / n;
            }
            double ty = 0;
            for (int row : rows) ty += target[row];
            targetMean = ty / n;

            // Cross products of centred values, row by row (the rows are the long dimension).
            double[][] cross = new double[m][m];
            double[] withTarget = new double[m];
            double yy = 0;
            double[] centred = new double[m];
            for (int row : rows) {
                for (int j = 0; j < m; j++) centred[j] = members[j][row] - mean[j];
                double cy = target[row] - targetMean;
                yy += cy * cy;
                for (int j = 0; j < m; j++) {
                    double a = centred[j];
                    withTarget[j] += a * cy;
                    double[] cj = cross[j];
                    for (int l = j; l < m; l++) cj[l] += a * centred[l];
                }
            }
            for (int j = 0; j < m; j++) sd[j] = Math.sqrt(cross[j][j] / n);
            targetSd = Math.sqrt(yy / n);
            correlation = new double[m][m];
            targetCorrelation = new double[m];
            for (int j = 0; j < m; j++) {
                if (!usable(j)) {
                    // A constant member only duplicates the intercept: weight 0, and a unit diagonal keeps Q
                    // positive definite.
                    correlation[j][j] = 1;
                    continue;
                }
                targetCorrelation[j] = targetSd > 0 ? withTarget[j] / n / (sd[j] * targetSd) : 0;
                for (int l = j; l < m; l++) {
                    if (!usable(l)) continue;
                    double r = cross[j][l] / n / (sd[j] * sd[l]);
                    correlation[j][l] = r;
                    correlation[l][j] = r;
                }
            }
        }

        /** Whether member j varies over the rows (relative to its own size, so rounding noise does not count). */
        boolean usable(int j) {
            return sd[j] > 1e-12 * Math.max(1, Math.abs(mean[j]));
        }

        /** The penalised non-negative least-squares solution for λ, in raw units. */
        Solution solve(double lambda) {
            int m = members.length;
            double[][] q = new double[m][m];
            for (int j = 0; j < m; j++) {
                q[j] = correlation[j].clone();
                q[j][j] += lambda;
            }
            double[] v = NonNegativeQuadratic.minimise(q, targetCorrelation, m, null);
            double[] w = new double[m];
            double intercept = targetMean;
            for (int j = 0; j < m; j++) {
                if (v[j] > 0 && usable(j) && targetSd > 0) {
                    w[j] = v[j] * targetSd / sd[j];
                    intercept -= w[j] * mean[j];
                }
            }
            return new Solution(w, intercept);
        }
    }

    /** The moments of the given rows. */
    Moments moments(int[] rows) {
        return new Moments(rows);
    }

    /** The sum of squared errors of a solution over the given rows. */
    double squaredError(Solution s, int[] rows) {
        double sse = 0;
        for (int row : rows) {
            double e = target[row] - predict(s, row);
            sse += e * e;
        }
        return sse;
    }

    private double predict(Solution s, int row) {
        double y = s.intercept();
        for (int j = 0; j < members.length; j++) if (s.weights()[j] > 0) y += s.weights()[j] * members[j][row];
        return y;
    }
}
