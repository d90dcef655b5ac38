package org.automlwb.engine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NonNegativeQuadraticTest {
    /** A random positive definite matrix A'A + 0.1 I and a random linear term. */
    private static double[][] randomQ(int d, SplittableRandom rng) {
        double[][] a = new double[d + 2][d];
        for (double[] row : a) for (int j = 0; j < d; j++) row[j] = rng.nextGaussian();
        double[][] q = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                for (double[] row : a) q[i][j] += row[i] * row[j];
            }
            q[i][i] += 0.1;
        }
        return q;
    }

    private static double objective(double[][] q, double[] c, double[] x) {
        double f = 0;
        for (int i = 0; i < x.length; i++) {
            f -= c[i] * x[i];
            for (int j = 0; j < x.length; j++) f += 0.5 * x[i] * q[i][j] * x[j];
        }
        return f;
    }

    /**
     * The exact minimiser by brute force: for every subset of constrained variables held at 0, solve the rest
     * unconstrained; keep the best feasible solution.
     */
    private static double[] bruteForce(double[][] q, double[] c, int constrained) {
        int d = c.length;
        double best = Double.POSITIVE_INFINITY;
        double[] bestX = null;
        for (int mask = 0; mask < (1 << constrained); mask++) {
            boolean[] free = new boolean[d];
            for (int j = 0; j < d; j++) free[j] = j >= constrained || (mask & (1 << j)) != 0;
            int p = 0;
            int[] idx = new int[d];
            for (int j = 0; j < d; j++) if (free[j]) idx[p++] = j;
            double[][] a = new double[p][p];
            double[] b = new double[p];
            for (int r = 0; r < p; r++) {
                b[r] = c[idx[r]];
                for (int s = 0; s < p; s++) a[r][s] = q[idx[r]][idx[s]];
            }
            double[] sol = Cholesky.solve(a, b);
            double[] x = new double[d];
            boolean feasible = true;
            for (int r = 0; r < p; r++) {
                x[idx[r]] = sol[r];
                if (idx[r] < constrained && sol[r] < 0) feasible = false;
            }
            if (feasible && objective(q, c, x) < best) {
                best = objective(q, c, x);
                bestX = x;
            }
        }
        return bestX;
    }

    @Test
    void matchesBruteForceOnRandomProblems() {
        SplittableRandom rng = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int d = 2 + rng.nextInt(7);
            int constrained = rng.nextInt(d + 1);
            double[][] q = randomQ(d, rng);
            double[] c = new double[d];
            for (int j = 0; j < d; j++) c[j] = 3 * rng.nextGaussian();
            double[] expected = bruteForce(q, c, constrained);
            double[] cold = NonNegativeQuadratic.minimise(q, c, constrained, null);
            double[] start = new double[d];
            for (int j = 0; j < d; j++) start[j] = Math.abs(rng.nextGaussian());
            double[] warm = NonNegativeQuadratic.minimise(q, c, constrained, start);
            assertArrayEquals(expected, cold, 1e-9, "trial " + trial);
            assertArrayEquals(expected, warm, 1e-9, "trial " + trial + " (warm start)");
            for (int j = 0; j < constrained; j++) {
                assertTrue(cold[j] >= 0 && warm[j] >= 0);
                if (expected[j] == 0) assertEquals(0.0, cold[j], 0.0, "bound variables are exactly 0");
            }
        }
    }

    @Test
    void unconstrainedProblemIsTheLinearSolve() {
        double[][] q = {{2, 1}, {1, 3}};
        double[] x = NonNegativeQuadratic.minimise(q, new double[] {1, 2}, 0, null);
        assertArrayEquals(new double[] {0.2, 0.6}, x, 1e-12);
    }

    @Test
    void nearlySingularMatrixStillSolves() {
        // Two identical members under a tiny penalty: the split between them is barely determined, the sum is.
        double[][] q = {{1 + 1e-12, 1}, {1, 1 + 1e-12}};
        double[] x = NonNegativeQuadratic.minimise(q, new double[] {1, 1}, 2, null);
        assertEquals(1.0, x[0] + x[1], 1e-6);
        assertTrue(x[0] >= 0 && x[1] >= 0);
    }
}
