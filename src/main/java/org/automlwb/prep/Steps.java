package org.automlwb.prep;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import org.automlwb.data.ColumnKind;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Helpers the step records share. */
final class Steps {
    private Steps() { }

    /** An immutable copy without repeats (a column listed twice is treated once). */
    static List<String> copy(List<String> names) {
        return names == null ? List.of() : List.copyOf(new LinkedHashSet<>(names));
    }

    /** The column with exactly this name: Tablesaw's own lookup ignores case. */
    static Column<?> column(Table table, String name) {
        int index = table.columnNames().indexOf(name);
        if (index < 0) throw new IllegalArgumentException("no column " + name);
        return table.column(index);
    }

    /**
     * "a, b and c", every name listed: a recipe in words is read to know what happens to each column, and "and 12
     * more" hid which (the report prints the whole recipe); {@code whenEmpty} for an empty list.
     */
    static String join(List<String> names, String whenEmpty) {
        if (names.isEmpty()) return whenEmpty;
        if (names.size() == 1) return names.get(0);
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The listed columns, or every column the test accepts when the list is empty. */
    static List<String> resolve(List<String> columns, Frame frame, Predicate<Col> applicable) {
        return columns.isEmpty() ? frame.names(applicable) : columns;
    }

    /** The listed columns, or every column of an accepted kind when the list is empty, as the check sees them. */
    static List<String> resolve(List<String> columns, SchemaCheck check, Predicate<ColumnKind> applicable) {
        return columns.isEmpty() ? check.matching(applicable) : columns;
    }

    static boolean plainNumber(ColumnKind k) { return Values.isPlainNumber(k); }

    static boolean notText(ColumnKind k) { return k != ColumnKind.TEXT; }

    static boolean anyKind(ColumnKind k) { return true; }

    /**
     * Plain numeric columns the recipe did not make as 0/1 flags or category codes: what "all numeric columns"
     * means.
     */
    static boolean continuous(Col c) { return plainNumber(c.kind()) && !c.flag() && c.codes() == 0; }

    /**
     * The column's values as category text (numbers and dates in their text form); missing is {@code (missing)}
     * when {@code missingAsLevel}, else null. Never changes the column's own array.
     */
    static String[] categories(Col col, boolean missingAsLevel) {
        String[] values = col.isText() ? col.text() : new String[col.size()];
        if (!col.isText()) {
            for (int i = 0; i < values.length; i++) values[i] = col.missing(i) ? null : Values.format(col.kind(), col.num()[i]);
        }
        if (!missingAsLevel) return values;
        String[] out = values == col.text() ? values.clone() : values;
        for (int i = 0; i < out.length; i++) if (out[i] == null) out[i] = ImputeStep.MISSING_LEVEL;
        return out;
    }

    /**
     * A learnt or given number for reading: whole numbers as they are, others to 4 significant digits and from
     * 1,000 up to a whole number (29.881239 reads 29.88, 0.000123456 reads 0.0001235). The fitted recipe's JSON
     * keeps full precision; only its words are rounded. No thousands separator: the numbers sit in lists that
     * commas separate.
     */
    static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || (v == Math.rint(v) && Math.abs(v) < 1e15)) {
            return Values.format(ColumnKind.DECIMAL, v);
        }
        if (Math.abs(v) >= 1000) return Long.toString(Math.round(v));
        return new BigDecimal(v).round(new MathContext(4, RoundingMode.HALF_EVEN)).stripTrailingZeros()
                .toPlainString();
    }
}
