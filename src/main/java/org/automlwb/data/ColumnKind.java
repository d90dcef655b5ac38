package org.automlwb.data;

/**
 * The type of a CSV column, inferred over every row. Each maps to one Tablesaw column type:
 * INTEGER → IntColumn (LongColumn when a value exceeds int), DECIMAL → DoubleColumn, BOOLEAN → BooleanColumn,
 * DATE → DateColumn, DATETIME → DateTimeColumn, TEXT → StringColumn.
 */
public enum ColumnKind {
    INTEGER, DECIMAL, BOOLEAN, DATE, DATETIME, TEXT;

    public boolean isNumeric() { return this == INTEGER || this == DECIMAL; }
}
