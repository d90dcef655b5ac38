package org.automlwb.data;

import java.util.Arrays;
import org.automlwb.data.ValueParser.NumberStyle;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.columns.Column;

/**
 * Fills one Tablesaw column in the second pass, straight into a primitive array sized from the first pass.
 * Every cell was already checked by {@link ColumnInference}, so a parse failure here is a bug. Numeric columns
 * apply {@link NumberLimits}' rule: non-finite cells are missing, decimals beyond the limit are clipped.
 */
abstract class ColumnBuilder {
    protected final String name;
    protected int size;

    private ColumnBuilder(String name) {
        this.name = name;
    }

    /** Appends a trimmed, non-missing cell. */
    abstract void append(Fields t, int field, ValueParser vp);

    abstract void appendMissing();

    abstract Column<?> build();

    /** A builder for a column of the given type, for {@code rows} rows. */
    static ColumnBuilder of(String name, ColumnKind kind, ColumnInference inf, int rows) {
        return switch (kind) {
            case INTEGER -> inf.needsLong() ? new Longs(name, rows, inf.numberStyle())
                    : new Ints(name, rows, inf.numberStyle());
            case DECIMAL -> new Doubles(name, rows, inf.numberStyle());
            case BOOLEAN -> new Booleans(name, rows);
            case DATE -> new Dates(name, rows, inf.datePattern());
            case DATETIME -> new DateTimes(name, rows);
            case TEXT -> new Strings(name);
        };
    }

    private static IllegalStateException unexpected(String name, Fields t, int field) {
        return new IllegalStateException("cell '" + t.text(field) + "' of column '" + name + "' on line " + t.line()
                + " passed type inference but does not parse");
    }

    private static final class Ints extends ColumnBuilder {
        private final int[] data;
        private final NumberStyle style;

        Ints(String name, int rows, NumberStyle style) {
            super(name);
            this.data = new int[rows];
            this.style = style;
        }

        @Override
        void append(Fields t, int f, ValueParser vp) {
            int r = vp.scanNumber(t.buffer(), t.start(f), t.end(f), style);
            if (r == ValueParser.NON_FINITE) {
                appendMissing();
                return;
            }
            if (r != ValueParser.INTEGER) throw unexpected(name, t, f);
            data[size++] = (int) vp.longValue();
        }

        @Override
        void appendMissing() { data[size++] = Integer.MIN_VALUE; }

        @Override
        Column<?> build() { return IntColumn.create(name, size == data.length ? data : Arrays.copyOf(data, size)); }
    }

    private static final class Longs extends ColumnBuilder {
        private final long[] data;
        private final NumberStyle style;

        Longs(String name, int rows, NumberStyle style) {
            super(name);
            this.data = new long[rows];
            this.style = style;
        }

        @Override
        void append(Fields t, int f, ValueParser vp) {
            int r = vp.scanNumber(t.buffer(), t.start(f), t.end(f), style);
            if (r == ValueParser.NON_FINITE) {
                appendMissing();
                return;
            }
            if (r != ValueParser.INTEGER) throw unexpected(name, t, f);
            data[size++] = vp.longValue();
        }

        @Override
        void appendMissing() { data[size++] = Long.MIN_VALUE; }

        @Override
        Column<?> build() { return LongColumn.create(name, size == data.length ? data : Arrays.copyOf(data, size)); }
    }

    private static final class Doubles extends ColumnBuilder {
        private final double[] data;
        private final NumberStyle style;

        Doubles(String name, int rows, NumberStyle style) {
            super(name);
            this.data = new double[rows];
            this.style = style;
        }

        @Override
        void append(Fields t, int f, ValueParser vp) {
            char[] b = t.buffer();
            int s = t.start(f);
            int e = t.end(f);
            int r = vp.scanNumber(b, s, e, style);
            if (r == ValueParser.NOT_NUMBER) throw unexpected(name, t, f);
            data[size++] = r == ValueParser.NON_FINITE ? Double.NaN : NumberLimits.clip(vp.doubleValue(b, s, e, style));
        }

        @Override
        void appendMissing() { data[size++] = Double.NaN; }

        @Override
        Column<?> build() {
            return DoubleColumn.create(name, size == data.length ? data : Arrays.copyOf(data, size));
        }
    }

    private static final class Booleans extends ColumnBuilder {
        private final BooleanColumn column;

        Booleans(String name, int rows) {
            super(name);
            this.column = BooleanColumn.create(name);
        }

        @Override
        void append(Fields t, int f, ValueParser vp) {
            int v = ValueParser.parseBoolean(t.buffer(), t.start(f), t.end(f));
            if (v < 0) throw unexpected(name, t, f);
            column.append(v == 1);
        }

        @Override
        void appendMissing() { column.appendMissing(); }

        @Override
        Column<?> build() { return column; }
    }

    private static final class Dates extends ColumnBuilder {
        private final int[] data;
        private final DatePattern pattern;

        Dates(String name, int rows, DatePattern pattern) {
            super(name);
            this.data = new int[rows];
            this.pattern = pattern;
        }

        @Override
        void append(Fields t, int f, ValueParser vp) {
            int v = vp.scanDate(t.buffer(), t.start(f), t.end(f)) ? vp.packedDate(pattern) : ValueParser.MISSING_DATE;
            if (v == ValueParser.MISSING_DATE) throw unexpected(name, t, f);
            data[size++] = v;
        }

        @Override
        void appendMissing() { data[size++] = ValueParser.MISSING_DATE; }

        @Override
        Column<?> build() {
            return DateColumn.createInternal(name, size == data.length ? data : Arrays.copyOf(data, size));
        }
    }

    private static final class DateTimes extends ColumnBuilder {
        private final long[] data;

        DateTimes(String name, int rows) {
            super(name);
            this.data = new long[rows];
        }

        @Override
        void append(Fields t, int f, ValueParser vp) {
            long v = ValueParser.parseDateTime(t.buffer(), t.start(f), t.end(f));
            if (v == ValueParser.MISSING_DATETIME) throw unexpected(name, t, f);
            data[size++] = v;
        }

        @Override
        void appendMissing() { data[size++] = ValueParser.MISSING_DATETIME; }

        @Override
        Column<?> build() {
            return DateTimeColumn.createInternal(name, size == data.length ? data : Arrays.copyOf(data, size));
        }
    }

    private static final class Strings extends ColumnBuilder {
        private final StringColumn column;

        Strings(String name) {
            super(name);
            this.column = StringColumn.create(name);
        }

        @Override
        void append(Fields t, int f, ValueParser vp) { column.append(t.text(f)); }

        @Override
        void appendMissing() { column.appendMissing(); }

        @Override
        Column<?> build() { return column; }
    }
}
