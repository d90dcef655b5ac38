package org.automlwb.engine.ensemble;

import java.util.Arrays;
import java.util.List;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.Targets;

/**
 * Fits a {@link StackingMetalearner} to members' out-of-fold predictions: chooses the penalty λ by inner k-fold
 * cross-validation over a small grid, then refits on every row with that λ.
 *
 * <p>For each inner fold, the stack is fitted on the other folds for every λ, from the largest to the smallest,
 * each fit starting from the previous one's solution (the solutions move little from one λ to the next, so each
 * takes a few Newton steps), and scored on the held-out fold by the loss it minimises: mean log loss, or mean
 * squared error. The λ with the lowest held-out loss over all rows wins; a tie goes to the larger λ, the simpler
 * stack. The folds are deterministic from the seed and stratified for classification.
 *
 * <p>Classification chooses λ on a stratified subsample of at most {@link #MAX_TUNING_ROWS} rows: λ matters when
 * rows are few, and a grid of λ times k folds of full fits on a large data set would cost many times the final
 * fit for a choice that, with that many rows, barely moves the weights. The final fit always uses every row.
 * Regression tunes on every row: its fits reduce to one pass for the moments of each fold.
 *
 * <p>Rows whose class was never seen in training (class index -1) carry no information on the weights and are
 * left out of the fit; they still get predictions. Pure: the same inputs and seed give the same result.
 */
public final class StackingFitter {
    /** The default penalties, log spaced from negligible to strong. */
    public static final double[] DEFAULT_LAMBDAS = {1e-4, 1e-3, 1e-2, 1e-1, 1};
    /** The default number of inner folds. */
    public static final int DEFAULT_FOLDS = 5;
    /** Classification chooses λ on at most this many rows. */
    public static final int MAX_TUNING_ROWS = 10_000;

    private static final long SUBSAMPLE_SALT = 0x57AC4L;

    private StackingFitter() { }

    /**
     * Fits with {@link #DEFAULT_LAMBDAS} and {@link #DEFAULT_FOLDS}.
     *
     * @param task    the task
     * @param members each member's out-of-fold predictions of the rows of {@code targets}
     * @param targets the true values of those rows
     * @param seed    the seed of the inner folds
     * @return the fitted stack, its tuning and its predictions of the rows
     * @throws IllegalArgumentException as {@link #fit(TaskType, List, Targets, double[], int, long)}
     */
    public static StackingFit fit(TaskType task, List<Predictions> members, Targets targets, long seed) {
        return fit(task, members, targets, DEFAULT_LAMBDAS, DEFAULT_FOLDS, seed);
    }

    /**
     * Fits the stack.
     *
     * @param task    the task; regression needs regression targets and values, classification class targets
     *                and one probability column per class
     * @param members each member's out-of-fold predictions of the rows of {@code targets}, all of one kind
     * @param targets the true values of those rows
     * @param lambdas the penalties to choose from, each finite and positive; with a single one, nothing is tuned
     * @param folds   inner folds to choose λ with, at least 2 (fewer when there are fewer rows)
     * @param seed    the seed of the inner folds (and of the tuning subsample)
     * @return the fitted stack, its tuning and its predictions of the rows
     * @throws IllegalArgumentException when the members do not fit the task or the targets, or a value is NaN
     */
    public static StackingFit fit(TaskType task, List<Predictions> members, Targets targets, double[] lambdas,
            int folds, long seed) {
        double[] grid = checkedGrid(lambdas);
        if (folds < 2) throw new IllegalArgumentException("need at least 2 folds, got " + folds);
        checkMembers(task, members, targets);
        return task.isClassification()
                ? fitClassification(task, members, targets, grid, folds, seed)
                : fitRegression(members, targets, grid, folds, seed);
    }

    private static StackingFit fitRegression(List<Predictions> members, Targets targets, double[] grid, int folds,
            long seed) {
        int n = targets.size();
        double[][] x = new double[members.size()][];
        for (int j = 0; j < x.length; j++) x[j] = members.get(j).values();
        RegressionStackSolver solver = new RegressionStackSolver(x, targets.values());
        double[] losses = new double[grid.length];
        int k = Math.min(folds, n);
        if (grid.length == 1 || k < 2) {
            Arrays.fill(losses, Double.NaN);
        } else {
            int[] foldOf = Folds.assign(targets, k, seed);
            for (int f = 0; f < k; f++) {
                RegressionStackSolver.Moments moments = solver.moments(Folds.rowsNotIn(foldOf, f));
                int[] held = Folds.rowsIn(foldOf, f);
                for (int l = 0; l < grid.length; l++) losses[l] += solver.squaredError(moments.solve(grid[l]), held);
            }
            for (int l = 0; l < grid.length; l++) losses[l] /= n;
        }
        double lambda = grid[best(losses)];
        RegressionStackSolver.Solution s = solver.moments(Folds.sequence(n)).solve(lambda);
        StackingMetalearner stack = StackingMetalearner.regression(s.weights(), s.intercept(), lambda);
        return new StackingFit(stack, grid, losses, stack.combine(members));
    }

    private static StackingFit fitClassification(TaskType task, List<Predictions> members, Targets targets,
            double[] grid, int folds, long seed) {
        int n = targets.size();
        int classes = targets.classNames().size();
        int[] labels = targets.classIndex();
        int[] valid = rowsWithKnownClass(labels, classes);
        if (valid.length == 0) throw new IllegalArgumentException("no row has a class seen in training");
        SoftmaxStackSolver solver = new SoftmaxStackSolver(LogProbabilities.of(members, classes), labels);

        int[] tuning = map(valid, Folds.subsample(targets.select(valid), MAX_TUNING_ROWS, seed ^ SUBSAMPLE_SALT));
        int k = Math.min(folds, tuning.length);
        double[] losses = new double[grid.length];
        double[] start = solver.coldStart();
        if (grid.length == 1 || k < 2) {
            Arrays.fill(losses, Double.NaN);
        } else {
            int[] foldOf = Folds.assign(targets.select(tuning), k, seed);
            double[][][] solutions = new double[k][grid.length][];
            for (int f = 0; f < k; f++) {
                int[] train = map(tuning, Folds.rowsNotIn(foldOf, f));
                int[] held = map(tuning, Folds.rowsIn(foldOf, f));
                // The folds share most of their rows, so fold 0's first solution is a good start for the others;
                // along the grid, each λ starts where the previous (larger) one ended.
                SoftmaxStackSolver.Point point = solver.at(train,
                        f == 0 ? solver.coldStart() : solutions[0][grid.length - 1]);
                for (int l = grid.length - 1; l >= 0; l--) {
                    point = solver.fit(point, grid[l], SoftmaxStackSolver.TUNING_TOLERANCE);
                    solutions[f][l] = point.theta();
                    losses[l] += solver.loss(held, point.theta()) * held.length;
                }
            }
            for (int l = 0; l < grid.length; l++) losses[l] /= tuning.length;
            // The folds' solutions for the chosen λ, averaged, start the final fit close to its answer.
            start = new double[start.length];
            int chosen = best(losses);
            for (int f = 0; f < k; f++) {
                for (int j = 0; j < start.length; j++) start[j] += solutions[f][chosen][j] / k;
            }
        }
        double lambda = grid[best(losses)];
        double[] theta = solver.fit(solver.at(valid, start), lambda, SoftmaxStackSolver.TOLERANCE).theta();
        int m = members.size();
        StackingMetalearner stack = StackingMetalearner.classification(task, Arrays.copyOf(theta, m),
                Arrays.copyOfRange(theta, m, m + classes), lambda);
        Predictions fitted = Predictions.ofProbabilities(solver.probabilities(Folds.sequence(n), theta));
        return new StackingFit(stack, grid, losses, fitted);
    }

    /** The index of the lowest loss; ties (and an untuned grid of NaNs) go to the largest λ. */
    private static int best(double[] losses) {
        int best = losses.length - 1;
        for (int l = losses.length - 2; l >= 0; l--) if (losses[l] < losses[best]) best = l;
        return best;
    }

    private static int[] rowsWithKnownClass(int[] labels, int classes) {
        return Arrays.stream(Folds.sequence(labels.length)).filter(i -> labels[i] >= 0 && labels[i] < classes)
                .toArray();
    }

    private static int[] map(int[] rows, int[] positions) {
        int[] out = new int[positions.length];
        for (int i = 0; i < out.length; i++) out[i] = rows[positions[i]];
        return out;
    }

    private static double[] checkedGrid(double[] lambdas) {
        if (lambdas == null || lambdas.length == 0) throw new IllegalArgumentException("no lambda to try");
        double[] grid = Arrays.stream(lambdas).sorted().distinct().toArray();
        for (double l : grid) {
            if (!(l > 0) || Double.isInfinite(l)) throw new IllegalArgumentException("lambda must be positive: " + l);
        }
        return grid;
    }

    /** Checks kinds and sizes up front, so a mismatch is reported as such and not as an index error. */
    static void checkMembers(TaskType task, List<Predictions> members, Targets targets) {
        if (task == null || members == null || targets == null) throw new IllegalArgumentException("missing input");
        if (members.isEmpty()) throw new IllegalArgumentException("a stack needs at least one member");
        if (task.isClassification() != targets.isClassification()) {
            throw new IllegalArgumentException("targets do not fit a " + task.key() + " task");
        }
        int n = targets.size();
        if (n == 0) throw new IllegalArgumentException("no rows");
        int classes = targets.classNames().size();
        if (task == TaskType.BINARY && classes != 2) {
            throw new IllegalArgumentException("binary task with " + classes + " classes");
        }
        if (task.isClassification() && classes < 2) throw new IllegalArgumentException("fewer than 2 classes");
        for (int m = 0; m < members.size(); m++) {
            Predictions p = members.get(m);
            if (p == null) throw new IllegalArgumentException("member " + m + " has no predictions");
            if (p.isClassification() != task.isClassification()) {
                throw new IllegalArgumentException("member " + m + "'s predictions do not fit a " + task.key() + " task");
            }
            if (p.size() != n) {
                throw new IllegalArgumentException("member " + m + " predicts " + p.size() + " rows, targets have " + n);
            }
            if (task.isClassification()) {
                for (double[] row : p.probabilities()) {
                    if (row.length != classes) {
                        throw new IllegalArgumentException("member " + m + " has " + row.length
                                + " probability columns, targets " + classes + " classes");
                    }
                }
            } else {
                for (double v : p.values()) {
                    if (!Double.isFinite(v)) throw new IllegalArgumentException("member " + m + " predicts " + v);
                }
            }
        }
        if (!task.isClassification()) {
            for (double v : targets.values()) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException("target value " + v);
            }
        }
    }
}
