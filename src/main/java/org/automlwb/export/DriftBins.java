package org.automlwb.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The reference distribution of one feature (or of the predictions) for drift monitoring, and the population
 * stability index (PSI) of new values against it.
 *
 * <p>Numeric: bins cut at the training deciles ({@code (-inf, e1], (e1, e2], ..., (ek, inf)}, equal edges merged).
 * Categorical: the {@value #MAX_CATEGORIES} most frequent training values, then one bin for every other value. Both
 * end with a bin for missing values. {@code expected} holds the training fraction of each bin.
 *
 * <p>PSI = sum over bins of (actual - expected) * ln(actual / expected), fractions floored at {@value #FLOOR} so
 * that an empty bin counts without dividing by zero. Usual reading: below 0.1 stable, 0.1 to 0.25 a moderate shift,
 * above 0.25 a significant one.
 *
 * @param name       the column name
 * @param kind       {@code numeric} or {@code categorical}
 * @param edges      numeric upper bin edges (empty for categorical)
 * @param categories categorical values with their own bin (empty for numeric)
 * @param expected   the training fraction of each bin, missing bin last
 */
public record DriftBins(String name, String kind, List<Double> edges, List<String> categories,
                        List<Double> expected) {
    /** Categories kept by name; the rest share one bin. */
    public static final int MAX_CATEGORIES = 20;
    /** The smallest fraction PSI uses for a bin. */
    public static final double FLOOR = 1e-4;
    /** The name of the bin of categories not kept. */
    public static final String OTHER = "(other)";

    public DriftBins {
        edges = List.copyOf(edges);
        categories = List.copyOf(categories);
        expected = List.copyOf(expected);
    }

    public boolean numeric() { return "numeric".equals(kind); }

    /** Bins count, missing bin included. */
    public int bins() { return expected.size(); }

    /** Reference from numeric training values (NaN = missing). */
    public static DriftBins numeric(String name, double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        TreeSet<Double> cuts = new TreeSet<>();
        for (int q = 1; q < 10 && present.length > 0; q++) {
            cuts.add(present[Math.min(present.length - 1, (int) Math.floor(q * present.length / 10.0))]);
        }
        List<Double> edges = new ArrayList<>(cuts);
        DriftBins shape = new DriftBins(name, "numeric", edges, List.of(), zeros(edges.size() + 2));
        return shape.withExpected(shape.countNumbers(values));
    }

    /** Reference from categorical training values (null = missing). */
    public static DriftBins categorical(String name, String[] values) {
        Map<String, Long> freq = new HashMap<>();
        for (String v : values) if (v != null) freq.merge(v, 1L, Long::sum);
        List<String> top = freq.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_CATEGORIES).map(Map.Entry::getKey).toList();
        DriftBins shape = new DriftBins(name, "categorical", List.of(), top, zeros(top.size() + 2));
        return shape.withExpected(shape.countLabels(values));
    }

    private static List<Double> zeros(int n) {
        return java.util.Collections.nCopies(n, 0.0);
    }

    private DriftBins withExpected(long[] counts) {
        return new DriftBins(name, kind, edges, categories, fractions(counts));
    }

    /** Bin counts of numeric values (NaN = missing). */
    public long[] countNumbers(double[] values) {
        long[] counts = new long[bins()];
        addNumbers(values, counts);
        return counts;
    }

    /** Adds numeric values to {@code counts} (for counting over several chunks). */
    public void addNumbers(double[] values, long[] counts) {
        double[] e = edges.stream().mapToDouble(Double::doubleValue).toArray();
        for (double v : values) {
            if (Double.isNaN(v)) {
                counts[counts.length - 1]++;
                continue;
            }
            int i = Arrays.binarySearch(e, v);
            counts[i >= 0 ? i : -i - 1]++;
        }
    }

    /** Bin counts of categorical values (null = missing). */
    public long[] countLabels(String[] values) {
        long[] counts = new long[bins()];
        addLabels(values, counts);
        return counts;
    }

    /** Adds categorical values to {@code counts}. */
    public void addLabels(String[] values, long[] counts) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < categories.size(); i++) index.put(categories.get(i), i);
        for (String v : values) {
            if (v == null) counts[counts.length - 1]++;
            else counts[index.getOrDefault(v, categories.size())]++;
        }
    }

    /** PSI of the given bin counts against the reference; NaN when there are no values. */
    public double psi(long[] counts) {
        long total = Arrays.stream(counts).sum();
        if (total == 0) return Double.NaN;
        double psi = 0;
        for (int i = 0; i < counts.length; i++) {
            double a = Math.max(FLOOR, (double) counts[i] / total);
            double e = Math.max(FLOOR, expected.get(i));
            psi += (a - e) * Math.log(a / e);
        }
        return psi;
    }

    /** Bin label → fraction of the given counts, for logs people read. */
    public Map<String, Double> distribution(long[] counts) {
        List<Double> f = fractions(counts);
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < f.size(); i++) if (f.get(i) > 0) out.put(label(i), f.get(i));
        return out;
    }

    private String label(int bin) {
        if (bin == bins() - 1) return "(missing)";
        if (!numeric()) return bin < categories.size() ? categories.get(bin) : OTHER;
        String lo = bin == 0 ? "-inf" : String.valueOf(edges.get(bin - 1));
        String hi = bin == edges.size() ? "inf" : String.valueOf(edges.get(bin));
        return "(" + lo + ", " + hi + "]";
    }

    private static List<Double> fractions(long[] counts) {
        long total = Arrays.stream(counts).sum();
        List<Double> out = new ArrayList<>(counts.length);
        for (long c : counts) out.add(total == 0 ? 0.0 : (double) c / total);
        return out;
    }
}
