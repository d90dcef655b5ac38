package org.automlwb.ui.experiments;

import java.util.List;

/**
 * One metric across the compared experiments: the chosen model's validation value in each, NaN where one does not
 * have it (another task, or no model).
 *
 * @param metric the metric key
 * @param values one value per compared experiment, in their order
 */
public record CompareRow(String metric, List<Double> values) {
    public CompareRow {
        values = List.copyOf(values);
    }
}
