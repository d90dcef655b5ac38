package org.automlwb.prep;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import org.automlwb.data.ColumnKind;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.columns.Column;

/** Reading Tablesaw columns into working columns and converting working columns between kinds. */
final class Values {
    private static final long SECONDS_PER_DAY = 86_400L;

    private Values() { }

    /** The {@link ColumnKind} a Tablesaw column holds; anything unusual reads as text. */
    static ColumnKind kindOf(Column<?> column) {
        if (column instanceof tech.tablesaw.api.IntColumn || column instanceof tech.tablesaw.api.LongColumn
                || column instanceof tech.tablesaw.api.ShortColumn) {
            return ColumnKind.INTEGER;
        }
        if (column instanceof NumericColumn<?>) return ColumnKind.DECIMAL;
        if (column instanceof BooleanColumn) return ColumnKind.BOOLEAN;
        if (column instanceof DateColumn) return ColumnKind.DATE;
        if (column instanceof DateTimeColumn || column instanceof InstantColumn) return ColumnKind.DATETIME;
        return ColumnKind.TEXT;
    }

    /** The column's values in its own kind; infinities count as missing. */
    static Col read(Column<?> column) {
        ColumnKind kind = kindOf(column);
        int n = column.size();
        if (kind == ColumnKind.TEXT) {
            String[] out = new String[n];
            for (int i = 0; i < n; i++) out[i] = column.isMissing(i) ? null : column.getString(i);
            return Col.texts(out);
        }
        double[] out = new double[n];
        if (column instanceof NumericColumn<?> nc) {
            for (int i = 0; i < n; i++) {
                double v = nc.getDouble(i);
                out[i] = Double.isFinite(v) ? v : Double.NaN;
            }
        } else if (column instanceof BooleanColumn bc) {
            for (int i = 0; i < n; i++) out[i] = bc.isMissing(i) ? Double.NaN : (bc.get(i) ? 1 : 0);
        } else if (column instanceof DateColumn dc) {
            for (int i = 0; i < n; i++) out[i] = dc.isMissing(i) ? Double.NaN : dc.get(i).toEpochDay();
        } else if (column instanceof DateTimeColumn dtc) {
            for (int i = 0; i < n; i++) {
                out[i] = dtc.isMissing(i) ? Double.NaN : dtc.get(i).toEpochSecond(ZoneOffset.UTC);
            }
        } else {
            InstantColumn ic = (InstantColumn) column;
            for (int i = 0; i < n; i++) out[i] = ic.isMissing(i) ? Double.NaN : ic.get(i).getEpochSecond();
        }
        return Col.numbers(kind, out);
    }

    /**
     * Converts a column to another kind. Text that cannot be read as the new kind becomes missing, or, when
     * {@code strict}, stops with an error naming the column and the value.
     */
    static Col convert(Col col, ColumnKind to, String name, boolean strict) {
        ColumnKind from = col.kind();
        if (from == to) return col;
        if (strict && isPlainNumber(from) && isPlainNumber(to)) return Col.numbers(to, col.num());
        if (isNumberLike(from) && isNumberLike(to) && !isDate(from) && !isDate(to)) {
            return numeric(col, to);
        }
        if (from == ColumnKind.DATE && to == ColumnKind.DATETIME) return scale(col, to, SECONDS_PER_DAY, false);
        if (from == ColumnKind.DATETIME && to == ColumnKind.DATE) return scale(col, to, SECONDS_PER_DAY, true);
        if (to == ColumnKind.TEXT) {
            String[] out = new String[col.size()];
            for (int i = 0; i < out.length; i++) out[i] = col.missing(i) ? null : format(from, col.num()[i]);
            return Col.texts(out);
        }
        if (from == ColumnKind.TEXT) return parse(col.text(), to, name, strict);
        if (strict) {
            throw RecipeInputException.of("holds " + words(from) + " but the recipe expects " + words(to), name,
                    "give the column the same type of values it had when the model was trained");
        }
        if (isDate(from) && to != ColumnKind.BOOLEAN) {
            return Col.numbers(to, col.num().clone()); // days (or seconds) since 1970-01-01
        }
        // Numbers and booleans have no sensible reading as dates.
        double[] out = new double[col.size()];
        java.util.Arrays.fill(out, Double.NaN);
        return Col.numbers(to, out);
    }

    private static Col numeric(Col col, ColumnKind to) {
        double[] in = col.num();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            double v = in[i];
            if (to == ColumnKind.INTEGER) out[i] = Math.rint(v);
            else if (to == ColumnKind.BOOLEAN) out[i] = Double.isNaN(v) ? v : (v != 0 ? 1 : 0);
            else out[i] = v;
        }
        return Col.numbers(to, out);
    }

    private static Col scale(Col col, ColumnKind to, long factor, boolean divide) {
        double[] in = col.num();
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) out[i] = divide ? Math.floor(in[i] / factor) : in[i] * factor;
        return Col.numbers(to, out);
    }

    private static Col parse(String[] in, ColumnKind to, String name, boolean strict) {
        double[] out = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            String s = in[i] == null ? "" : in[i].trim();
            double v = s.isEmpty() ? Double.NaN : parseOne(s, to);
            if (Double.isNaN(v) && !s.isEmpty() && strict) {
                throw RecipeInputException.of("value '" + s + "' in row " + (i + 1) + " is not " + words(to), name,
                        "give the column the same type of values it had when the model was trained");
            }
            out[i] = v;
        }
        return Col.numbers(to, out);
    }

    private static double parseOne(String s, ColumnKind to) {
        try {
            switch (to) {
                case BOOLEAN: {
                    String b = s.toLowerCase(Locale.ROOT);
                    if (b.equals("true") || b.equals("yes") || b.equals("1") || b.equals("t") || b.equals("y")) return 1;
                    if (b.equals("false") || b.equals("no") || b.equals("0") || b.equals("f") || b.equals("n")) return 0;
                    return Double.NaN;
                }
                case DATE:
                    return LocalDate.parse(s).toEpochDay();
                case DATETIME:
                    return LocalDateTime.parse(s).toEpochSecond(ZoneOffset.UTC);
                case INTEGER:
                    return Math.rint(finite(Double.parseDouble(s)));
                default:
                    return finite(Double.parseDouble(s));
            }
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private static double finite(double v) { return Double.isFinite(v) ? v : Double.NaN; }

    /** The text form of a non-text value: integral numbers without ".0", dates in ISO form. */
    static String format(ColumnKind kind, double v) {
        switch (kind) {
            case BOOLEAN: return v != 0 ? "true" : "false";
            case DATE: return LocalDate.ofEpochDay((long) v).toString();
            case DATETIME: return LocalDateTime.ofEpochSecond((long) v, 0, ZoneOffset.UTC).toString();
            default:
                if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
                return Double.toString(v);
        }
    }

    static boolean isNumberLike(ColumnKind k) { return k != ColumnKind.TEXT; }

    static boolean isPlainNumber(ColumnKind k) { return k == ColumnKind.INTEGER || k == ColumnKind.DECIMAL; }

    static boolean isDate(ColumnKind k) { return k == ColumnKind.DATE || k == ColumnKind.DATETIME; }

    /** Plain words for a kind, for messages. */
    static String words(ColumnKind k) {
        switch (k) {
            case INTEGER: return "whole numbers";
            case DECIMAL: return "numbers";
            case BOOLEAN: return "true/false values";
            case DATE: return "dates";
            case DATETIME: return "date-times";
            default: return "text";
        }
    }
}
