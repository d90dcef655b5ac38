package org.automlwb.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.Launcher;
import org.automlwb.common.ProgressListener;
import org.automlwb.data.DialectSniffer.Sniffed;
import org.automlwb.data.EncodingSniffer.Encoding;
import org.automlwb.data.ValueParser.NumberStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Reads CSV files into Tablesaw tables: sniffs the dialect, infers types over every row, reports bad rows.
 *
 * <p>The file is read twice, streaming: the first pass checks the shape of every row and narrows each column's
 * type; the second parses the cells straight into primitive arrays of the right size. Progress is reported in
 * bytes over both passes ({@code total} is twice the file size), and cancellation is checked every 4,096 rows.
 *
 * <p>Decisions, so that the behaviour is predictable:
 * <ul>
 *   <li>Cells are trimmed. Empty cells and {@link CsvOptions#missingTokens()} (compared case-sensitively) are
 *       missing.</li>
 *   <li>BOOLEAN is only {@code true}/{@code false} in any case; {@code yes}/{@code no}, {@code Y}/{@code N} and
 *       {@code 0}/{@code 1} keep their own type (TEXT or INTEGER), so that predicted labels read like the data.</li>
 *   <li>Dates: one layout per column ({@link DatePattern}); when every value fits both day-first and month-first,
 *       day-first wins. Date-times are ISO; a column mixing ISO dates and date-times is DATETIME.</li>
 *   <li>Decimal commas: forced by {@link CsvOptions#decimalComma()}, else tried first (and dot decimals second)
 *       when the delimiter is ';'. Thousands separators are accepted in groups of three.</li>
 *   <li>An all-missing column is TEXT. A last column with a blank name (or a blank first value when there is no
 *       header) and no values at all, as left by a trailing delimiter on every line, is dropped; rows without
 *       that trailing field are accepted.</li>
 *   <li>Rows with extra fields that are all empty (trailing delimiters) are accepted; other field-count
 *       mismatches, unterminated quotes, control characters and cells over 1,000,000 characters are malformed
 *       rows, handled by {@link CsvOptions#malformedRows()}.</li>
 *   <li>Blank lines are skipped. A file with a header and no rows gives a table with 0 rows (all TEXT).</li>
 *   <li>Numbers follow {@link NumberLimits}: in a numeric column {@code inf}, {@code Infinity}, {@code nan}
 *       (any case and sign) and {@code 1e999} are missing values, finite values beyond &plusmn;1e30 are
 *       clipped; both are counted per column in {@link LoadedData#numberFixes()}.</li>
 *   <li>Unless the user forces an encoding (or the file is UTF-16), each line is decoded as UTF-8 when it is
 *       valid UTF-8 and as Windows-1252 otherwise; a file mixing both (or a UTF-8 mark before Windows-1252 lines)
 *       gets a warning in {@link LoadedData#warnings()} naming the first line where the encoding changes.</li>
 * </ul>
 */
public final class CsvLoader {
    private static final Logger LOG = LoggerFactory.getLogger(CsvLoader.class);
    private static final int CHECK_EVERY = 4096;
    private static final String SKIP_HINT = "fix the row, or skip bad rows (--skip-bad-rows)";

    private CsvLoader() { }

    /** Loads with default options, no progress and no cancel. */
    public static LoadedData load(Path file) throws BadInputException {
        return load(file, CsvOptions.defaults(), ProgressListener.none(), CancelToken.none());
    }

    /**
     * Loads a CSV file, or a Parquet file ({@code .parquet}, {@code .parq}, {@code .pq}) through
     * {@link ParquetLoader}.
     *
     * @param progress receives bytes read of total bytes
     * @throws BadInputException for anything wrong with the file (with file, line and column)
     * @throws org.automlwb.common.CancelledException when {@code cancel} fires
     */
    public static LoadedData load(Path file, CsvOptions options, ProgressListener progress, CancelToken cancel)
            throws BadInputException {
        // Every caller (run, resume, report, profile, the app) opens Parquet as well through this one door;
        // the CSV options do not apply to it.
        if (ParquetLoader.isParquet(file)) return ParquetLoader.load(file, progress, cancel);
        long size = DataFormat.CSV.sizeToRead(file);
        MemoryCheck.ensureRoom(file, size);
        try {
            Sniffed sniffed = DialectSniffer.sniff(file, options);
            return new Load(file, size, options, sniffed, progress, cancel).run();
        } catch (IOException e) {
            throw new BadInputException("cannot read the file (" + e.getMessage() + ")", file, 0, null,
                    "check that the file exists and can be read");
        }
    }

    /**
     * Sniffs the dialect and reads the first rows only (at most 64 KiB of the file), for an import dialog that
     * shows what loading would do and lets the user change the options.
     *
     * @param maxRows rows to return at most
     */
    public static CsvPreview preview(Path file, CsvOptions options, int maxRows) throws BadInputException {
        DataFormat.CSV.sizeToRead(file);
        try {
            Sniffed sn = DialectSniffer.sniff(file, options);
            CsvDialect d = sn.dialect();
            List<String[]> recs = DialectSniffer.records(sn.sample(), d.delimiter(), d.quote(), maxRows + 2);
            if (recs.isEmpty()) {
                throw new BadInputException("the file holds no readable rows", file, 0, null,
                        "check the delimiter and quote settings");
            }
            List<String> names = d.header() ? HeaderNames.normalise(List.of(recs.get(0)))
                    : HeaderNames.numbered(recs.get(0).length);
            List<String[]> data = recs.subList(d.header() ? 1 : 0, recs.size());
            List<List<String>> rows = new ArrayList<>();
            ValueParser vp = new ValueParser(options.missingTokens());
            List<NumberStyle> styles = DialectSniffer.numberStyles(options, d.delimiter());
            ColumnInference[] inf = new ColumnInference[names.size()];
            for (int j = 0; j < inf.length; j++) inf[j] = new ColumnInference(forcedKind(options, names.get(j)), styles);
            for (String[] r : data.subList(0, Math.min(maxRows, data.size()))) {
                List<String> row = new ArrayList<>(names.size());
                for (int j = 0; j < names.size(); j++) {
                    String v = j < r.length ? r[j] : "";
                    row.add(v);
                    char[] c = v.toCharArray();
                    if (!vp.isMissing(c, 0, c.length)) inf[j].accept(c, 0, c.length, vp);
                }
                rows.add(row);
            }
            Map<String, ColumnKind> kinds = new LinkedHashMap<>();
            for (int j = 0; j < inf.length; j++) kinds.put(names.get(j), inf[j].kind());
            return new CsvPreview(d, names, rows, kinds, !sn.complete() || data.size() > maxRows);
        } catch (IOException e) {
            throw new BadInputException("cannot read the file (" + e.getMessage() + ")", file, 0, null,
                    "check that the file exists and can be read");
        }
    }

    /**
     * Opens a file to read in chunks of at most {@code rows} rows, in one streaming pass, with the given columns
     * and types (e.g. those a model expects); for files larger than memory. Close it when done.
     *
     * @param kinds the columns to read, in order, and their types; other columns of the file are skipped
     * @throws BadInputException when the file cannot be read, is empty, or lacks one of the columns
     */
    public static CsvChunks chunks(Path file, CsvOptions options, Map<String, ColumnKind> kinds, int rows)
            throws BadInputException {
        DataFormat.CSV.sizeToRead(file);
        return CsvChunks.open(file, options, kinds, rows);
    }


    private static ColumnKind forcedKind(CsvOptions options, String name) {
        ColumnKind k = options.typeOverrides().get(name);
        if (k != null) return k;
        for (Map.Entry<String, ColumnKind> e : options.typeOverrides().entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    /** One load of one file: the state shared by both passes. */
    private static final class Load {
        private final Path file;
        private final long size;
        private final CsvOptions options;
        private final ProgressListener progress;
        private final CancelToken cancel;
        private final ValueParser vp;
        private CsvDialect dialect;
        private Encoding encoding;
        private List<String> names;
        private boolean lastOptional;
        private RowShape shape;
        private ColumnInference[] inference;
        private List<SkippedRow> skipped;
        private final List<String> warnings = new ArrayList<>();
        private int rows;

        Load(Path file, long size, CsvOptions options, Sniffed sniffed, ProgressListener progress,
             CancelToken cancel) {
            this.file = file;
            this.size = size;
            this.options = options;
            this.dialect = sniffed.dialect();
            this.encoding = sniffed.encoding();
            this.progress = progress;
            this.cancel = cancel;
            this.vp = new ValueParser(options.missingTokens());
        }

        LoadedData run() throws IOException, BadInputException {
            inferTypes();
            int keep = names.size();
            if (keep > 1 && lastOptional && inference[keep - 1].nonMissing() == 0) keep--;
            Map<String, ColumnKind> kinds = new LinkedHashMap<>();
            Map<String, NumberFixes> fixes = new LinkedHashMap<>();
            for (int j = 0; j < keep; j++) {
                kinds.put(names.get(j), inference[j].kind());
                NumberFixes f = inference[j].numberFixes();
                if (f.any()) {
                    fixes.put(names.get(j), f);
                    LOG.info("{}: column '{}': {}", file, names.get(j), f.describe());
                }
                if (inference[j].kind() == ColumnKind.DATE && inference[j].dateAmbiguous()) {
                    LOG.info("{}: column '{}': every date fits more than one layout; reading them as {}", file,
                            names.get(j), inference[j].datePattern().display());
                }
            }
            Table table = readValues(keep);
            progress.progress(2 * size, 2 * size, "Loaded");
            LOG.info("{}: {} rows x {} columns, {} rows skipped, dialect {}", file, rows, keep, skipped.size(),
                    dialect);
            return new LoadedData(file, table, dialect, java.util.Collections.unmodifiableMap(kinds), skipped, fixes,
                    warnings);
        }

        /** First pass: header, row shapes, and the type of every column from every cell. */
        private void inferTypes() throws IOException, BadInputException {
            skipped = new ArrayList<>();
            rows = 0;
            try (CsvSource src = new CsvSource(file, encoding, dialect.delimiter(), dialect.quote())) {
                CsvTokenizer t = src.tokenizer();
                if (!t.next()) {
                    throw new BadInputException("the file is empty", file, 0, null,
                            "choose a CSV file with a header line and at least one row of data");
                }
                if (t.problem() != null) {
                    throw new BadInputException("this does not look like a CSV text file: " + t.problem(), file,
                            t.line(), null, "choose a CSV file; save spreadsheets as CSV first");
                }
                List<String> first = new ArrayList<>(t.size());
                for (int i = 0; i < t.size(); i++) first.add(t.text(i));
                names = dialect.header() ? HeaderNames.normalise(first) : HeaderNames.numbered(first.size());
                // A blank last field in the first record is the mark of a trailing delimiter on every line.
                lastOptional = first.get(first.size() - 1).isBlank();
                shape = new RowShape(names, lastOptional, dialect.header());
                inference = new ColumnInference[names.size()];
                List<NumberStyle> styles = DialectSniffer.numberStyles(options, dialect.delimiter());
                checkOverrides();
                for (int j = 0; j < inference.length; j++) {
                    inference[j] = new ColumnInference(forcedKind(options, names.get(j)), styles);
                }
                boolean more = dialect.header() ? t.next() : true;
                while (more) {
                    RowShape.Problem bad = problem(t);
                    if (bad != null) {
                        malformed(t, bad);
                    } else {
                        inferRow(t);
                        if (++rows == Integer.MAX_VALUE - 16) {
                            throw new BadInputException("the file has more rows than a table can hold", file,
                                    t.line(), null, "split the file");
                        }
                    }
                    if ((rows + skipped.size()) % CHECK_EVERY == 0) {
                        cancel.throwIfCancelled();
                        progress.progress(Math.min(size, src.bytesRead()), 2 * size, "Checking types");
                    }
                    more = t.next();
                }
                // What the per-line decoding found over the whole file, e.g. Windows-1252 after a UTF-8 head.
                java.nio.charset.Charset found = src.charset(dialect.charset());
                if (!found.equals(dialect.charset())) {
                    LOG.info("{}: read as {} (the first {} KiB suggested {})", file, found.name(),
                            DialectSniffer.SAMPLE_BYTES >> 10, dialect.charset().name());
                    dialect = new CsvDialect(dialect.delimiter(), dialect.quote(), dialect.header(), found,
                            dialect.bom(), dialect.decimalComma(), dialect.lineEnding());
                }
                src.encodingWarning().ifPresent(w -> {
                    LOG.warn("{}: {}", file, w);
                    warnings.add(w);
                });
            }
        }

        private void checkOverrides() throws BadInputException {
            for (String col : options.typeOverrides().keySet()) {
                if (names.stream().noneMatch(col::equalsIgnoreCase)) {
                    throw new BadInputException("there is no such column to set the type of (columns: "
                            + String.join(", ", names) + ")", file, 0, col, "check the column name");
                }
            }
        }

        private void inferRow(CsvTokenizer t) throws BadInputException {
            char[] b = t.buffer();
            int n = Math.min(t.size(), inference.length);
            for (int j = 0; j < n; j++) {
                int s = t.start(j);
                int e = t.end(j);
                if (vp.isMissing(b, s, e)) continue;
                if (!inference[j].accept(b, s, e, vp)) {
                    ColumnKind k = inference[j].forced();
                    throw new BadInputException(String.format(Locale.ROOT, "the value '%s' is not %s %s",
                            abbreviate(t.text(j)), k == ColumnKind.INTEGER ? "an" : "a", k), file, t.line(),
                            names.get(j), "fix the value, or do not force the type of this column");
                }
            }
        }

        /** Second pass: parse every cell of the kept columns into its column. */
        private Table readValues(int keep) throws IOException, BadInputException {
            ColumnBuilder[] builders = new ColumnBuilder[keep];
            try {
                for (int j = 0; j < keep; j++) {
                    builders[j] = ColumnBuilder.of(names.get(j), inference[j].kind(), inference[j], rows);
                }
                try (CsvSource src = new CsvSource(file, encoding, dialect.delimiter(), dialect.quote())) {
                    CsvTokenizer t = src.tokenizer();
                    if (dialect.header()) t.next();
                    long seen = 0;
                    while (t.next()) {
                        if (problem(t) == null) parseRow(t, builders);
                        if (++seen % CHECK_EVERY == 0) {
                            cancel.throwIfCancelled();
                            progress.progress(size + Math.min(size, src.bytesRead()), 2 * size, "Reading rows");
                        }
                    }
                }
                List<Column<?>> columns = new ArrayList<>(keep);
                for (ColumnBuilder cb : builders) columns.add(cb.build());
                return WideTables.of(file.getFileName().toString(), columns);
            } catch (OutOfMemoryError e) {
                // The estimate before loading was too low for this file; drop what was built and say so.
                builders = null;
                throw new BadInputException("ran out of memory while loading the file", file, 0, null,
                        "start the program with more heap, e.g. " + Launcher.withHeap(8) + " ...");
            }
        }

        private void parseRow(CsvTokenizer t, ColumnBuilder[] builders) {
            char[] b = t.buffer();
            int n = t.size();
            for (int j = 0; j < builders.length; j++) {
                if (j >= n || vp.isMissing(b, t.start(j), t.end(j))) builders[j].appendMissing();
                else builders[j].append(t, j, vp);
            }
        }

        private RowShape.Problem problem(CsvTokenizer t) {
            return shape.check(t);
        }

        private void malformed(CsvTokenizer t, RowShape.Problem bad) throws BadInputException {
            skipped.add(malformedRow(t, bad, options, file));
        }
    }

    /**
     * A malformed row under the options' policy: thrown as bad input under FAIL, else returned to be listed as
     * skipped.
     */
    static SkippedRow malformedRow(CsvTokenizer t, RowShape.Problem bad, CsvOptions options, Path file)
            throws BadInputException {
        if (options.malformedRows() == MalformedRowPolicy.FAIL) {
            throw new BadInputException(bad.message(), file, t.line(), bad.column(), SKIP_HINT);
        }
        return new SkippedRow(t.line(), "column '" + bad.column() + "': " + bad.message());
    }

    static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
