package org.automlwb.engine.ensemble;

/** Dense Cholesky solves for the small symmetric positive definite systems of the solvers here. */
final class Cholesky {
    private Cholesky() { }

    /**
     * Solves {@code a x = b} for a symmetric positive definite {@code a} (neither argument is modified).
     *
     * <p>A matrix that is positive definite in exact arithmetic can lose that by rounding (nearly collinear
     * members under a tiny penalty); then a small multiple of the mean diagonal is added, growing until the
     * factorisation succeeds, which moves the answer far less than the rounding already did.
     */
    static double[] solve(double[][] a, double[] b) {
        int d = b.length;
        if (d == 0) return new double[0];
        double trace = 0;
        for (int i = 0; i < d; i++) trace += a[i][i];
        double meanDiag = Math.max(trace / d, Double.MIN_NORMAL);
        double jitter = 0;
        for (int attempt = 0; attempt < 30; attempt++) {
            double[][] l = factor(a, jitter);
            if (l != null) return substitute(l, b);
            jitter = jitter == 0 ? 1e-14 * meanDiag : jitter * 10;
        }
        throw new IllegalStateException("matrix is not positive definite");
    }

    /** The lower factor of {@code a + jitter I}, or null when a pivot is not positive. */
    private static double[][] factor(double[][] a, double jitter) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j] + (i == j ? jitter : 0);
                for (int k = 0; k < j; k++) s -= l[i][k] * l[j][k];
                if (i == j) {
                    if (!(s > 0)) return null;
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[] substitute(double[][] l, double[] b) {
        int d = b.length;
        double[] y = new double[d];
        for (int i = 0; i < d; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) s -= l[i][k] * y[k];
            y[i] = s / l[i][i];
        }
        double[] x = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < d; k++) s -= l[k][i] * x[k];
            x[i] = s / l[i][i];
        }
        return x;
    }
}
