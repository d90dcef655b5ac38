package org.automlwb.engine.ensemble;

/**
 * Exact minimiser of a strictly convex quadratic {@code ½ x'Qx - c'x} where the first {@code constrained}
 * variables must be at least 0 and the rest are free.
 *
 * <p>This is the Lawson–Hanson active-set method (the one behind NNLS) written for a quadratic rather than a
 * least-squares form: keep a passive set of variables that may move, solve the equality-constrained problem on
 * it, step back to the boundary when a constrained variable would turn negative, and free the constrained
 * variable whose gradient points most into the feasible region until none does. It ends at the exact optimum
 * (the KKT conditions up to rounding) after a finite number of steps, which is why both stacks use it: the
 * regression stack solves its whole problem with one call, the classification stack each Newton step.
 * Problems here have at most a few dozen variables, so dense Cholesky solves are cheap.
 */
final class NonNegativeQuadratic {
    private NonNegativeQuadratic() { }

    /**
     * @param q           symmetric positive definite, d x d (not modified)
     * @param c           the linear term, length d
     * @param constrained how many leading variables must be {@code >= 0}
     * @param start       a feasible starting point to warm-start the active set, or null for 0
     * @return the minimiser; constrained entries are exactly 0 or positive
     */
    static double[] minimise(double[][] q, double[] c, int constrained, double[] start) {
        int d = c.length;
        double scale = 0;
        for (int j = 0; j < d; j++) scale = Math.max(scale, Math.max(Math.abs(c[j]), Math.abs(q[j][j])));
        double tol = 1e-13 * Math.max(scale, Double.MIN_NORMAL);

        double[] x = new double[d];
        boolean[] passive = new boolean[d];
        for (int j = 0; j < d; j++) {
            boolean free = j >= constrained;
            x[j] = start == null ? 0 : (free ? start[j] : Math.max(0, start[j]));
            passive[j] = free || x[j] > 0;
        }
        // Each outer step frees one variable; stepping back fixes at least one. A bound keeps rounding from
        // cycling forever; in practice a handful of steps suffice.
        int maxSteps = 10 * d + 100;
        int entering = -1;
        for (int step = 0; step < maxSteps; step++) {
            double[] next = solveOnPassive(q, c, constrained, passive, x, entering);
            // The variable just freed would turn negative at once: its negative gradient was rounding, and x is
            // already optimal (Lawson and Hanson's own safeguard against cycling).
            if (next == null) return x;
            x = next;
            double[] g = gradient(q, c, x);
            int enter = -1;
            double most = -tol;
            for (int j = 0; j < constrained; j++) {
                if (!passive[j] && g[j] < most) {
                    most = g[j];
                    enter = j;
                }
            }
            if (enter < 0) return x;
            passive[enter] = true;
            entering = enter;
        }
        return x;
    }

    /**
     * The minimiser over the passive variables with the others held at 0, reached from the feasible {@code x}
     * by stepping back to the boundary whenever a constrained variable would become negative.
     *
     * @param entering the variable just made passive (-1 for none); null is returned, and nothing changed, when
     *                 its first solution is not positive
     */
    private static double[] solveOnPassive(double[][] q, double[] c, int constrained, boolean[] passive, double[] x,
            int entering) {
        int d = c.length;
        x = x.clone();
        for (int guard = 0; guard <= d; guard++) {
            double[] z = unconstrained(q, c, passive);
            if (guard == 0 && entering >= 0 && z[entering] <= 0) {
                passive[entering] = false;
                return null;
            }
            double alpha = 1;
            int blocking = -1;
            for (int j = 0; j < constrained; j++) {
                if (passive[j] && z[j] <= 0) {
                    double a = x[j] / (x[j] - z[j]);
                    if (a < alpha) {
                        alpha = a;
                        blocking = j;
                    }
                }
            }
            if (blocking < 0) return z;
            for (int j = 0; j < d; j++) x[j] += alpha * (z[j] - x[j]);
            x[blocking] = 0;
            passive[blocking] = false;
            for (int j = 0; j < constrained; j++) {
                if (passive[j] && x[j] <= 0) {
                    x[j] = 0;
                    passive[j] = false;
                }
            }
        }
        return x;
    }

    /** Solves Q_PP z_P = c_P with the non-passive entries of z at 0. */
    private static double[] unconstrained(double[][] q, double[] c, boolean[] passive) {
        int d = c.length;
        int p = 0;
        int[] index = new int[d];
        for (int j = 0; j < d; j++) if (passive[j]) index[p++] = j;
        double[][] a = new double[p][p];
        double[] b = new double[p];
        for (int r = 0; r < p; r++) {
            b[r] = c[index[r]];
            for (int s = 0; s < p; s++) a[r][s] = q[index[r]][index[s]];
        }
        double[] sol = Cholesky.solve(a, b);
        double[] z = new double[d];
        for (int r = 0; r < p; r++) z[index[r]] = sol[r];
        return z;
    }

    private static double[] gradient(double[][] q, double[] c, double[] x) {
        int d = c.length;
        double[] g = new double[d];
        for (int i = 0; i < d; i++) {
            double s = -c[i];
            for (int j = 0; j < d; j++) s += q[i][j] * x[j];
            g[i] = s;
        }
        return g;
    }
}
