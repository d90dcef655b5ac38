package org.automlwb.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;

/**
 * Test pipeline: every numeric column but the target, as doubles, missing values as 0. With {@code scale},
 * standardised by the training rows' mean and standard deviation, which makes leaks from validation rows
 * detectable.
 */
public record NumericPipeline(boolean scale) implements FeaturePipeline {
    @Override
    public FittedFeatures fit(Table train, String target) {
        List<String> names = new ArrayList<>();
        for (var c : train.columns()) if (c instanceof NumericColumn && !c.name().equals(target)) names.add(c.name());
        double[] mean = new double[names.size()];
        double[] sd = new double[names.size()];
        Arrays.fill(sd, 1);
        if (scale) {
            for (int f = 0; f < names.size(); f++) {
                double[] v = train.numberColumn(names.get(f)).asDoubleArray();
                mean[f] = Arrays.stream(v).average().orElse(0);
                double m = mean[f];
                double var = Arrays.stream(v).map(x -> (x - m) * (x - m)).average().orElse(0);
                sd[f] = var > 0 ? Math.sqrt(var) : 1;
            }
        }
        return new Fitted(names, mean, sd);
    }

    /** The fitted form: names and per-feature shift and scale. */
    public record Fitted(List<String> names, double[] mean, double[] sd) implements FittedFeatures {
        @Override
        public Table apply(Table data) {
            Table out = Table.create(data.name());
            for (int f = 0; f < names.size(); f++) {
                NumericColumn<?> c = data.numberColumn(names.get(f));
                double[] v = new double[c.size()];
                for (int i = 0; i < v.length; i++) v[i] = c.isMissing(i) ? 0 : (c.getDouble(i) - mean[f]) / sd[f];
                out.addColumns(DoubleColumn.create(names.get(f), v));
            }
            return out;
        }

        @Override
        public List<String> featureNames() { return names; }

        /** One line per feature: name, mean, sd (enough for a test; exact doubles via their text form). */
        @Override
        public String toJson() {
            StringBuilder sb = new StringBuilder();
            for (int f = 0; f < names.size(); f++) {
                sb.append(names.get(f)).append('\t').append(mean[f]).append('\t').append(sd[f]).append('\n');
            }
            return sb.toString();
        }

        public static Fitted fromJson(String text) {
            List<String> names = new ArrayList<>();
            List<double[]> stats = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (line.isEmpty()) continue;
                String[] p = line.split("\t");
                names.add(p[0]);
                stats.add(new double[] {Double.parseDouble(p[1]), Double.parseDouble(p[2])});
            }
            return new Fitted(names, stats.stream().mapToDouble(s -> s[0]).toArray(),
                    stats.stream().mapToDouble(s -> s[1]).toArray());
        }
    }
}
