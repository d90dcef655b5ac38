package org.automlwb.ui.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the scores of one algorithm's trials spread.
 *
 * @param algorithm the algorithm id
 * @param trials    how many scored trials
 * @param min       lowest score
 * @param median    median score
 * @param max       highest score
 */
public record AlgorithmSpread(String algorithm, int trials, double min, double median, double max) {
    /** One spread per algorithm with at least one score, in the map's order. */
    public static List<AlgorithmSpread> of(Map<String, ? extends List<Double>> scoresByAlgorithm) {
        List<AlgorithmSpread> out = new ArrayList<>();
        scoresByAlgorithm.forEach((algo, scores) -> {
            if (scores.isEmpty()) return;
            double[] s = scores.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int n = s.length;
            double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
            out.add(new AlgorithmSpread(algo, n, s[0], median, s[n - 1]));
        });
        return out;
    }
}
