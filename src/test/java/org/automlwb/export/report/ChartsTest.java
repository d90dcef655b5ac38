package org.automlwb.export.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.automlwb.engine.Metric;
import org.junit.jupiter.api.Test;

/** The numbers and words the report's charts are built from. */
class ChartsTest {
    @Test
    void boxesHoldTheFiveNumbers() {
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0, 5.0), Charts.fiveNumbers(List.of(5.0, 1.0, 3.0, 2.0, 4.0)));
        assertEquals(List.of(0.5, 0.5, 0.5, 0.5, 0.5), Charts.fiveNumbers(List.of(0.5)));
        assertEquals(List.of(1.0, 1.75, 2.5, 3.25, 4.0), Charts.fiveNumbers(List.of(4.0, 3.0, 2.0, 1.0)));
    }

    @Test
    void importanceSaysWhichWayTheMetricGetsWorse() {
        assertEquals("worse by (rise in RMSE)", MetricWords.worseBy(Metric.RMSE));
        assertEquals("worse by (rise in log loss)", MetricWords.worseBy(Metric.LOGLOSS));
        assertEquals("worse by (fall in AUC)", MetricWords.worseBy(Metric.AUC));
        assertEquals("worse by (fall in R²)", MetricWords.worseBy(Metric.R2));
    }

    @Test
    void longCategoryNamesWrapWholeOntoLines() {
        assertEquals("age", Charts.wrap("age"));
        String name = "number_of_previous_purchases_in_the_last_year";
        String wrapped = Charts.wrap(name);
        assertEquals(name, wrapped.replace("\n", ""), "nothing is dropped");
        for (String line : wrapped.split("\n")) assertTrue(line.length() <= 24, line);
        assertTrue(wrapped.split("\n")[0].endsWith("_"), "broken after an underscore: " + wrapped);
        String noBreaks = "x".repeat(60);
        assertEquals(noBreaks, Charts.wrap(noBreaks).replace("\n", ""));
    }
}
