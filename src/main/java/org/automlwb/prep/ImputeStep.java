package org.automlwb.prep;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.automlwb.data.ColumnKind;

/**
 * Fills missing values. The fill value is learnt from the training rows for every listed column, whether or not
 * it had missing values, so a value missing only at prediction time is still filled.
 *
 * <p>MEDIAN and MEAN apply to numeric, boolean and date columns (for booleans and dates the result is rounded to a
 * whole value, so a boolean gets its majority value); MOST_FREQUENT and CONSTANT to any column. A column with no
 * values at all in training is filled with 0 (text: {@code (missing)}). Missing indicators are 0/1 columns named
 * {@code <column>_missing}, placed right after their column.
 *
 * @param columns   the columns to fill; empty means every column the strategy applies to
 * @param strategy  how to choose the fill value
 * @param value     the fill value for CONSTANT, as text ("0", "unknown", "true", "2020-01-31"); else null
 * @param indicator when to add a missing-indicator column
 */
@JsonTypeName("impute")
public record ImputeStep(List<String> columns, Strategy strategy, String value, Indicator indicator)
        implements Step {

    /** The text fill for a text column that had no values in training. */
    public static final String MISSING_LEVEL = "(missing)";

    /** How the fill value is chosen. */
    public enum Strategy { MEDIAN, MEAN, MOST_FREQUENT, CONSTANT }

    /** When a missing-indicator column is added. */
    public enum Indicator {
        /** Never. */
        NONE,
        /** For each column that had missing values in the training rows. */
        WHEN_MISSING_AT_FIT,
        /** For every listed column. */
        ALWAYS
    }

    public ImputeStep {
        columns = Steps.copy(columns);
        if (strategy == null) strategy = Strategy.MEDIAN;
        if (indicator == null) indicator = Indicator.NONE;
    }

    /** Median fill with indicators for columns that had missing values: the automatic recipe's choice. */
    public static ImputeStep median(List<String> columns) {
        return new ImputeStep(columns, Strategy.MEDIAN, null, Indicator.WHEN_MISSING_AT_FIT);
    }

    @Override
    public String describe() {
        String how = strategy == Strategy.CONSTANT ? "'" + value + "'"
                : "the " + strategy.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " value";
        String which = Steps.join(columns, strategy == Strategy.MEDIAN || strategy == Strategy.MEAN
                ? "every numeric, boolean and date column" : "every column");
        String flag = switch (indicator) {
            case NONE -> "";
            case WHEN_MISSING_AT_FIT -> ", and flag the rows that were missing (for columns with missing values in training)";
            case ALWAYS -> ", and flag the rows that were missing";
        };
        return "Fill missing values in " + which + " with " + how + flag;
    }

    private boolean accepts(ColumnKind k) {
        return strategy == Strategy.MEDIAN || strategy == Strategy.MEAN ? Steps.notText(k) : true;
    }

    @Override
    public void check(SchemaCheck check) {
        List<String> cols = Steps.resolve(columns, check, this::accepts);
        boolean ok = check.require(cols, this::accepts, "fill", "numbers, booleans or dates for the " + strategy);
        if (strategy == Strategy.CONSTANT) {
            if (value == null) {
                check.problem("needs a value to fill with");
            } else if (ok) {
                for (String c : cols) {
                    if (Double.isNaN(constant(check.kind(c), c))) {
                        check.problem("'" + value + "' is not " + Values.words(check.kind(c)) + " (column '" + c + "')");
                    }
                }
            }
        }
        if (ok && indicator != Indicator.NONE) {
            for (String c : cols) {
                if (indicator == Indicator.ALWAYS) check.requireNew(indicatorName(c));
                check.put(indicatorName(c), ColumnKind.INTEGER);
            }
        }
    }

    static String indicatorName(String column) { return column + "_missing"; }

    private double constant(ColumnKind kind, String column) {
        Col parsed = Values.convert(Col.texts(new String[] {value}), kind, column, false);
        return parsed.num()[0];
    }

    @Override
    public FittedStep fit(Frame frame) {
        List<String> cols = Steps.resolve(columns, frame, c -> accepts(c.kind()));
        List<Fill> fills = new ArrayList<>();
        for (String name : cols) {
            Col col = frame.col(name);
            boolean hadMissing = false;
            for (int i = 0; i < col.size() && !hadMissing; i++) hadMissing = col.missing(i);
            String flag = indicator == Indicator.ALWAYS || (indicator == Indicator.WHEN_MISSING_AT_FIT && hadMissing)
                    ? indicatorName(name) : null;
            if (col.isText()) {
                String text = strategy == Strategy.CONSTANT ? value : Stats.mostFrequent(col.text());
                fills.add(new Fill(name, null, text == null ? MISSING_LEVEL : text, flag));
            } else {
                fills.add(new Fill(name, numberFill(col, name), null, flag));
            }
        }
        Fitted fitted = new Fitted(this, fills);
        fitted.apply(frame, true);
        return fitted;
    }

    private double numberFill(Col col, String name) {
        double v = switch (strategy) {
            case MEDIAN -> Stats.median(col.num());
            case MEAN -> Stats.mean(col.num());
            case MOST_FREQUENT -> Stats.mostFrequent(col.num());
            case CONSTANT -> constant(col.kind(), name);
        };
        if (Double.isNaN(v)) return 0;
        // Booleans and dates stay whole: a boolean gets its majority value, a date a real day.
        return Values.isPlainNumber(col.kind()) ? v : Math.floor(v + 0.5);
    }

    /**
     * The fill learnt for one column.
     *
     * @param column    the column
     * @param number    the fill for a numeric, boolean or date column (dates as days or seconds since 1970), else null
     * @param text      the fill for a text column, else null
     * @param indicator the name of the indicator column to add, or null
     */
    public record Fill(String column, Double number, String text, String indicator) { }

    /**
     * The fitted form: one fill per column.
     *
     * @param step  the settings
     * @param fills what was learnt, in column order
     */
    @JsonTypeName("impute")
    public record Fitted(ImputeStep step, List<Fill> fills) implements FittedStep {
        public Fitted {
            fills = List.copyOf(fills);
        }

        @Override
        public String describe() {
            List<String> parts = new ArrayList<>();
            for (Fill f : fills) {
                parts.add(f.column() + " → " + (f.text() != null ? "'" + f.text() + "'" : Steps.number(f.number()))
                        + (f.indicator() != null ? " (+ " + f.indicator() + ")" : ""));
            }
            return "Fill missing values: " + Steps.join(parts, "no columns");
        }

        @Override
        public void apply(Frame frame, boolean training) {
            for (Fill f : fills) {
                Col col = frame.col(f.column());
                int n = col.size();
                double[] flags = f.indicator() == null ? null : new double[n];
                Col filled;
                if (col.isText()) {
                    String[] out = col.text().clone();
                    for (int i = 0; i < n; i++) {
                        if (out[i] == null) { out[i] = f.text(); if (flags != null) flags[i] = 1; }
                    }
                    filled = new Col(col.kind(), col.flag(), null, out, false);
                } else {
                    double fill = f.number();
                    double[] out = col.num().clone();
                    for (int i = 0; i < n; i++) {
                        if (Double.isNaN(out[i])) { out[i] = fill; if (flags != null) flags[i] = 1; }
                    }
                    boolean fractional = col.kind() == ColumnKind.INTEGER && fill != Math.rint(fill);
                    // A column of category codes stays one while its values stay whole codes.
                    filled = new Col(fractional ? ColumnKind.DECIMAL : col.kind(), col.flag(), out, null, false,
                            fractional ? 0 : col.codes());
                }
                frame.replace(f.column(), filled);
                if (flags != null) frame.addAfter(f.column(), f.indicator(), Col.flags(flags));
            }
        }
    }
}
