package org.automlwb.engine.ensemble;

/**
 * Fits the classification stack {@code p_c ∝ exp(b_c + Σ_m w_m z_mc)}, {@code z_mc = log(clip(p_mc))}, on some
 * rows by minimising
 * <pre>
 *   F(w, b) = mean_i [ logsumexp_c s_ic - s_i,y_i ] + λ Σ_m w_m² + μ Σ_c b_c²     subject to w ≥ 0
 * </pre>
 * with projected Newton steps: at each iterate the quadratic model of F (exact gradient; the Hessian of the loss
 * over a spread subset of the rows when there are many) is minimised over {@code w ≥ 0} exactly by
 * {@link NonNegativeQuadratic}, and a backtracking (Armijo) line search along the segment to that minimiser,
 * which stays feasible because the feasible set is convex, guarantees descent. F is strictly convex (λ, μ > 0),
 * so this converges to its unique minimiser, fast near it, in a handful of passes over the rows.
 *
 * <p>The small bias penalty μ makes the biases identifiable (softmax is unchanged when every bias shifts alike;
 * the penalty picks the biases summing to 0) and keeps the bias of a class absent from the rows finite.
 *
 * <p>Parameters are one array θ: the {@code M} weights, then the {@code k} biases.
 */
final class SoftmaxStackSolver {
    /** μ: small enough to leave the fit alone (biases move by about μ/curvature), large enough to bound them. */
    static final double BIAS_PENALTY = 1e-5;
    /**
     * Stop when the Newton step promises a decrease of F below this (F is a mean log loss, in nats): the
     * weights are then within about 1e-5 of the minimiser, far inside the noise of any fit on real rows.
     */
    static final double TOLERANCE = 1e-10;
    /** Enough to rank the λ grid, whose held-out losses differ in the fourth decimal or later. */
    static final double TUNING_TOLERANCE = 1e-8;
    /**
     * The Hessian is averaged over at most about this many rows, evenly spread. It costs M²k per row against Mk
     * for the gradient, and serves only as the model that scales the step: the gradient and the line search
     * use every row, so the minimiser is the same, and a Hessian from a few thousand rows is close enough to
     * keep convergence fast (each step removes all but a few percent of the remaining error).
     */
    static final int HESSIAN_ROWS = 2048;
    private static final int MAX_ITERATIONS = 100;
    private static final double ARMIJO = 1e-4;
    private static final int MAX_HALVINGS = 50;
    /** Classes below this probability are left out of the Hessian of a row (not the gradient): they add ~p. */
    private static final double HESSIAN_MIN_PROBABILITY = 1e-9;

    private final LogProbabilities design;
    private final int[] labels;
    private final int m;
    private final int k;

    /**
     * A parameter vector and the unpenalised loss with its derivatives there, over one set of rows. The loss
     * does not depend on λ, so the end of one fit starts the next λ's fit on the same rows without a pass.
     */
    static final class Point {
        /** The weights then the biases. */
        final double[] theta;
        /** The rows the loss is over. */
        final int[] rows;
        /** The unpenalised loss and its derivatives at theta. */
        final Pass loss;

        private Point(double[] theta, int[] rows, Pass loss) {
            this.theta = theta;
            this.rows = rows;
            this.loss = loss;
        }

        /** The weights then the biases; do not modify. */
        double[] theta() { return theta; }
    }

    /** @param labels each row's class index in {@code 0 .. k-1} (rows used in a fit must have one) */
    SoftmaxStackSolver(LogProbabilities design, int[] labels) {
        this.design = design;
        this.labels = labels;
        this.m = design.members;
        this.k = design.classes;
    }

    /** The starting point of a cold fit: the members' normalised geometric mean (w = 1/M), no biases. */
    double[] coldStart() {
        double[] theta = new double[m + k];
        for (int j = 0; j < m; j++) theta[j] = 1.0 / m;
        return theta;
    }

    /** Starts a fit from theta (weights clipped at 0), with the pass over the rows that it needs. */
    Point at(int[] rows, double[] theta) {
        double[] t = theta.clone();
        for (int j = 0; j < m; j++) t[j] = Math.max(0, t[j]);
        return new Point(t, rows, pass(rows, t, true));
    }

    /**
     * The minimiser of F over the rows of {@code start}.
     *
     * @param start     where to start, over the rows to fit (at least one)
     * @param lambda    the weights' penalty λ, above 0
     * @param tolerance stop when a Newton step promises less decrease of F than this
     */
    Point fit(Point start, double lambda, double tolerance) {
        int[] rows = start.rows;
        double[] theta = start.theta;
        Pass at = start.loss;
        double objective = objective(at, theta, lambda);
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            // A run that has no time left for the stack interrupts its thread (Blending): stop here.
            if (Thread.interrupted()) throw new java.util.concurrent.CancellationException("stack fit stopped");
            double[] gradient = gradient(at, theta, lambda);
            double[] target = newtonPoint(at, gradient, theta, lambda);
            double[] step = new double[theta.length];
            double slope = 0;
            for (int j = 0; j < theta.length; j++) {
                step[j] = target[j] - theta[j];
                slope += gradient[j] * step[j];
            }
            if (!(slope < -tolerance)) break;
            // The full step is usually taken, so its pass computes the derivatives too. Taking the Newton point
            // itself (not theta + 1·step) keeps its exact zeros.
            Pass next = pass(rows, target, true);
            double[] accepted = target;
            if (!(objective(next, target, lambda) <= objective + ARMIJO * slope)) {
                accepted = null;
                double t = 1;
                for (int h = 0; h < MAX_HALVINGS && accepted == null; h++) {
                    t *= 0.5;
                    double[] trial = new double[theta.length];
                    for (int j = 0; j < theta.length; j++) trial[j] = theta[j] + t * step[j];
                    for (int j = 0; j < m; j++) trial[j] = Math.max(0, trial[j]);
                    if (objective(pass(rows, trial, false), trial, lambda) <= objective + ARMIJO * t * slope) {
                        accepted = trial;
                    }
                }
                if (accepted == null) break; // no decrease left that rounding can see
                next = pass(rows, accepted, true);
            }
            theta = accepted;
            at = next;
            objective = objective(at, theta, lambda);
        }
        return new Point(theta, rows, at);
    }

    /** Mean log loss (no penalty) of the given rows. */
    double loss(int[] rows, double[] theta) {
        return pass(rows, theta, false).loss;
    }

    /** The stack's probabilities for the given rows, computed from the stored (float) log probabilities. */
    double[][] probabilities(int[] rows, double[] theta) {
        double[][] out = new double[rows.length][k];
        for (int r = 0; r < rows.length; r++) {
            double[] p = out[r];
            scores(design.rows[rows[r]], theta, p);
            softmaxInPlace(p);
        }
        return out;
    }

    private double objective(Pass at, double[] theta, double lambda) {
        double penalty = 0;
        for (int j = 0; j < m; j++) penalty += lambda * theta[j] * theta[j];
        for (int c = 0; c < k; c++) penalty += BIAS_PENALTY * theta[m + c] * theta[m + c];
        return at.loss + penalty;
    }

    private double[] gradient(Pass at, double[] theta, double lambda) {
        double[] g = at.gradient.clone();
        for (int j = 0; j < m; j++) g[j] += 2 * lambda * theta[j];
        for (int c = 0; c < k; c++) g[m + c] += 2 * BIAS_PENALTY * theta[m + c];
        return g;
    }

    /** The minimiser over w ≥ 0 of F's quadratic model at theta, {@code ½ x'Qx - c'x} with Q = H, c = Hθ - g. */
    private double[] newtonPoint(Pass at, double[] gradient, double[] theta, double lambda) {
        int d = theta.length;
        double[][] q = new double[d][];
        for (int i = 0; i < d; i++) {
            q[i] = at.hessian[i].clone();
            q[i][i] += 2 * (i < m ? lambda : BIAS_PENALTY);
        }
        double[] c = new double[d];
        for (int i = 0; i < d; i++) {
            double s = -gradient[i];
            for (int j = 0; j < d; j++) s += q[i][j] * theta[j];
            c[i] = s;
        }
        return NonNegativeQuadratic.minimise(q, c, m, theta);
    }

    /** The mean log loss, and optionally its gradient and Hessian, at theta, over the rows; no penalty. */
    private Pass pass(int[] rows, double[] theta, boolean derivatives) {
        int d = m + k;
        double[] s = new double[k];
        double[] gradient = derivatives ? new double[d] : null;
        double[][] hessian = derivatives ? new double[d][d] : null;
        double[] u = derivatives ? new double[m] : null;
        double[] centred = derivatives ? new double[m] : null;
        double loss = 0;
        int stride = Math.max(1, (rows.length + HESSIAN_ROWS - 1) / HESSIAN_ROWS);
        int hessianRows = 0;
        for (int r = 0; r < rows.length; r++) {
            int row = rows[r];
            float[] z = design.rows[row];
            int y = labels[row];
            scores(z, theta, s);
            double sy = s[y];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < k; c++) max = Math.max(max, s[c]);
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double e = Math.exp(s[c] - max);
                s[c] = e;
                sum += e;
            }
            // -log p_y from the scores, not from e_y, which can underflow to 0 for a badly wrong row
            loss += max + Math.log(sum) - sy;
            if (!derivatives) continue;
            double inv = 1 / sum;
            for (int c = 0; c < k; c++) s[c] *= inv; // now probabilities
            addGradient(z, s, y, gradient, u);
            if (r % stride == 0) {
                addHessian(z, s, hessian, u, centred);
                hessianRows++;
            }
        }
        Pass out = new Pass();
        out.loss = loss / rows.length;
        if (derivatives) {
            for (int i = 0; i < d; i++) {
                gradient[i] /= rows.length;
                for (int j = 0; j <= i; j++) hessian[i][j] = (hessian[j][i] /= hessianRows);
            }
            out.gradient = gradient;
            out.hessian = hessian;
        }
        return out;
    }

    /**
     * Adds one row's gradient of the log loss. With features φ_c = (z_·c, e_c) and their mean under the stack's
     * probabilities φ̄ = Σ_c p_c φ_c = (u, p), it is φ̄ - φ_y. Leaves u in {@code u} for the Hessian.
     */
    private void addGradient(float[] z, double[] p, int y, double[] gradient, double[] u) {
        int j = 0;
        // Two members at a time: each sum over classes is a chain of dependent additions, and two independent
        // chains keep the core busy while each waits for its last addition (each sum keeps its own order).
        for (; j + 1 < m; j += 2) {
            int off0 = j * k;
            int off1 = off0 + k;
            double mean0 = 0;
            double mean1 = 0;
            for (int c = 0; c < k; c++) {
                mean0 += p[c] * z[off0 + c];
                mean1 += p[c] * z[off1 + c];
            }
            u[j] = mean0;
            u[j + 1] = mean1;
            gradient[j] += mean0 - z[off0 + y];
            gradient[j + 1] += mean1 - z[off1 + y];
        }
        for (; j < m; j++) {
            int off = j * k;
            double mean = 0;
            for (int c = 0; c < k; c++) mean += p[c] * z[off + c];
            u[j] = mean;
            gradient[j] += mean - z[off + y];
        }
        for (int c = 0; c < k; c++) gradient[m + c] += p[c];
        gradient[m + y] -= 1;
    }

    /**
     * Adds one row's Hessian of the log loss, Σ_c p_c (φ_c - φ̄)(φ_c - φ̄)', upper triangle only.
     * Classes of negligible probability are left out: most rows of a confident multiclass problem have two or
     * three classes that matter, so this cuts the dominant M²k cost several times, and the terms left out (each
     * below 1e-9 times a squared log probability) only change the model of F, never F or its gradient.
     */
    private void addHessian(float[] z, double[] p, double[][] hessian, double[] u, double[] centred) {
        for (int c = 0; c < k; c++) {
            double pc = p[c];
            if (pc < HESSIAN_MIN_PROBABILITY) continue;
            for (int j = 0; j < m; j++) centred[j] = z[j * k + c] - u[j];
            for (int j = 0; j < m; j++) {
                double a = pc * centred[j];
                double[] hj = hessian[j];
                for (int l = j; l < m; l++) hj[l] += a * centred[l];
                // weight j with bias c: Σ_c' p_c' (z_jc' - u_j)(δ_c'c - p_c) = p_c (z_jc - u_j), as Σ_c' p_c' (z_jc' - u_j) = 0
                hj[m + c] += a;
            }
            // bias block: diag(p) - p p'
            double[] hc = hessian[m + c];
            hc[m + c] += pc;
            for (int c2 = c; c2 < k; c2++) hc[m + c2] -= pc * p[c2];
        }
    }

    /** s_c = b_c + Σ_m w_m z_mc, skipping members of weight 0. */
    private void scores(float[] z, double[] theta, double[] s) {
        System.arraycopy(theta, m, s, 0, k);
        int pending = -1; // a used member waiting for a partner: two at a time halve the loads and stores of s
        for (int j = 0; j < m; j++) {
            if (theta[j] == 0) continue;
            if (pending < 0) {
                pending = j;
                continue;
            }
            double w0 = theta[pending];
            double w1 = theta[j];
            int off0 = pending * k;
            int off1 = j * k;
            for (int c = 0; c < k; c++) s[c] += w0 * z[off0 + c] + w1 * z[off1 + c];
            pending = -1;
        }
        if (pending >= 0) {
            double w = theta[pending];
            int off = pending * k;
            for (int c = 0; c < k; c++) s[c] += w * z[off + c];
        }
    }

    /** Turns scores into probabilities in place (shifted by the maximum so exp cannot overflow). */
    static void softmaxInPlace(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) max = Math.max(max, v);
        double sum = 0;
        for (int c = 0; c < s.length; c++) {
            s[c] = Math.exp(s[c] - max);
            sum += s[c];
        }
        for (int c = 0; c < s.length; c++) s[c] /= sum;
    }

    /** What one pass over the rows computes: the mean log loss and, when asked, its derivatives (no penalty). */
    static final class Pass {
        /** Mean log loss. */
        double loss;
        /** Its gradient, or null when not asked for. */
        double[] gradient;
        /** Its Hessian (over the Hessian rows), or null when not asked for. */
        double[][] hessian;
    }
}
