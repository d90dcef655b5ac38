package org.automlwb.engine.ensemble;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.automlwb.engine.Targets;

/**
 * Deterministic k-fold assignments of rows, for fitting a combiner on some rows and scoring it on others.
 *
 * <p>Classification folds are stratified: each class's rows are shuffled, the classes laid end to end, and rows
 * dealt to the folds in turn, so every class with at least k rows is in every fold and a held-out fold looks like
 * the rows a combiner was fitted on. Rows whose label was never seen in training (class index -1) form one more
 * group. Regression folds are a plain shuffled k-fold. The same targets, k and seed always give the same folds.
 */
public final class Folds {
    private Folds() { }

    /**
     * The fold of each row.
     *
     * @param targets the rows' targets (only used to stratify classification)
     * @param k       the number of folds, at least 2 and at most the number of rows
     * @param seed    the shuffle's seed
     * @return for each row, its fold in {@code 0 .. k-1}; every fold has at least one row
     * @throws IllegalArgumentException when k is below 2 or above the number of rows
     */
    public static int[] assign(Targets targets, int k, long seed) {
        int n = targets.size();
        if (k < 2 || k > n) throw new IllegalArgumentException("need 2 <= folds <= rows, got " + k + " folds, " + n + " rows");
        int[] foldOf = new int[n];
        int position = 0;
        for (int[] group : shuffledGroups(targets, seed)) {
            for (int row : group) foldOf[row] = position++ % k;
        }
        return foldOf;
    }

    /**
     * The rows of one fold.
     *
     * @param foldOf each row's fold, from {@link #assign}
     * @param f      the fold
     * @return its rows, ascending
     */
    public static int[] rowsIn(int[] foldOf, int f) {
        return rows(foldOf, f, true);
    }

    /**
     * The rows outside one fold: a combiner's training rows for that fold.
     *
     * @param foldOf each row's fold, from {@link #assign}
     * @param f      the fold
     * @return the other folds' rows, ascending
     */
    public static int[] rowsNotIn(int[] foldOf, int f) {
        return rows(foldOf, f, false);
    }

    /**
     * A stratified random subset of about {@code size} rows, ascending: each class keeps its share (at least one
     * row of each class present). Used where a choice (such as the stack's penalty) can be made on fewer rows
     * than the fit itself.
     *
     * @param targets the rows' targets (to stratify classification)
     * @param size    about how many rows to keep
     * @param seed    the shuffle's seed
     * @return the kept rows, ascending; all rows when {@code size} is at least the number of rows
     */
    public static int[] subsample(Targets targets, int size, long seed) {
        int n = targets.size();
        if (size >= n) return sequence(n);
        boolean[] keep = new boolean[n];
        for (int[] group : shuffledGroups(targets, seed)) {
            if (group.length == 0) continue;
            int take = Math.max(1, (int) Math.round((double) size * group.length / n));
            for (int i = 0; i < Math.min(take, group.length); i++) keep[group[i]] = true;
        }
        int count = 0;
        for (boolean b : keep) if (b) count++;
        int[] out = new int[count];
        for (int i = 0, j = 0; i < n; i++) if (keep[i]) out[j++] = i;
        return out;
    }

    /** 0, 1, ..., n-1: every row. */
    static int[] sequence(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = i;
        return out;
    }

    private static int[] rows(int[] foldOf, int f, boolean in) {
        int count = 0;
        for (int x : foldOf) if ((x == f) == in) count++;
        int[] out = new int[count];
        for (int i = 0, j = 0; i < foldOf.length; i++) if ((foldOf[i] == f) == in) out[j++] = i;
        return out;
    }

    /** Row indices grouped by class (one group for regression), each group shuffled. */
    private static List<int[]> shuffledGroups(Targets targets, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int n = targets.size();
        List<int[]> out = new ArrayList<>();
        if (!targets.isClassification()) {
            out.add(shuffled(sequence(n), rng));
            return out;
        }
        int k = targets.classNames().size();
        int[] count = new int[k + 1];
        int[] idx = targets.classIndex();
        for (int c : idx) count[groupOf(c, k)]++;
        int[][] groups = new int[k + 1][];
        for (int g = 0; g <= k; g++) groups[g] = new int[count[g]];
        int[] fill = new int[k + 1];
        for (int i = 0; i < n; i++) {
            int g = groupOf(idx[i], k);
            groups[g][fill[g]++] = i;
        }
        for (int[] group : groups) out.add(shuffled(group, rng));
        return out;
    }

    /** Unseen labels (-1), or any index outside the class list, share the last group. */
    private static int groupOf(int classIndex, int k) {
        return classIndex >= 0 && classIndex < k ? classIndex : k;
    }

    private static int[] shuffled(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}
