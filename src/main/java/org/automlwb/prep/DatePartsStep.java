package org.automlwb.prep;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.automlwb.data.ColumnKind;

/**
 * Replaces date and date-time columns by whole-number parts named {@code <column>_<part>}, e.g.
 * {@code joined_year}, {@code joined_month}, {@code joined_day_of_week} (1 = Monday … 7 = Sunday). Learns
 * nothing. A missing date gives missing parts.
 *
 * @param columns the columns; empty means every date and date-time column
 * @param parts   the parts to make, in output order (at least one)
 */
@JsonTypeName("date_parts")
public record DatePartsStep(List<String> columns, List<Part> parts) implements Step, FittedStep {
    /** A part of a date. */
    public enum Part {
        YEAR, MONTH, DAY_OF_MONTH, DAY_OF_WEEK, DAY_OF_YEAR, HOUR;

        /** The column name suffix, e.g. {@code day_of_week}. */
        public String suffix() { return name().toLowerCase(Locale.ROOT); }
    }

    private static final long SECONDS_PER_DAY = 86_400L;
    /** Epoch day 0 (1970-01-01) was a Thursday, ISO day 4. */
    private static final int EPOCH_DAY_OF_WEEK = 4;

    public DatePartsStep {
        columns = Steps.copy(columns);
        parts = parts == null ? List.of() : List.copyOf(parts);
    }

    /** Year, month and day of week of these columns: the automatic recipe's choice. */
    public static DatePartsStep of(List<String> columns) {
        return new DatePartsStep(columns, List.of(Part.YEAR, Part.MONTH, Part.DAY_OF_WEEK));
    }

    @Override
    public String describe() {
        List<String> names = parts.stream().map(p -> p.suffix().replace('_', ' ')).toList();
        return "Split " + Steps.join(columns, "every date column") + " into " + Steps.join(names, "nothing");
    }

    @Override
    public void check(SchemaCheck check) {
        if (parts.isEmpty()) check.problem("names no date parts to make");
        List<String> cols = Steps.resolve(columns, check, Values::isDate);
        if (check.require(cols, Values::isDate, "split", "dates")) {
            for (String c : cols) {
                check.remove(c);
                for (Part p : parts) {
                    check.requireNew(name(c, p));
                    check.put(name(c, p), ColumnKind.INTEGER);
                }
            }
        }
    }

    private static String name(String column, Part part) { return column + "_" + part.suffix(); }

    @Override
    public FittedStep fit(Frame frame) {
        DatePartsStep fitted = new DatePartsStep(Steps.resolve(columns, frame, c -> Values.isDate(c.kind())), parts);
        fitted.apply(frame, true);
        return fitted;
    }

    @Override
    public void apply(Frame frame, boolean training) {
        for (String c : columns) {
            Col col = frame.col(c);
            boolean dateTime = col.kind() == ColumnKind.DATETIME;
            double[] in = col.num();
            int n = in.length;
            double[][] out = new double[parts.size()][n];
            for (int i = 0; i < n; i++) {
                double v = in[i];
                if (Double.isNaN(v)) {
                    for (double[] o : out) o[i] = Double.NaN;
                    continue;
                }
                long seconds = dateTime ? (long) v : 0;
                long day = dateTime ? Math.floorDiv(seconds, SECONDS_PER_DAY) : (long) v;
                LocalDate date = null;
                for (int p = 0; p < out.length; p++) {
                    Part part = parts.get(p);
                    if (part == Part.DAY_OF_WEEK) {
                        out[p][i] = Math.floorMod(day + EPOCH_DAY_OF_WEEK - 1, 7) + 1;
                    } else if (part == Part.HOUR) {
                        out[p][i] = Math.floorMod(seconds, SECONDS_PER_DAY) / 3600;
                    } else {
                        if (date == null) date = LocalDate.ofEpochDay(day);
                        out[p][i] = switch (part) {
                            case YEAR -> date.getYear();
                            case MONTH -> date.getMonthValue();
                            case DAY_OF_MONTH -> date.getDayOfMonth();
                            default -> date.getDayOfYear();
                        };
                    }
                }
            }
            Map<String, Col> added = new LinkedHashMap<>();
            for (int p = 0; p < out.length; p++) added.put(name(c, parts.get(p)), Col.numbers(ColumnKind.INTEGER, out[p]));
            frame.expand(c, added);
        }
    }
}
