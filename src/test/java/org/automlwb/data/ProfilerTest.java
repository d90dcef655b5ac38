package org.automlwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.automlwb.data.ColumnProfile.HistogramBin;
import org.automlwb.data.ColumnProfile.ValueCount;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Statistics, flags and the suggested target on small tables built in the test. */
class ProfilerTest {
    private static ColumnProfile column(DatasetProfile p, String name) {
        return p.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private static DatasetProfile profile(Table t) {
        return Profiler.profile(t, Profiler.kindsOf(t));
    }

    @Test
    void numericSummary() {
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, Double.NaN};
        ColumnProfile c = column(profile(Table.create("t", DoubleColumn.create("x", v))), "x");
        assertEquals(ColumnKind.DECIMAL, c.kind());
        assertEquals(11, c.count());
        assertEquals(1, c.missing());
        assertEquals(10, c.distinct());
        assertEquals(1, c.min());
        assertEquals(10, c.max());
        assertEquals(5.5, c.mean(), 1e-12);
        assertEquals(Math.sqrt(82.5 / 9), c.std(), 1e-12);
        assertEquals(3.25, c.q1(), 1e-12);
        assertEquals(5.5, c.median(), 1e-12);
        assertEquals(7.75, c.q3(), 1e-12);
        assertEquals(Profiler.HISTOGRAM_BINS, c.histogram().size());
        assertEquals(10, c.histogram().stream().mapToLong(HistogramBin::count).sum());
        assertEquals(new HistogramBin(1, 1.45, 1), c.histogram().get(0));
        assertEquals(10, c.histogram().get(19).high());
        assertEquals(100.0 / 11, c.missingPercent(), 1e-12);
        assertEquals(10, c.topValues().size(), "few distinct numbers get top values (at most 10)");
    }

    @Test
    void textTopValuesMostFrequentFirst() {
        StringColumn s = StringColumn.create("s", "b", "a", "b", "c", "b", "a", "");
        ColumnProfile c = column(profile(Table.create("t", s)), "s");
        assertEquals(1, c.missing());
        assertEquals(3, c.distinct());
        assertEquals(List.of(new ValueCount("b", 3), new ValueCount("a", 2), new ValueCount("c", 1)), c.topValues());
        assertTrue(Double.isNaN(c.mean()));
        assertTrue(c.histogram().isEmpty());
    }

    @Test
    void flagsAndSuggestedTarget() {
        int n = 30;
        IntColumn rowId = IntColumn.create("row_number");
        IntColumn feature = IntColumn.create("feature");
        StringColumn label = StringColumn.create("label");
        IntColumn copy = IntColumn.create("feature_copy");
        StringColumn constant = StringColumn.create("source");
        StringColumn empty = StringColumn.create("notes");
        StringColumn code = StringColumn.create("code");
        for (int i = 0; i < n; i++) {
            rowId.append(1000 + i);
            feature.append(i % 7);
            label.append(i % 2 == 0 ? "yes" : "no");
            copy.append(i % 7);
            constant.append("web");
            empty.appendMissing();
            code.append("C" + i);
        }
        Table t = Table.create("t", rowId, feature, label, copy, constant, empty, code);
        DatasetProfile p = profile(t);
        assertEquals(n, p.rows());
        assertEquals(List.of("id_like"), column(p, "row_number").flags());
        assertEquals(List.of(), column(p, "feature").flags());
        assertEquals(List.of("duplicate_of:feature"), column(p, "feature_copy").flags());
        assertEquals(List.of("constant"), column(p, "source").flags());
        assertEquals(List.of("all_missing"), column(p, "notes").flags());
        assertEquals(List.of("id_like"), column(p, "code").flags());
        assertEquals("feature_copy", p.suggestedTarget());
    }

    @Test
    void distinctNonConsecutiveIntegersAreNotIds() {
        IntColumn salary = IntColumn.create("salary");
        for (int i = 0; i < 50; i++) salary.append(50_000 + 137 * i * i);
        ColumnProfile c = column(profile(Table.create("t", salary)), "salary");
        assertEquals(List.of(), c.flags());
        assertTrue(c.topValues().isEmpty(), "many distinct numbers: no top values");
    }

    @Test
    void noTargetWhenEveryColumnIsUnsuitable() {
        Table t = Table.create("t", StringColumn.create("k", "x", "x", "x"));
        assertNull(profile(t).suggestedTarget());
    }

    @Test
    void booleansAndDates() {
        BooleanColumn b = BooleanColumn.create("b", true, false, true);
        DateColumn d = DateColumn.create("d", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1),
                LocalDate.of(2023, 5, 6));
        DatasetProfile p = Profiler.profile(Table.create("t", b, d),
                Map.of("b", ColumnKind.BOOLEAN, "d", ColumnKind.DATE));
        assertEquals(List.of(new ValueCount("true", 2), new ValueCount("false", 1)), column(p, "b").topValues());
        assertEquals(List.of(new ValueCount("2024-01-01", 2), new ValueCount("2023-05-06", 1)),
                column(p, "d").topValues());
        assertEquals(ColumnKind.DATE, column(p, "d").kind());
    }

    @Test
    void profilesTheLoadedAllMissingColumn() throws Exception {
        DatasetProfile p = Profiler.profile(Corpus.load("all_missing_column.csv"));
        assertEquals(List.of("all_missing"), column(p, "empty").flags());
        assertEquals("y", p.suggestedTarget());
    }
}
