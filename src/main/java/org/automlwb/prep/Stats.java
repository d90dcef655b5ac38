package org.automlwb.prep;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Summary statistics over the non-missing values of a column, as the fitted steps need them. */
final class Stats {
    private Stats() { }

    /** The finite values, sorted ascending. */
    static double[] sortedFinite(double[] values) {
        double[] out = new double[values.length];
        int n = 0;
        for (double v : values) if (Double.isFinite(v)) out[n++] = v;
        out = Arrays.copyOf(out, n);
        Arrays.sort(out);
        return out;
    }

    /** Quantile with linear interpolation between order statistics (R type 7); NaN when empty. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) return Double.NaN;
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        double frac = pos - lo;
        return frac == 0 ? sorted[lo] : sorted[lo] + frac * (sorted[hi] - sorted[lo]);
    }

    /**
     * Median of the finite values (the mean of the two middle ones for an even count), NaN when there are none.
     * Selection instead of a full sort: the fit takes a median of every output feature.
     */
    static double median(double[] values) {
        double[] a = new double[values.length];
        int n = 0;
        for (double v : values) if (Double.isFinite(v)) a[n++] = v;
        if (n == 0) return Double.NaN;
        int mid = (n - 1) / 2;
        double lower = select(a, n, mid);
        if (n % 2 == 1) return lower;
        // After selection everything right of mid is >= lower: the upper middle is their minimum.
        double upper = Double.POSITIVE_INFINITY;
        for (int i = mid + 1; i < n; i++) upper = Math.min(upper, a[i]);
        return lower + 0.5 * (upper - lower);
    }

    /** Hoare's quickselect: the k-th smallest of a[0..n), partially reordering a; deterministic middle pivot. */
    private static double select(double[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            double pivot = a[(lo + hi) >>> 1];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) i++;
                while (a[j] > pivot) j--;
                if (i <= j) {
                    double t = a[i]; a[i] = a[j]; a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) hi = j;
            else if (k >= i) lo = i;
            else return a[k];
        }
        return a[k];
    }

    /** Mean of the finite values; NaN when there are none. */
    static double mean(double[] values) {
        double sum = 0;
        long n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) { sum += v; n++; }
        }
        return n == 0 ? Double.NaN : sum / n;
    }

    /** Population standard deviation of the finite values around {@code mean} (two-pass, for accuracy). */
    static double std(double[] values, double mean) {
        double ss = 0;
        long n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) { double d = v - mean; ss += d * d; n++; }
        }
        return n == 0 ? Double.NaN : Math.sqrt(ss / n);
    }

    /** The most frequent finite value, the smallest on ties; NaN when there are none. */
    static double mostFrequent(double[] values) {
        double[] sorted = sortedFinite(values);
        double best = Double.NaN;
        int bestCount = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = i;
            while (j < sorted.length && sorted[j] == sorted[i]) j++;
            if (j - i > bestCount) { bestCount = j - i; best = sorted[i]; }
            i = j;
        }
        return best;
    }

    /** How many times each non-missing text occurs. */
    static Map<String, Integer> counts(String[] values) {
        Map<String, Integer> counts = new HashMap<>();
        for (String v : values) if (v != null) counts.merge(v, 1, Integer::sum);
        return counts;
    }

    /** The most frequent non-missing text, the alphabetically first on ties; null when there is none. */
    static String mostFrequent(String[] values) {
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : counts(values).entrySet()) {
            int c = e.getValue();
            if (c > bestCount || (c == bestCount && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                bestCount = c;
            }
        }
        return best;
    }
}
