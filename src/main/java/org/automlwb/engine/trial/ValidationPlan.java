package org.automlwb.engine.trial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.automlwb.common.BadInputException;
import org.automlwb.engine.Targets;

/**
 * Which rows train and which validate, fold by fold; deterministic from a seed.
 *
 * <p>Classification folds are stratified: the rows of each class are shuffled, the classes laid end to end,
 * and rows dealt to folds in turn, so a class with at least k rows is in every fold, and a rarer class (even a
 * single row) lands in as many folds as it has rows. Regression folds are a plain shuffled k-fold. Above
 * {@link ValidationSettings#holdoutAboveRows()} rows a single (stratified) holdout is used instead.
 *
 * @param kind      cross-validation or holdout
 * @param folds     each fold's training and validation row indices, both sorted ascending and disjoint
 * @param subsample rows of fold 0's training set for successive-halving rung 0 (sorted, stratified), or an
 *                  empty array when rung 0 is skipped
 * @param rows      rows of the training table
 */
public record ValidationPlan(Kind kind, List<Fold> folds, int[] subsample, int rows)
        implements java.io.Serializable {
    /** Cross-validation (every row validated once) or holdout (only the held-out rows are validated). */
    public enum Kind { CROSS_VALIDATION, HOLDOUT }

    /** One split. Both arrays sorted ascending. */
    public record Fold(int[] train, int[] validation) implements java.io.Serializable { }

    public ValidationPlan {
        folds = List.copyOf(folds);
    }

    /**
     * Makes the plan.
     *
     * @throws BadInputException when cross-validation is due and there are fewer rows than folds
     */
    public static ValidationPlan create(Targets targets, ValidationSettings settings, long seed)
            throws BadInputException {
        int n = targets.size();
        Random rng = new Random(seed);
        int[][] groups = groups(targets, rng);
        Kind kind;
        List<Fold> folds;
        if (n > settings.holdoutAboveRows()) {
            kind = Kind.HOLDOUT;
            folds = List.of(holdout(groups, n, settings.holdoutFraction()));
        } else {
            if (n < settings.folds()) {
                throw new BadInputException("only " + n + " rows have a target, but " + settings.folds()
                        + "-fold cross-validation needs at least " + settings.folds(), null, 0, null,
                        "add rows to the file");
            }
            kind = Kind.CROSS_VALIDATION;
            folds = kFold(groups, n, settings.folds());
        }
        int[] fold0 = folds.get(0).train();
        int[] subsample = fold0.length >= settings.subsampleMinRows()
                ? subsample(targets, fold0, settings.subsampleFraction(), rng)
                : new int[0];
        return new ValidationPlan(kind, folds, subsample, n);
    }

    /**
     * About {@code count} of the rows, sorted ascending, drawn like a holdout: stratified by class, so every class
     * with a row keeps at least one (a rare class is never lost by sampling).
     */
    public static int[] stratifiedSample(Targets targets, int count, long seed) {
        int n = targets.size();
        if (count >= n) return IntStream.range(0, n).toArray();
        double fraction = count / (double) n;
        List<Integer> picked = new ArrayList<>(count + 16);
        for (int[] group : groups(targets, new Random(seed))) {
            if (group.length == 0) continue;
            int take = Math.max(1, (int) Math.round(fraction * group.length));
            for (int i = 0; i < take; i++) picked.add(group[i]);
        }
        return picked.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Whether successive-halving rung 0 (fold 0 on a subsample) runs. */
    public boolean hasSubsample() { return subsample.length > 0; }

    /**
     * The rows that get an out-of-fold prediction, ascending: every row for cross-validation, the held-out
     * rows for holdout. Out-of-fold predictions and their targets are in this order.
     */
    public int[] scoredRows() {
        return folds.stream().flatMapToInt(f -> Arrays.stream(f.validation())).sorted().toArray();
    }

    /** Whether every row is scored (cross-validation). */
    public boolean coversAllRows() { return kind == Kind.CROSS_VALIDATION; }

    /** For logs and reports, e.g. {@code 5-fold cross-validation} or {@code holdout of 12000 rows}. */
    public String describe() {
        return kind == Kind.CROSS_VALIDATION
                ? folds.size() + "-fold cross-validation"
                : "holdout of " + folds.get(0).validation().length + " rows";
    }

    /** Row indices grouped by class (one group for regression), each group shuffled. */
    private static int[][] groups(Targets targets, Random rng) {
        int n = targets.size();
        if (!targets.isClassification()) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            shuffle(all, rng);
            return new int[][] {all};
        }
        // Index k collects labels unseen in training (-1), which training data should not have, but may.
        int k = targets.classNames().size();
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c <= k; c++) byClass.add(new ArrayList<>());
        for (int i = 0; i < n; i++) {
            int c = targets.classIndex()[i];
            byClass.get(c < 0 ? k : c).add(i);
        }
        int[][] out = new int[k + 1][];
        for (int c = 0; c <= k; c++) {
            out[c] = byClass.get(c).stream().mapToInt(Integer::intValue).toArray();
            shuffle(out[c], rng);
        }
        return out;
    }

    private static List<Fold> kFold(int[][] groups, int n, int k) {
        int[] foldOf = new int[n];
        int position = 0;
        for (int[] group : groups) {
            for (int row : group) foldOf[row] = position++ % k;
        }
        List<Fold> folds = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            final int fold = f;
            int[] validation = IntStream.range(0, n).filter(i -> foldOf[i] == fold).toArray();
            int[] train = IntStream.range(0, n).filter(i -> foldOf[i] != fold).toArray();
            folds.add(new Fold(train, validation));
        }
        return folds;
    }

    private static Fold holdout(int[][] groups, int n, double fraction) {
        boolean[] held = new boolean[n];
        for (int[] group : groups) {
            int take = (int) Math.round(fraction * group.length);
            // Every class with two rows or more is validated and still trained on.
            if (group.length >= 2) take = Math.max(1, Math.min(group.length - 1, take));
            for (int i = 0; i < take; i++) held[group[i]] = true;
        }
        int[] validation = IntStream.range(0, n).filter(i -> held[i]).toArray();
        int[] train = IntStream.range(0, n).filter(i -> !held[i]).toArray();
        return new Fold(train, validation);
    }

    private static int[] subsample(Targets targets, int[] fold0Train, double fraction, Random rng) {
        int[][] groups = groups(targets.select(fold0Train), rng);
        List<Integer> picked = new ArrayList<>();
        for (int[] group : groups) {
            if (group.length == 0) continue;
            // At least one row of each class, so rung 0 trains on every class fold 0 has.
            int take = targets.isClassification()
                    ? Math.max(1, (int) Math.round(fraction * group.length))
                    : (int) Math.round(fraction * group.length);
            for (int i = 0; i < take; i++) picked.add(fold0Train[group[i]]);
        }
        return picked.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static void shuffle(int[] a, Random rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
