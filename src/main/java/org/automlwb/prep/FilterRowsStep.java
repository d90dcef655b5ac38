package org.automlwb.prep;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.automlwb.data.ColumnKind;

/**
 * Leaves rows out of training: rows where the column is missing (when {@code dropMissing}) or outside
 * {@code min..max} (inclusive; a null bound means no limit). It acts only while fitting and when preparing
 * training rows ({@link FittedRecipe#applyForTraining}); {@link FittedRecipe#apply} never removes a row,
 * because every row given for prediction must get a prediction. Later steps are fitted on the rows kept.
 *
 * @param column      the column tested
 * @param dropMissing whether rows with a missing value are left out
 * @param min         lowest value kept, or null (numeric columns only)
 * @param max         highest value kept, or null (numeric columns only)
 */
@JsonTypeName("filter_rows")
public record FilterRowsStep(String column, boolean dropMissing, Double min, Double max)
        implements Step, FittedStep {

    /** Leaves out training rows where the column is missing. */
    public static FilterRowsStep dropMissing(String column) { return new FilterRowsStep(column, true, null, null); }

    @Override
    public String describe() {
        StringBuilder sb = new StringBuilder("While training, leave out rows where ").append(column);
        if (dropMissing) sb.append(" is missing");
        if (min != null || max != null) {
            if (dropMissing) sb.append(" or");
            sb.append(" is outside ").append(min == null ? "−∞" : Steps.number(min)).append(" … ")
                    .append(max == null ? "+∞" : Steps.number(max));
        }
        return sb.append(" (predictions are made for every row)").toString();
    }

    @Override
    public void check(SchemaCheck check) {
        if (!dropMissing && min == null && max == null) check.problem("has no condition: set missing, a minimum or a maximum");
        if (min != null && max != null && min > max) check.problem("the minimum is above the maximum");
        if (min != null || max != null) {
            check.require(java.util.List.of(column), Steps::plainNumber, "filter on", "numbers for a range");
        } else {
            check.require(java.util.List.of(column), Steps::anyKind, "filter on", "any column");
        }
    }

    @Override
    public FittedStep fit(Frame frame) {
        apply(frame, true);
        return this;
    }

    @Override
    public void apply(Frame frame, boolean training) {
        if (!training) return;
        Col col = frame.col(column);
        int n = col.size();
        boolean[] keep = new boolean[n];
        double lo = min == null ? Double.NEGATIVE_INFINITY : min;
        double hi = max == null ? Double.POSITIVE_INFINITY : max;
        boolean range = min != null || max != null;
        for (int i = 0; i < n; i++) {
            if (col.missing(i)) {
                keep[i] = !dropMissing;
            } else if (range && col.kind() != ColumnKind.TEXT) {
                double v = col.num()[i];
                keep[i] = v >= lo && v <= hi;
            } else {
                keep[i] = true;
            }
        }
        frame.keepRows(keep);
    }
}
