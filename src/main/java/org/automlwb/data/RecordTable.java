package org.automlwb.data;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.automlwb.common.BadInputException;
import org.automlwb.data.ValueParser.NumberStyle;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Rows held in memory (the records of a JSON request, or a CSV request body) made into a table with the column
 * types given up front, by the same cell rules as a file read in chunks ({@link CsvChunks}): cells trimmed, the
 * missing tokens, dot decimals, infinities and NaN missing, numbers beyond {@link NumberLimits#LIMIT} clipped, and a
 * cell that does not fit its column's type is bad input naming the record and the column. So a row sent to the
 * server is read exactly as the same row in a file given to {@code predict}.
 */
public final class RecordTable {
    /** Dot decimals only: a comma-delimited file reads numbers so (a decimal comma is a semicolon file's). */
    private static final List<NumberStyle> STYLES = List.of(NumberStyle.DOT);

    private RecordTable() { }

    /** What is wrong with records, for a caller that answers each kind differently (the server's error codes). */
    public enum Problem {
        /** A column the model needs is not there. */
        MISSING_COLUMN,
        /** A CSV line that cannot be split, or has a different number of fields than the header. */
        MALFORMED_LINE,
        /** A cell that does not fit its column's type. */
        BAD_VALUE
    }

    /** Bad records, with which {@link Problem} it is; {@link #line()} is the record's number or the CSV line. */
    public static final class RecordException extends BadInputException {
        private final Problem problem;

        RecordException(Problem problem, String message, long line, String column, String hint) {
            super(message, null, line, column, hint);
            this.problem = problem;
        }

        /** Which kind of problem. */
        public Problem problem() { return problem; }
    }

    /**
     * A table from records whose cells are already split.
     *
     * @param kinds   the columns, in order, and their types
     * @param records one array per record, its cells in the order of {@code kinds}; a null cell is missing
     * @param missing the tokens that mean missing (e.g. {@link CsvOptions#DEFAULT_MISSING})
     * @param what    what a record is called in messages, e.g. {@code record}
     * @throws RecordException when a cell does not fit its column's type; its line is the 1-based record number
     */
    public static Table of(Map<String, ColumnKind> kinds, List<String[]> records, Set<String> missing, String what)
            throws RecordException {
        int columns = kinds.size();
        Cells cells = new Cells(columns);
        for (int r = 0; r < records.size(); r++) cells.add(records.get(r), r + 1);
        return build(new ArrayList<>(kinds.keySet()), new ArrayList<>(kinds.values()), cells, missing, what);
    }

    /**
     * A table from CSV text: comma-delimited, double quotes, a header line naming the columns (other columns are
     * ignored; a name matches ignoring case when exactly one header name fits, as for a file).
     *
     * @throws RecordException naming the line and column: no header, a column missing, a line with a different
     *                           number of fields than the header, a cell that does not fit its column's type
     */
    public static Table ofCsv(String text, Map<String, ColumnKind> kinds, Set<String> missing)
            throws RecordException {
        List<String> columns = new ArrayList<>(kinds.keySet());
        CsvTokenizer t = new CsvTokenizer(new StringReader(text), ',', '"');
        try {
            if (!t.next()) throw new RecordException(Problem.MALFORMED_LINE, "the CSV has no header line", 0, null,
                    "send a header line naming the columns, then one line per row");
            List<String> header = new ArrayList<>(t.size());
            for (int i = 0; i < t.size(); i++) header.add(t.text(i));
            List<String> names = HeaderNames.normalise(header);
            int[] fieldOf = new int[columns.size()];
            for (int c = 0; c < fieldOf.length; c++) {
                fieldOf[c] = fieldOf(names, columns.get(c));
                if (fieldOf[c] < 0) {
                    throw new RecordException(Problem.MISSING_COLUMN, "the column is missing", 1, columns.get(c),
                            "the columns needed are: " + String.join(", ", columns));
                }
            }
            Cells cells = new Cells(columns.size());
            while (t.next()) {
                if (t.problem() != null) {
                    throw new RecordException(Problem.MALFORMED_LINE, "this line is not valid CSV: " + t.problem(),
                            t.line(), null,
                            "quote cells that hold commas, quotes or line breaks");
                }
                if (t.size() != names.size()) {
                    throw new RecordException(Problem.MALFORMED_LINE, "the line has " + t.size()
                            + " fields, the header " + names.size(), t.line(), null,
                            "give every line as many fields as the header");
                }
                String[] row = new String[fieldOf.length];
                for (int c = 0; c < fieldOf.length; c++) row[c] = t.text(fieldOf[c]);
                cells.add(row, t.line());
            }
            return build(columns, new ArrayList<>(kinds.values()), cells, missing, "line");
        } catch (IOException e) {
            throw new IllegalStateException("reading a String cannot fail", e);
        }
    }

    /** The header field for a column: its exact name, else the one name equal ignoring case; -1 when none. */
    private static int fieldOf(List<String> names, String want) {
        int exact = names.indexOf(want);
        if (exact >= 0) return exact;
        int found = -1;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(want)) {
                if (found >= 0) return -1;
                found = i;
            }
        }
        return found;
    }

    private static Table build(List<String> columns, List<ColumnKind> kinds, Cells cells, Set<String> missing,
                               String what) throws RecordException {
        ValueParser vp = new ValueParser(missing);
        ColumnInference[] inference = new ColumnInference[columns.size()];
        for (int c = 0; c < inference.length; c++) inference[c] = new ColumnInference(kinds.get(c), STYLES);
        // First every cell is checked against its type (as CsvChunks does), so the builders never see a bad one.
        for (int r = 0; r < cells.rows; r++) {
            cells.select(r);
            for (int c = 0; c < inference.length; c++) {
                int s = cells.start(c);
                int e = cells.end(c);
                if (cells.isNull(c) || vp.isMissing(cells.buffer(), s, e)) continue;
                if (!inference[c].accept(cells.buffer(), s, e, vp)) {
                    ColumnKind k = kinds.get(c);
                    throw new RecordException(Problem.BAD_VALUE, String.format(Locale.ROOT,
                            "%s %d: the value '%s' is not %s %s", what, cells.line(),
                            CsvLoader.abbreviate(cells.text(c)), k == ColumnKind.INTEGER ? "an" : "a",
                            k.name().toLowerCase(Locale.ROOT)), cells.line(), columns.get(c),
                            "give the column the same type of values it had in training");
                }
            }
        }
        List<Column<?>> out = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            ColumnBuilder b = ColumnBuilder.of(columns.get(c), kinds.get(c), inference[c], cells.rows);
            for (int r = 0; r < cells.rows; r++) {
                cells.select(r);
                if (cells.isNull(c) || vp.isMissing(cells.buffer(), cells.start(c), cells.end(c))) b.appendMissing();
                else b.append(cells, c, vp);
            }
            out.add(b.build());
        }
        return WideTables.of("rows", out);
    }

    /** The {@link Fields} of records kept as trimmed Strings (null = missing), one record selected at a time. */
    private static final class Cells implements Fields {
        private final int columns;
        private final List<String[]> records = new ArrayList<>();
        private final List<Long> lines = new ArrayList<>();
        private int rows;
        private String[] current;
        private long line;
        private char[] buffer = new char[0];
        private int[] starts;
        private int[] ends;

        Cells(int columns) {
            this.columns = columns;
            this.starts = new int[columns];
            this.ends = new int[columns];
        }

        void add(String[] record, long lineNo) {
            if (record.length != columns) {
                throw new IllegalArgumentException("record " + lineNo + " has " + record.length + " cells, expected "
                        + columns);
            }
            String[] trimmed = new String[columns];
            for (int c = 0; c < columns; c++) trimmed[c] = record[c] == null ? null : record[c].trim();
            records.add(trimmed);
            lines.add(lineNo);
            rows++;
        }

        /** Makes record {@code r} the one the {@link Fields} methods describe. */
        void select(int r) {
            current = records.get(r);
            line = lines.get(r);
            int total = 0;
            for (String s : current) if (s != null) total += s.length();
            if (buffer.length < total) buffer = new char[Math.max(total, buffer.length * 2)];
            int at = 0;
            for (int c = 0; c < columns; c++) {
                String s = current[c];
                starts[c] = at;
                if (s != null) {
                    s.getChars(0, s.length(), buffer, at);
                    at += s.length();
                }
                ends[c] = at;
            }
        }

        boolean isNull(int c) { return current[c] == null || current[c].isEmpty(); }

        @Override
        public char[] buffer() { return buffer; }

        @Override
        public int start(int i) { return starts[i]; }

        @Override
        public int end(int i) { return ends[i]; }

        @Override
        public String text(int i) { return current[i] == null ? "" : current[i]; }

        @Override
        public long line() { return line; }
    }
}
