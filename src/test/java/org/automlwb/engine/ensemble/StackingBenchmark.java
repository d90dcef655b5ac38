package org.automlwb.engine.ensemble;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.Targets;

/**
 * Times the large cases by hand (stack fit, combine, calibration, a 5-fold cross-fitted stack, the regression
 * stack); not a test: the suite has no timed assertions. Reports the main thread's CPU
 * time next to the wall time, since the machine may be shared.
 * <pre>
 * java -cp target/classes:target/test-classes:DEPENDENCIES org.automlwb.engine.ensemble.StackingBenchmark [rows members classes]
 * </pre>
 */
public final class StackingBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private StackingBenchmark() { }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 150_000;
        int m = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int k = args.length > 2 ? Integer.parseInt(args[2]) : 23;
        Synthetic.Problem problem = Synthetic.manyMembers(n, m, k, 7);
        TaskType task = k == 2 ? TaskType.BINARY : TaskType.MULTICLASS;
        Targets t = problem.targets();
        double best = Double.POSITIVE_INFINITY;
        for (Predictions p : problem.members()) best = Math.min(best, Metric.LOGLOSS.compute(t, p));
        for (int rep = 0; rep < 3; rep++) {
            long[] start = now();
            StackingFit fit = StackingFitter.fit(task, problem.members(), t, 42);
            String fitTime = since(start);
            start = now();
            Predictions combined = fit.metalearner().combine(problem.members());
            String combineTime = since(start);
            start = now();
            Calibration c = Calibration.fit(task, t, combined);
            String calibrationTime = since(start);
            System.out.printf("%d x %d x %d: stack fit %s, combine %s, calibration fit %s; log loss %.5f (best member"
                    + " %.5f), lambda %g, %s%n", n, m, k, fitTime, combineTime, calibrationTime,
                    Metric.LOGLOSS.compute(t, combined), best, fit.metalearner().lambda(), c);
        }
        long[] start = now();
        Predictions crossFitted = CrossFit.predictions(problem.members(), t, CombinerFitter.stacking(task, 42), 5, 1);
        System.out.printf("5-fold cross-fitted stack: %s; log loss %.5f%n", since(start),
                Metric.LOGLOSS.compute(t, crossFitted));
        regression(n, m);
    }

    private static void regression(int n, int m) {
        SplittableRandom rng = new SplittableRandom(3);
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = 3 * rng.nextGaussian();
        List<Predictions> members = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = y[i] + (0.5 + 0.1 * j) * rng.nextGaussian();
            members.add(Predictions.ofValues(v));
        }
        for (int rep = 0; rep < 3; rep++) {
            long[] start = now();
            StackingFit fit = StackingFitter.fit(TaskType.REGRESSION, members, Targets.regression(y), 42);
            System.out.printf("regression %d x %d: stack fit %s, lambda %g%n", n, m, since(start), fit.metalearner().lambda());
        }
    }

    private static long[] now() {
        return new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()};
    }

    private static String since(long[] start) {
        return String.format("%.2f s (cpu %.2f s)", (System.nanoTime() - start[0]) / 1e9,
                (THREADS.getCurrentThreadCpuTime() - start[1]) / 1e9);
    }
}
