package org.automlwb.spark.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.ColumnProfile;
import org.automlwb.data.DatasetProfile;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Drawn rows into a Tablesaw table with the column types the CSV loader gives ({@link ColumnKind}): IntColumn for
 * integers (LongColumn when the source's min or max needs it), DoubleColumn, BooleanColumn, DateColumn,
 * DateTimeColumn, StringColumn. Rows arrive one partition at a time ({@code toLocalIterator}), so the driver
 * holds the table being built and one partition, never the whole result as Row objects.
 */
final class TableCollector {
    private TableCollector() { }

    /**
     * @param profile the source's profile: column order, kinds and the integer columns' ranges
     * @param zone    the session's time zone, for timestamps that are instants
     */
    static Table collect(Dataset<Row> rows, DatasetProfile profile, String name, ZoneId zone) {
        List<Column<?>> columns = new ArrayList<>();
        for (ColumnProfile c : profile.columns()) columns.add(create(c));
        int n = columns.size();
        Iterator<Row> it = rows.toLocalIterator();
        while (it.hasNext()) {
            Row r = it.next();
            for (int i = 0; i < n; i++) append(columns.get(i), r.isNullAt(i) ? null : r.get(i), zone);
        }
        return Table.create(name, columns);
    }

    private static Column<?> create(ColumnProfile c) {
        return switch (c.kind()) {
            case INTEGER -> needsLong(c) ? LongColumn.create(c.name()) : IntColumn.create(c.name());
            case DECIMAL -> DoubleColumn.create(c.name());
            case BOOLEAN -> BooleanColumn.create(c.name());
            case DATE -> DateColumn.create(c.name());
            case DATETIME -> DateTimeColumn.create(c.name());
            case TEXT -> StringColumn.create(c.name());
        };
    }

    /** Whether an integer column has a value beyond int (IntColumn's missing marker is Integer.MIN_VALUE). */
    private static boolean needsLong(ColumnProfile c) {
        return c.min() <= Integer.MIN_VALUE || c.max() > Integer.MAX_VALUE;
    }

    private static void append(Column<?> column, Object v, ZoneId zone) {
        if (v == null) {
            column.appendMissing();
            return;
        }
        if (column instanceof IntColumn c) c.append(((Number) v).intValue());
        else if (column instanceof LongColumn c) c.append(((Number) v).longValue());
        else if (column instanceof DoubleColumn c) c.append(v instanceof BigDecimal d ? d.doubleValue()
                : ((Number) v).doubleValue());
        else if (column instanceof BooleanColumn c) c.append((Boolean) v);
        else if (column instanceof DateColumn c) c.append(v instanceof LocalDate d ? d
                : ((java.sql.Date) v).toLocalDate());
        else if (column instanceof DateTimeColumn c) c.append(dateTime(v, zone));
        else if (column instanceof StringColumn c) c.append(v.toString());
        else throw new IllegalStateException("no column type for " + v.getClass());
    }

    /** A timestamp as the local date-time of the session's zone; a timestamp without zone as it is. */
    private static LocalDateTime dateTime(Object v, ZoneId zone) {
        if (v instanceof LocalDateTime t) return t;
        if (v instanceof Instant i) return LocalDateTime.ofInstant(i, zone);
        return ((java.sql.Timestamp) v).toLocalDateTime();
    }

    /** Column name to kind for the loaded data, in column order. */
    static Map<String, ColumnKind> kinds(DatasetProfile profile) {
        Map<String, ColumnKind> out = new java.util.LinkedHashMap<>();
        profile.columns().forEach(c -> out.put(c.name(), c.kind()));
        return out;
    }
}
