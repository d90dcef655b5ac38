package org.automlwb.prep;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.data.ColumnKind;

/**
 * Encodes categories, one-hot or as category codes, and turns booleans into 0/1.
 *
 * <p>A level is kept when it occurs in at least {@code max(minCount, ceil(minFraction × training rows))} training
 * rows; at most {@code maxLevels} levels are kept, the most frequent first (ties alphabetically). Missing values
 * are the level {@code (missing)} when {@code missingAsLevel}. A real value spelt {@code (other)} counts as
 * other. Numeric columns listed here are treated as categories (their values as text); a boolean column keeps
 * its name and becomes 1 for true, 0 for false, in both modes.
 *
 * <p>{@link Mode#ONE_HOT}: for a category column {@code c} each kept level {@code v} becomes a 0/1 column
 * {@code c=v}, plus one column {@code c=(other)} that is 1 for rare levels, levels beyond the cap, and levels
 * never seen in training. A missing value that is not a level is 0 in every column.
 *
 * <p>{@link Mode#CODES}, for learners that split categories themselves (LightGBM): the column {@code c} keeps its
 * name and holds the level's position 0..k-1 among the k kept levels, in the one-hot order, and k for other
 * (rare, beyond the cap, unseen). A missing value that is not a level is -1: it is neither a level nor other,
 * like the all-zero one-hot row, and LightGBM reads negative categories as missing. (It cannot be NaN: the
 * recipe's output holds none, and the fitted recipe's median fallback would turn it into a real code.) Code
 * columns are listed by {@link FittedRecipe#categoricalFeatures()}, and scaling, clipping and binning of "every
 * numeric column" leave them alone.
 *
 * @param columns        the columns to encode; empty means every text and boolean column
 * @param minCount       fewest training rows for a level to be kept
 * @param minFraction    fewest training rows for a level, as a fraction of the rows (0.001 = 0.1 %)
 * @param maxLevels      most levels kept per column
 * @param missingAsLevel whether missing is a level of its own
 * @param mode           one-hot columns or one column of category codes; null (absent in JSON written before
 *                       there was a choice) means one-hot, and one-hot is left out of the JSON written
 */
@JsonTypeName("encode")
public record EncodeStep(List<String> columns, int minCount, double minFraction, int maxLevels,
                         boolean missingAsLevel,
                         @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = OneHotIsDefault.class)
                         Mode mode) implements Step {
    /** The level that collects rare and unseen values. */
    public static final String OTHER_LEVEL = "(other)";
    /** Default fewest rows for a level. */
    public static final int DEFAULT_MIN_COUNT = 5;
    /** Default fewest rows for a level as a fraction of the training rows. */
    public static final double DEFAULT_MIN_FRACTION = 0.001;
    /** Default most levels per column. */
    public static final int DEFAULT_MAX_LEVELS = 50;
    /**
     * Fewest levels per column that {@link #asCodes()} keeps: one code column costs the same however many levels
     * it has, so the cap that bounds one-hot width can be higher.
     */
    public static final int CODES_MIN_MAX_LEVELS = 255;
    /** The code of a missing value in codes mode when missing is not a level. */
    public static final int MISSING_CODE = -1;

    /** How a category column becomes numbers. */
    public enum Mode {
        /** One 0/1 column per kept level, plus one for other. */
        ONE_HOT,
        /** One column of level positions 0..k-1, k for other, for learners with native categorical splits. */
        CODES
    }

    public EncodeStep {
        columns = Steps.copy(columns);
        if (mode == null) mode = Mode.ONE_HOT;
    }

    /** One-hot encoding with these settings (the form every recipe had before codes mode existed). */
    public EncodeStep(List<String> columns, int minCount, double minFraction, int maxLevels, boolean missingAsLevel) {
        this(columns, minCount, minFraction, maxLevels, missingAsLevel, Mode.ONE_HOT);
    }

    /** One-hot with the defaults: levels of at least max(5, 0.1 % of rows), top 50, missing as a level. */
    public static EncodeStep oneHot(List<String> columns) {
        return new EncodeStep(columns, DEFAULT_MIN_COUNT, DEFAULT_MIN_FRACTION, DEFAULT_MAX_LEVELS, true);
    }

    /**
     * The same step in codes mode, keeping at least {@value #CODES_MIN_MAX_LEVELS} levels; unchanged if it is
     * already so (what {@link Recipe#withCategoryCodes()} does to every encode step).
     */
    public EncodeStep asCodes() {
        return new EncodeStep(columns, minCount, minFraction, Math.max(maxLevels, CODES_MIN_MAX_LEVELS),
                missingAsLevel, Mode.CODES);
    }

    @Override
    public String describe() {
        String which = Steps.join(columns, "every text and boolean column");
        String levels = "levels with at least " + minCount + " rows and " + Steps.number(minFraction * 100)
                + " % of rows, top " + maxLevels;
        if (mode == Mode.CODES) {
            return "Code " + which + " as category numbers 0, 1, 2, … (the most frequent level first; " + levels
                    + "; the rest and unseen values as the number after the last level"
                    + (missingAsLevel ? "; missing as " + ImputeStep.MISSING_LEVEL : "; missing as -1, no category")
                    + "; booleans as 0/1)";
        }
        return "One-hot encode " + which + " (" + levels + "; the rest and unseen values as " + OTHER_LEVEL
                + (missingAsLevel ? "; missing as " + ImputeStep.MISSING_LEVEL : "") + "; booleans as 0/1)";
    }

    /**
     * Jackson's test for leaving {@code mode} out of the JSON: one-hot is what a file without it means, so recipe
     * files stay as they were before codes mode existed.
     */
    static final class OneHotIsDefault {
        @Override
        public boolean equals(Object value) { return value == null || value == Mode.ONE_HOT; }

        @Override
        public int hashCode() { return 0; }
    }

    private static boolean accepts(ColumnKind k) { return !Values.isDate(k); }

    private static boolean automatic(ColumnKind k) { return k == ColumnKind.TEXT || k == ColumnKind.BOOLEAN; }

    @Override
    public void check(SchemaCheck check) {
        if (minCount < 0) check.problem("the fewest rows for a level cannot be negative");
        if (!(minFraction >= 0 && minFraction < 1)) check.problem("the fraction of rows for a level must be from 0 to below 1");
        if (maxLevels < 1) check.problem("must keep at least one level per column");
        List<String> cols = Steps.resolve(columns, check, EncodeStep::automatic);
        if (check.require(cols, EncodeStep::accepts, "encode", "text, numbers or booleans")) {
            for (String c : cols) {
                if (check.kind(c) == ColumnKind.BOOLEAN || mode == Mode.CODES) check.put(c, ColumnKind.INTEGER);
                else check.encoded(c);
            }
        }
    }

    @Override
    public FittedStep fit(Frame frame) {
        List<String> cols = Steps.resolve(columns, frame, c -> automatic(c.kind()));
        int threshold = Math.max(minCount, (int) Math.ceil(minFraction * frame.rows()));
        List<Levels> out = new ArrayList<>();
        for (String name : cols) {
            Col col = frame.col(name);
            if (col.kind() == ColumnKind.BOOLEAN) {
                out.add(new Levels(name, ColumnKind.BOOLEAN, List.of()));
                continue;
            }
            Map<String, Integer> counts = Stats.counts(Steps.categories(col, missingAsLevel));
            counts.remove(OTHER_LEVEL);
            List<String> kept = counts.entrySet().stream()
                    .filter(e -> e.getValue() >= threshold)
                    .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(maxLevels)
                    .map(Map.Entry::getKey)
                    .toList();
            out.add(new Levels(name, col.kind(), kept));
        }
        Fitted fitted = new Fitted(this, out);
        fitted.apply(frame, true);
        return fitted;
    }

    /**
     * The levels learnt for one column.
     *
     * @param column the column
     * @param kind   its type in training (BOOLEAN: encoded as 0/1, no levels)
     * @param levels the kept levels, in output order (without {@code (other)})
     */
    public record Levels(String column, ColumnKind kind, List<String> levels) {
        public Levels {
            levels = List.copyOf(levels);
        }
    }

    /**
     * The fitted form.
     *
     * @param step      the settings
     * @param encodings the levels per column, in column order
     */
    @JsonTypeName("encode")
    public record Fitted(EncodeStep step, List<Levels> encodings) implements FittedStep {
        public Fitted {
            encodings = List.copyOf(encodings);
        }

        @Override
        public String describe() {
            boolean codes = step.mode() == Mode.CODES;
            List<String> parts = new ArrayList<>();
            for (Levels l : encodings) {
                int k = l.levels().size();
                if (l.kind() == ColumnKind.BOOLEAN) parts.add(l.column() + " as 0/1");
                else if (codes) parts.add(l.column() + " (" + k + " levels as 0–" + (k - 1) + ", " + OTHER_LEVEL + " as " + k + ")");
                else parts.add(l.column() + " (" + k + " levels + " + OTHER_LEVEL + ")");
            }
            return (codes ? "Code as category numbers " : "One-hot encode ") + Steps.join(parts, "no columns");
        }

        @Override
        public void apply(Frame frame, boolean training) {
            for (Levels l : encodings) {
                Col col = frame.col(l.column());
                if (l.kind() == ColumnKind.BOOLEAN) {
                    frame.replace(l.column(), Col.flags(col.num().clone()));
                    continue;
                }
                String[] values = Steps.categories(col, step.missingAsLevel());
                int n = values.length;
                int k = l.levels().size();
                Map<String, Integer> index = new HashMap<>(k * 2);
                for (int j = 0; j < k; j++) index.put(l.levels().get(j), j);
                if (step.mode() == Mode.CODES) {
                    double[] codes = new double[n];
                    for (int i = 0; i < n; i++) {
                        String v = values[i];
                        Integer j = v == null ? null : index.get(v);
                        codes[i] = v == null ? MISSING_CODE : j == null ? k : j;
                    }
                    frame.replace(l.column(), Col.codes(codes, k + 1));
                    continue;
                }
                double[][] out = new double[k + 1][n];
                for (int i = 0; i < n; i++) {
                    String v = values[i];
                    if (v == null) continue;
                    Integer j = index.get(v);
                    out[j == null ? k : j][i] = 1;
                }
                Map<String, Col> added = new LinkedHashMap<>();
                for (int j = 0; j < k; j++) added.put(l.column() + "=" + l.levels().get(j), Col.flags(out[j]));
                added.put(l.column() + "=" + OTHER_LEVEL, Col.flags(out[k]));
                frame.expand(l.column(), added);
            }
        }
    }
}
