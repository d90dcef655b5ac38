package org.automlwb.prep;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.List;
import org.automlwb.data.ColumnKind;

/**
 * Rescales numeric columns, each on its own: {@code (x - center) / scale}.
 * STANDARD: center = mean, scale = population standard deviation; MIN_MAX: center = min, scale = max - min.
 * A column with a single value (or none) in training gets scale 1 and center its value, so it becomes 0: never
 * NaN. Missing values stay missing.
 *
 * @param columns the columns; empty means every numeric column the recipe did not make as a 0/1 flag or as
 *                category codes (one-hot, missing indicators, encoded booleans and category codes are left alone)
 * @param method  how to scale
 */
@JsonTypeName("scale")
public record ScaleStep(List<String> columns, Method method) implements Step {
    /** How a column is rescaled. */
    public enum Method { STANDARD, MIN_MAX }

    public ScaleStep {
        columns = Steps.copy(columns);
        if (method == null) method = Method.STANDARD;
    }

    /** Standardises every numeric, non-flag column: what {@link Recipe#withScaling()} appends. */
    public static ScaleStep standardiseAll() { return new ScaleStep(List.of(), Method.STANDARD); }

    @Override
    public String describe() {
        return (method == Method.STANDARD ? "Standardise " : "Rescale to 0..1 ")
                + Steps.join(columns, "every numeric column (not one-hot or indicator columns)");
    }

    @Override
    public void check(SchemaCheck check) {
        List<String> cols = Steps.resolve(columns, check, Steps::plainNumber);
        if (check.require(cols, Steps::plainNumber, "rescale", "numbers")) {
            cols.forEach(c -> check.put(c, ColumnKind.DECIMAL));
        }
    }

    @Override
    public FittedStep fit(Frame frame) {
        List<Affine> params = new ArrayList<>();
        for (String name : Steps.resolve(columns, frame, Steps::continuous)) {
            double[] values = frame.col(name).num();
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (v < min) min = v;
                if (v > max) max = v;
            }
            double center;
            double scale;
            if (!(min < max)) {
                // One value (or none): centre on it so the column becomes exactly 0.
                center = min == Double.POSITIVE_INFINITY ? 0 : min;
                scale = 1;
            } else if (method == Method.STANDARD) {
                center = Stats.mean(values);
                scale = Stats.std(values, center);
            } else {
                center = min;
                scale = max - min;
            }
            if (!(scale > 0) || !Double.isFinite(scale)) scale = 1;
            params.add(new Affine(name, center, scale));
        }
        Fitted fitted = new Fitted(this, params);
        fitted.apply(frame, true);
        return fitted;
    }

    /**
     * What was learnt for one column: {@code (x - center) / scale}.
     *
     * @param column the column
     * @param center subtracted first
     * @param scale  divided by next (never 0)
     */
    public record Affine(String column, double center, double scale) { }

    /**
     * The fitted form.
     *
     * @param step   the settings
     * @param params one per column
     */
    @JsonTypeName("scale")
    public record Fitted(ScaleStep step, List<Affine> params) implements FittedStep {
        public Fitted {
            params = List.copyOf(params);
        }

        @Override
        public String describe() {
            List<String> parts = new ArrayList<>();
            for (Affine a : params) {
                parts.add(a.column() + " (−" + Steps.number(a.center()) + ", ÷" + Steps.number(a.scale()) + ")");
            }
            return (step.method() == Method.STANDARD ? "Standardise " : "Rescale to 0..1 ") + Steps.join(parts, "no columns");
        }

        @Override
        public void apply(Frame frame, boolean training) {
            for (Affine a : params) {
                double[] in = frame.col(a.column()).num();
                double[] out = new double[in.length];
                double c = a.center();
                double s = a.scale();
                for (int i = 0; i < in.length; i++) out[i] = (in[i] - c) / s;
                frame.replace(a.column(), Col.numbers(ColumnKind.DECIMAL, out));
            }
        }
    }
}
