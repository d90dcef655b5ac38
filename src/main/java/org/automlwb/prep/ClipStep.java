package org.automlwb.prep;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.List;
import org.automlwb.data.ColumnKind;

/**
 * Limits numeric columns to bounds: values below the lower bound become the lower bound, above the upper the
 * upper. With FIXED the bounds are the given values; with QUANTILE they are learnt from the training rows as
 * quantiles (e.g. 0.01 and 0.99). A null bound means no limit on that side. Missing values stay missing.
 *
 * @param columns the columns; empty means every numeric column the recipe did not make as a 0/1 flag or as
 *                category codes
 * @param bounds  how {@code low} and {@code high} are read
 * @param low     lower bound (FIXED) or its quantile from 0 to 1 (QUANTILE), or null
 * @param high    upper bound (FIXED) or its quantile from 0 to 1 (QUANTILE), or null
 */
@JsonTypeName("clip")
public record ClipStep(List<String> columns, Bounds bounds, Double low, Double high) implements Step {
    /** How the bounds are given. */
    public enum Bounds { FIXED, QUANTILE }

    public ClipStep {
        columns = Steps.copy(columns);
        if (bounds == null) bounds = Bounds.FIXED;
    }

    @Override
    public String describe() {
        String which = Steps.join(columns, "every numeric column");
        if (bounds == Bounds.QUANTILE) {
            return "Limit " + which + " to the training " + quantileWords(low, "lowest") + " to "
                    + quantileWords(high, "highest") + " value";
        }
        return "Limit " + which + " to " + (low == null ? "−∞" : Steps.number(low)) + " … "
                + (high == null ? "+∞" : Steps.number(high));
    }

    private static String quantileWords(Double q, String none) {
        return q == null ? none : Steps.number(q * 100) + "th percentile";
    }

    @Override
    public void check(SchemaCheck check) {
        if (low == null && high == null) check.problem("has neither a lower nor an upper bound");
        if (low != null && high != null && low > high) check.problem("the lower bound is above the upper bound");
        if (bounds == Bounds.QUANTILE) {
            for (Double q : new Double[] {low, high}) {
                if (q != null && !(q >= 0 && q <= 1)) check.problem("quantiles must be from 0 to 1, not " + q);
            }
        }
        for (Double b : new Double[] {low, high}) {
            if (b != null && !Double.isFinite(b)) check.problem("bounds must be finite numbers");
        }
        List<String> cols = Steps.resolve(columns, check, Steps::plainNumber);
        if (check.require(cols, Steps::plainNumber, "clip", "numbers")) {
            cols.forEach(c -> check.put(c, ColumnKind.DECIMAL));
        }
    }

    @Override
    public FittedStep fit(Frame frame) {
        List<Limit> limits = new ArrayList<>();
        for (String name : Steps.resolve(columns, frame, Steps::continuous)) {
            if (bounds == Bounds.FIXED) {
                limits.add(new Limit(name, low, high));
            } else {
                double[] sorted = Stats.sortedFinite(frame.col(name).num());
                limits.add(new Limit(name, quantile(sorted, low), quantile(sorted, high)));
            }
        }
        Fitted fitted = new Fitted(this, limits);
        fitted.apply(frame, true);
        return fitted;
    }

    private static Double quantile(double[] sorted, Double q) {
        return q == null || sorted.length == 0 ? null : Stats.quantile(sorted, q);
    }

    /**
     * The bounds used for one column.
     *
     * @param column the column
     * @param low    lower bound or null
     * @param high   upper bound or null
     */
    public record Limit(String column, Double low, Double high) { }

    /**
     * The fitted form.
     *
     * @param step   the settings
     * @param limits one per column
     */
    @JsonTypeName("clip")
    public record Fitted(ClipStep step, List<Limit> limits) implements FittedStep {
        public Fitted {
            limits = List.copyOf(limits);
        }

        @Override
        public String describe() {
            List<String> parts = new ArrayList<>();
            for (Limit l : limits) {
                parts.add(l.column() + " to " + (l.low() == null ? "−∞" : Steps.number(l.low())) + " … "
                        + (l.high() == null ? "+∞" : Steps.number(l.high())));
            }
            return "Limit " + Steps.join(parts, "no columns");
        }

        @Override
        public void apply(Frame frame, boolean training) {
            for (Limit l : limits) {
                Col col = frame.col(l.column());
                double lo = l.low() == null ? Double.NEGATIVE_INFINITY : l.low();
                double hi = l.high() == null ? Double.POSITIVE_INFINITY : l.high();
                double[] in = col.num();
                double[] out = new double[in.length];
                for (int i = 0; i < in.length; i++) {
                    double v = in[i];
                    out[i] = v < lo ? lo : (v > hi ? hi : v); // NaN passes through
                }
                boolean whole = col.kind() == ColumnKind.INTEGER && (lo == Math.rint(lo) || Double.isInfinite(lo))
                        && (hi == Math.rint(hi) || Double.isInfinite(hi));
                frame.replace(l.column(), Col.numbers(whole ? ColumnKind.INTEGER : ColumnKind.DECIMAL, out));
            }
        }
    }
}
