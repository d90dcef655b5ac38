package org.automlwb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class MonitoringReferenceTest {
    @Test
    void aLargeTableIsBinnedOnRowsSpreadEvenlyOverIt() {
        int[] values = new int[1_000];
        for (int i = 0; i < values.length; i++) values[i] = i;
        Table t = Table.create("t", IntColumn.create("x", values));
        Table spread = MonitoringReference.spread(t, 100);
        assertEquals(100, spread.rowCount());
        // every tenth row, first to last: a file sorted by x is still covered end to end
        assertEquals(0, spread.intColumn("x").get(0));
        assertEquals(500, spread.intColumn("x").get(50));
        assertEquals(990, spread.intColumn("x").get(99));
        assertSame(t, MonitoringReference.spread(t, 1_000));
    }
}
