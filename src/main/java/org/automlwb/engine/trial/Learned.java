package org.automlwb.engine.trial;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the fits of a trial learnt by themselves, combined into the values a refit on all rows should use. */
final class Learned {
    private Learned() { }

    /**
     * The mean of each number over the folds that reported it (rounded for whole numbers, e.g. boosting rounds);
     * other values from the first fold that has them.
     */
    static Map<String, Object> average(List<Map<String, Object>> perFold) {
        Map<String, Double> sums = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Boolean> whole = new LinkedHashMap<>();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, Object> fold : perFold) {
            for (Map.Entry<String, Object> e : fold.entrySet()) {
                if (e.getValue() instanceof Number n) {
                    sums.merge(e.getKey(), n.doubleValue(), Double::sum);
                    counts.merge(e.getKey(), 1, Integer::sum);
                    boolean isWhole = n instanceof Integer || n instanceof Long;
                    whole.merge(e.getKey(), isWhole, Boolean::logicalAnd);
                } else {
                    out.putIfAbsent(e.getKey(), e.getValue());
                }
            }
        }
        sums.forEach((key, sum) -> {
            double mean = sum / counts.get(key);
            out.put(key, whole.get(key) ? (Object) (int) Math.round(mean) : (Object) mean);
        });
        return out;
    }
}
