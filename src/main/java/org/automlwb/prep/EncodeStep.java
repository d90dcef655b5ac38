package org.automlwb.prep;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.data.ColumnKind;

/**
 * One-hot encodes categories and turns booleans into 0/1.
 *
 * <p>For a category column {@code c} each kept level {@code v} becomes a 0/1 column {@code c=v}, plus one
 * column {@code c=(other)} that is 1 for rare levels, levels beyond the cap, and levels never seen in training.
 * A level is kept when it occurs in at least {@code max(minCount, ceil(minFraction × training rows))} training
 * rows; at most {@code maxLevels} levels are kept, the most frequent first (ties alphabetically). Missing values
 * are the level {@code (missing)} when {@code missingAsLevel}, else the row is 0 in every column. A real value
 * spelt {@code (other)} counts as other. Numeric columns listed here are treated as categories (their values
 * as text); a boolean column keeps its name and becomes 1 for true, 0 for false.
 *
 * @param columns        the columns to encode; empty means every text and boolean column
 * @param minCount       fewest training rows for a level to be kept
 * @param minFraction    fewest training rows for a level, as a fraction of the rows (0.001 = 0.1 %)
 * @param maxLevels      most levels kept per column
 * @param missingAsLevel whether missing is a level of its own
 */
@JsonTypeName("encode")
public record EncodeStep(List<String> columns, int minCount, double minFraction, int maxLevels,
                         boolean missingAsLevel) implements Step {
    /** The level that collects rare and unseen values. */
    public static final String OTHER_LEVEL = "(other)";
    /** Default fewest rows for a level. */
    public static final int DEFAULT_MIN_COUNT = 5;
    /** Default fewest rows for a level as a fraction of the training rows. */
    public static final double DEFAULT_MIN_FRACTION = 0.001;
    /** Default most levels per column. */
    public static final int DEFAULT_MAX_LEVELS = 50;

    public EncodeStep {
        columns = Steps.copy(columns);
    }

    /** One-hot with the defaults: levels of at least max(5, 0.1 % of rows), top 50, missing as a level. */
    public static EncodeStep oneHot(List<String> columns) {
        return new EncodeStep(columns, DEFAULT_MIN_COUNT, DEFAULT_MIN_FRACTION, DEFAULT_MAX_LEVELS, true);
    }

    @Override
    public String describe() {
        return "One-hot encode " + Steps.join(columns, "every text and boolean column") + " (levels with at least "
                + minCount + " rows and " + Steps.number(minFraction * 100) + " % of rows, top " + maxLevels
                + "; the rest and unseen values as " + OTHER_LEVEL
                + (missingAsLevel ? "; missing as " + ImputeStep.MISSING_LEVEL : "") + "; booleans as 0/1)";
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
                if (check.kind(c) == ColumnKind.BOOLEAN) check.put(c, ColumnKind.INTEGER);
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
            Map<String, Integer> counts = Stats.counts(texts(col));
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

    /** The column's values as category text; missing is {@code (missing)} when that is a level, else null. */
    private String[] texts(Col col) {
        String[] values = col.isText() ? col.text() : new String[col.size()];
        if (!col.isText()) {
            for (int i = 0; i < values.length; i++) values[i] = col.missing(i) ? null : Values.format(col.kind(), col.num()[i]);
        }
        if (!missingAsLevel) return values;
        String[] out = values == col.text() ? values.clone() : values;
        for (int i = 0; i < out.length; i++) if (out[i] == null) out[i] = ImputeStep.MISSING_LEVEL;
        return out;
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
            List<String> parts = new ArrayList<>();
            for (Levels l : encodings) {
                parts.add(l.kind() == ColumnKind.BOOLEAN ? l.column() + " as 0/1"
                        : l.column() + " (" + l.levels().size() + " levels + " + OTHER_LEVEL + ")");
            }
            return "One-hot encode " + Steps.join(parts, "no columns");
        }

        @Override
        public void apply(Frame frame, boolean training) {
            for (Levels l : encodings) {
                Col col = frame.col(l.column());
                if (l.kind() == ColumnKind.BOOLEAN) {
                    frame.replace(l.column(), Col.flags(col.num().clone()));
                    continue;
                }
                String[] values = step.texts(col);
                int n = values.length;
                int k = l.levels().size();
                Map<String, Integer> index = new HashMap<>(k * 2);
                for (int j = 0; j < k; j++) index.put(l.levels().get(j), j);
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
