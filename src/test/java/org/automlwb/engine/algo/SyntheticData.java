package org.automlwb.engine.algo;

import java.util.SplittableRandom;
import org.automlwb.engine.TaskType;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Small generated data sets with an easy signal: four features uniform on [0, 1] (so naive Bayes applies),
 * and a target, each optionally standardised for the algorithms that ask for it.
 *
 * <ul>
 *   <li>binary: {@code x0 > x1}</li>
 *   <li>multiclass: the largest of {@code x0, x1, x2} names the class</li>
 *   <li>regression: {@code 3 x0 - 2 x1 + x2 + noise(0.1)}</li>
 * </ul>
 */
final class SyntheticData {
    static final int FEATURES = 4;
    private static final String[] NAMES = {"x0", "x1", "x2", "x3"};
    // Mean and standard deviation of U(0, 1).
    private static final double MEAN = 0.5;
    private static final double STD = Math.sqrt(1.0 / 12.0);
    // Mean and standard deviation of the regression target below.
    private static final double Y_MEAN = 1.0;
    private static final double Y_STD = Math.sqrt(14.0 / 12.0 + 0.01);

    private SyntheticData() { }

    /**
     * Builds {@code rows} rows for {@code task}; the same seed gives the same rows.
     *
     * @param scaled       standardise the features
     * @param scaledTarget standardise the regression target
     */
    @SuppressWarnings("unchecked")
    static <T extends Output<T>> MutableDataset<T> generate(TaskType task, int rows, boolean scaled,
                                                            boolean scaledTarget, long seed) {
        OutputFactory<T> factory = (OutputFactory<T>) (task.isClassification()
                ? new LabelFactory() : new RegressionFactory());
        MutableDataset<T> data = new MutableDataset<>(new SimpleDataSourceProvenance("synthetic-" + task.key(),
                factory), factory);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int r = 0; r < rows; r++) {
            double[] x = new double[FEATURES];
            for (int f = 0; f < FEATURES; f++) x[f] = rng.nextDouble();
            T output = (T) output(task, x, rng, scaledTarget);
            double[] values = new double[FEATURES];
            for (int f = 0; f < FEATURES; f++) values[f] = scaled ? (x[f] - MEAN) / STD : x[f];
            data.add(new ArrayExample<>(output, NAMES, values));
        }
        return data;
    }

    private static Output<?> output(TaskType task, double[] x, SplittableRandom rng, boolean scaledTarget) {
        return switch (task) {
            case BINARY -> new Label(x[0] > x[1] ? "yes" : "no");
            case MULTICLASS -> new Label(x[0] >= x[1] && x[0] >= x[2] ? "a" : x[1] >= x[2] ? "b" : "c");
            case REGRESSION -> {
                double y = 3 * x[0] - 2 * x[1] + x[2] + 0.1 * gaussian(rng);
                yield new Regressor("y", scaledTarget ? (y - Y_MEAN) / Y_STD : y);
            }
        };
    }

    private static double gaussian(SplittableRandom rng) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = Math.max(rng.nextDouble(), 1e-12);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    static int classes(TaskType task) {
        return switch (task) {
            case BINARY -> 2;
            case MULTICLASS -> 3;
            case REGRESSION -> 0;
        };
    }
}
