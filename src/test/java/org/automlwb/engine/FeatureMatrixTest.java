package org.automlwb.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** The feature matrix as models see it: finite floats only, the same for training and prediction. */
class FeatureMatrixTest {
    @Test
    void valuesBeyondAFloatAreClippedAndNonFiniteOnesAreZero() {
        // A derived column can reach values the loader never lets through.
        Table t = Table.create("t", DoubleColumn.create("big", 1e300, -1e300, 2.5, Double.POSITIVE_INFINITY),
                DoubleColumn.create("a", 1, 2, 3, Double.NaN));
        FeatureMatrix m = FeatureMatrix.of(t, List.of("big", "a"));
        assertEquals(List.of("a", "big"), m.names());
        assertEquals((float) 1e30, m.value(0, 1));
        assertEquals((float) -1e30, m.value(1, 1));
        assertEquals(2.5, m.value(2, 1));
        assertEquals(0, m.value(3, 1));
        assertEquals(0, m.value(3, 0));
        for (float v : m.rowMajor()) assertEquals(true, Float.isFinite(v), "finite: " + v);
    }

    @Test
    void aWideTableKeepsEveryFeatureInNameOrder() {
        List<Column<?>> cols = new ArrayList<>();
        for (int j = 0; j < 2_000; j++) cols.add(DoubleColumn.create(String.format("f%04d", j), j, j + 0.5));
        Table t = Table.create("wide");
        t.columns().addAll(cols);
        List<String> names = cols.stream().map(Column::name).toList();
        FeatureMatrix m = FeatureMatrix.of(t, names, Set.of());
        assertEquals(2_000, m.features());
        for (int j = 0; j < 2_000; j += 97) {
            assertEquals(j, m.value(0, j));
            assertEquals(j + 0.5, m.value(1, j));
        }
    }
}
