package org.automlwb.prep;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.automlwb.data.ColumnKind;

/**
 * Replaces numeric columns by their bin number 0, 1, … (a whole-number column of the same name). The cut points
 * are learnt from the training rows: EQUAL_WIDTH splits min..max into equal parts, QUANTILE puts about as many
 * rows in each bin (repeated cut points are merged, so there may be fewer bins). A value equal to a cut point
 * goes to the upper bin; values beyond the training range go to the first or last bin; missing stays missing.
 *
 * @param columns the columns; empty means every numeric column the recipe did not make as a 0/1 flag or as
 *                category codes
 * @param method  how cut points are placed
 * @param bins    how many bins (2 to 1000)
 */
@JsonTypeName("bin")
public record BinStep(List<String> columns, Method method, int bins) implements Step {
    /** How cut points are placed. */
    public enum Method { EQUAL_WIDTH, QUANTILE }

    private static final int MAX_BINS = 1000;

    public BinStep {
        columns = Steps.copy(columns);
        if (method == null) method = Method.QUANTILE;
    }

    @Override
    public String describe() {
        return "Put " + Steps.join(columns, "every numeric column") + " into " + bins
                + (method == Method.QUANTILE ? " bins of about equal counts" : " bins of equal width");
    }

    @Override
    public void check(SchemaCheck check) {
        if (bins < 2 || bins > MAX_BINS) check.problem("the number of bins must be from 2 to " + MAX_BINS);
        List<String> cols = Steps.resolve(columns, check, Steps::plainNumber);
        if (check.require(cols, Steps::plainNumber, "bin", "numbers")) {
            cols.forEach(c -> check.put(c, ColumnKind.INTEGER));
        }
    }

    @Override
    public FittedStep fit(Frame frame) {
        List<Edges> edges = new ArrayList<>();
        for (String name : Steps.resolve(columns, frame, Steps::continuous)) {
            double[] sorted = Stats.sortedFinite(frame.col(name).num());
            List<Double> cuts = new ArrayList<>();
            if (sorted.length > 0 && sorted[0] < sorted[sorted.length - 1]) {
                double min = sorted[0];
                double max = sorted[sorted.length - 1];
                for (int k = 1; k < bins; k++) {
                    double cut = method == Method.EQUAL_WIDTH ? min + (max - min) * k / bins
                            : Stats.quantile(sorted, (double) k / bins);
                    if (cut > min && (cuts.isEmpty() || cut > cuts.get(cuts.size() - 1))) cuts.add(cut);
                }
            }
            edges.add(new Edges(name, cuts));
        }
        Fitted fitted = new Fitted(this, edges);
        fitted.apply(frame, true);
        return fitted;
    }

    /**
     * The cut points learnt for one column.
     *
     * @param column the column
     * @param cuts   increasing cut points; bin i holds values in [cuts[i-1], cuts[i])
     */
    public record Edges(String column, List<Double> cuts) {
        public Edges {
            cuts = List.copyOf(cuts);
        }
    }

    /**
     * The fitted form.
     *
     * @param step  the settings
     * @param edges one per column
     */
    @JsonTypeName("bin")
    public record Fitted(BinStep step, List<Edges> edges) implements FittedStep {
        public Fitted {
            edges = List.copyOf(edges);
        }

        @Override
        public String describe() {
            List<String> parts = new ArrayList<>();
            for (Edges e : edges) {
                List<String> cuts = e.cuts().stream().map(Steps::number).toList();
                parts.add(e.column() + " at " + (cuts.isEmpty() ? "no cut (one bin)" : String.join(" | ", cuts)));
            }
            return "Bin " + Steps.join(parts, "no columns");
        }

        @Override
        public void apply(Frame frame, boolean training) {
            for (Edges e : edges) {
                double[] cuts = e.cuts().stream().mapToDouble(Double::doubleValue).toArray();
                double[] in = frame.col(e.column()).num();
                double[] out = new double[in.length];
                for (int i = 0; i < in.length; i++) out[i] = Double.isNaN(in[i]) ? Double.NaN : binOf(cuts, in[i]);
                frame.replace(e.column(), Col.numbers(ColumnKind.INTEGER, out));
            }
        }

        /** How many cut points are at or below v. */
        private static int binOf(double[] cuts, double v) {
            int pos = Arrays.binarySearch(cuts, v);
            if (pos >= 0) {
                while (pos + 1 < cuts.length && cuts[pos + 1] == v) pos++;
                return pos + 1;
            }
            return -pos - 1;
        }
    }
}
