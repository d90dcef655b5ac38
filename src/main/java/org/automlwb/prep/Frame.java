package org.automlwb.prep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.automlwb.data.ColumnKind;

/**
 * The mutable working table a recipe transforms: named columns in order (the target is never in it), plus the
 * input row each working row came from (filters drop rows while fitting) and, while fitting, the target of each
 * working row (filtered along with the rows, so it stays aligned).
 */
final class Frame {
    private LinkedHashMap<String, Col> cols;
    private int rows;
    private int[] sourceRows;
    private boolean filtered;
    private TrainingTarget target;
    private final Set<String> rawRead = new LinkedHashSet<>();

    /** A frame without a target: for applying a fitted recipe. */
    Frame(LinkedHashMap<String, Col> cols, int rows) {
        this(cols, rows, null);
    }

    /** A frame for fitting; {@code target} (one value per row) may be null when the rows have no target. */
    Frame(LinkedHashMap<String, Col> cols, int rows, TrainingTarget target) {
        if (target != null && target.rows() != rows) {
            throw new IllegalArgumentException("the training target has " + target.rows() + " values for " + rows + " rows");
        }
        this.cols = cols;
        this.rows = rows;
        this.target = target;
    }

    int rows() { return rows; }

    /** The target of the working rows, in their order, or null when there is none (always null when applying). */
    TrainingTarget target() { return target; }

    boolean has(String name) { return cols.containsKey(name); }

    List<String> names() { return new ArrayList<>(cols.keySet()); }

    /** Names of the columns, in order, that satisfy the test. */
    List<String> names(Predicate<Col> test) {
        List<String> out = new ArrayList<>();
        cols.forEach((n, c) -> { if (test.test(c)) out.add(n); });
        return out;
    }

    /** The kind of a column without counting it as read. */
    ColumnKind kind(String name) { return require(name).kind(); }

    /** The column's values; an untouched input column is recorded as one the recipe needs. */
    Col col(String name) {
        Col c = require(name);
        if (c.raw()) rawRead.add(name);
        return c;
    }

    private Col require(String name) {
        Col c = cols.get(name);
        if (c == null) {
            throw RecipeInputException.of("column does not exist at this point of the recipe", name,
                    "check the recipe's steps: an earlier step may have dropped or renamed it");
        }
        return c;
    }

    /** Replaces a column in place, keeping its position. */
    void replace(String name, Col col) {
        require(name);
        cols.put(name, col);
    }

    /** Adds a new column at the end. */
    void add(String name, Col col) {
        ensureNew(name);
        cols.put(name, col);
    }

    /** Puts {@code added} where {@code name} was and removes {@code name} (unless {@code added} keeps it). */
    void expand(String name, Map<String, Col> added) {
        require(name);
        for (String a : added.keySet()) if (!a.equals(name)) ensureNew(a);
        LinkedHashMap<String, Col> out = new LinkedHashMap<>();
        cols.forEach((n, c) -> {
            if (n.equals(name)) out.putAll(added);
            else out.put(n, c);
        });
        cols = out;
    }

    /** Adds {@code col} right after {@code after}. */
    void addAfter(String after, String name, Col col) {
        LinkedHashMap<String, Col> added = new LinkedHashMap<>();
        added.put(after, require(after));
        added.put(name, col);
        expand(after, added);
    }

    void remove(String name) {
        require(name);
        cols.remove(name);
    }

    private void ensureNew(String name) {
        if (cols.containsKey(name)) {
            throw RecipeInputException.of("the recipe would create a column that already exists", name,
                    "rename the column in the data or change the step that creates it");
        }
    }

    /** Keeps only the rows where {@code keep} is true. */
    void keepRows(boolean[] keep) {
        int kept = 0;
        for (boolean k : keep) if (k) kept++;
        if (kept == rows) return;
        int[] src = new int[kept];
        for (int i = 0, j = 0; i < keep.length; i++) if (keep[i]) src[j++] = sourceRow(i);
        final int n = kept;
        cols.replaceAll((name, c) -> c.keep(keep, n));
        if (target != null) target = target.keep(keep, n);
        sourceRows = src;
        rows = kept;
        filtered = true;
    }

    private int sourceRow(int i) { return sourceRows == null ? i : sourceRows[i]; }

    boolean filtered() { return filtered; }

    /** Input row numbers of the working rows (only meaningful when {@link #filtered()}). */
    int[] sourceRows() { return sourceRows == null ? new int[0] : sourceRows.clone(); }

    /** Input columns read so far (see {@link #col}). */
    Set<String> rawRead() { return rawRead; }
}
