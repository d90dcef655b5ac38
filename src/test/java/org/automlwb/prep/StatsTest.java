package org.automlwb.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The statistics the fitted steps learn. */
class StatsTest {
    @Test
    void medianBySelectionEqualsMedianBySorting() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            double[] v = new double[1 + rnd.nextInt(60)];
            for (int i = 0; i < v.length; i++) v[i] = rnd.nextInt(5) == 0 ? Double.NaN : rnd.nextInt(10) - 3.5;
            double expected = Stats.quantile(Stats.sortedFinite(v), 0.5);
            double actual = Stats.median(v);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual), "trial " + trial);
        }
        assertTrue(Double.isNaN(Stats.median(new double[] {Double.NaN})));
    }

    @Test
    void quantileInterpolatesAndModesPreferTheSmallest() {
        double[] sorted = {1, 2, 3, 4};
        assertEquals(1.75, Stats.quantile(sorted, 0.25));
        assertEquals(4, Stats.quantile(sorted, 1));
        assertEquals(2, Stats.mostFrequent(new double[] {3, 2, 3, 2, Double.NaN}));
        assertEquals("a", Stats.mostFrequent(new String[] {"b", "a", null, "a", "b"}));
        assertEquals(Math.sqrt(1.25), Stats.std(new double[] {1, 2, 3, 4}, 2.5), 1e-15);
    }
}
