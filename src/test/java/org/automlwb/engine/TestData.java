package org.automlwb.engine;

import java.util.Random;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Generated tables with a learnable signal, seeded. */
public final class TestData {
    private TestData() { }

    /** y = "yes" when x1 + 0.5 x2 + noise > 0.3; x3 is noise. */
    public static Table binary(int n, long seed) {
        Random r = new Random(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] x3 = new double[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextGaussian();
            x2[i] = r.nextGaussian() * 2 + 1;
            x3[i] = r.nextGaussian();
            y[i] = x1[i] + 0.5 * (x2[i] - 1) + 0.5 * r.nextGaussian() > 0.3 ? "yes" : "no";
        }
        return Table.create("binary", DoubleColumn.create("x1", x1), DoubleColumn.create("x2", x2),
                DoubleColumn.create("x3", x3), StringColumn.create("y", y));
    }

    /** Three classes by the sign pattern of x1 and x2. */
    public static Table multiclass(int n, long seed) {
        Random r = new Random(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextGaussian();
            x2[i] = r.nextGaussian();
            double a = x1[i] + 0.3 * r.nextGaussian();
            y[i] = a < -0.5 ? "low" : a > 0.5 ? "high" : "mid";
        }
        return Table.create("multi", DoubleColumn.create("x1", x1), DoubleColumn.create("x2", x2),
                StringColumn.create("y", y));
    }

    /** y = 3 x1 - 2 x2 + noise. */
    public static Table regression(int n, long seed) {
        Random r = new Random(seed);
        double[] x1 = new double[n];
        double[] x2 = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = r.nextGaussian();
            x2[i] = r.nextGaussian();
            y[i] = 3 * x1[i] - 2 * x2[i] + 0.3 * r.nextGaussian();
        }
        return Table.create("reg", DoubleColumn.create("x1", x1), DoubleColumn.create("x2", x2),
                DoubleColumn.create("y", y));
    }
}
