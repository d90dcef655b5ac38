package org.automlwb.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.automlwb.common.BadInputException;
import org.automlwb.data.DialectSniffer.Sniffed;
import org.automlwb.data.ValueParser.NumberStyle;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A CSV file read a chunk of rows at a time, in one streaming pass, with the column types given up front (e.g. the
 * types a model was trained with), so that a file larger than memory can be processed and every chunk has the same
 * column types. Only the requested columns are kept, in the order given.
 *
 * <p>Same dialect sniffing, tokenizer, trimming, missing tokens and malformed-row rules as {@link CsvLoader}. A cell
 * that does not fit its column's type is bad input naming the file, line and column. Number style (decimal comma or
 * dot), large integers and date layouts are decided over the rows read so far, so a later chunk that rules out the
 * style the earlier ones used may read differently. Lines are decoded one by one as for the loader (UTF-8 or
 * Windows-1252, whichever each is valid as). A requested column that is not in the header under its exact name is
 * matched ignoring case when exactly one header name fits, and said in {@link #warnings()}.
 *
 * <p>{@link #next()} throws {@link ChunkException} (unchecked, wrapping the {@link BadInputException}) for a bad row;
 * use {@link #nextChunk()} to get the checked exception instead.
 */
public final class CsvChunks implements Iterator<Table>, Closeable {
    private final Path file;
    private final CsvOptions options;
    private final int chunkRows;
    private final CsvSource source;
    private final CsvTokenizer tokenizer;
    private final RowShape shape;
    private final List<String> columns;
    private final List<ColumnKind> kinds;
    private final int[] fieldOf;
    private final ColumnInference[] inference;
    private final ValueParser vp;
    private final PackedRows rows;
    private final List<SkippedRow> skipped = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final CsvDialect dialect;
    private Boolean more;
    private long rowsRead;

    /** Unchecked carrier of a {@link BadInputException} for {@link Iterator#next()}. */
    public static final class ChunkException extends RuntimeException {
        public ChunkException(BadInputException cause) { super(cause.getMessage(), cause); }

        @Override
        public synchronized BadInputException getCause() { return (BadInputException) super.getCause(); }
    }

    private CsvChunks(Path file, CsvOptions options, Map<String, ColumnKind> kinds, int chunkRows)
            throws IOException, BadInputException {
        if (kinds.isEmpty()) throw new IllegalArgumentException("ask for at least one column");
        if (chunkRows < 1) throw new IllegalArgumentException("chunks need at least one row");
        this.file = file;
        this.options = options;
        this.chunkRows = chunkRows;
        this.vp = new ValueParser(options.missingTokens());
        Sniffed sniffed = DialectSniffer.sniff(file, options);
        this.dialect = sniffed.dialect();
        this.source = new CsvSource(file, sniffed.encoding(), dialect.delimiter(), dialect.quote());
        boolean ok = false;
        try {
            this.tokenizer = source.tokenizer();
            if (!readRecord()) {
                throw new BadInputException("the file is empty", file, 0, null,
                        "choose a CSV file with a header line and at least one row of data");
            }
            if (tokenizer.problem() != null) {
                throw new BadInputException("this does not look like a CSV text file: " + tokenizer.problem(), file,
                        tokenizer.line(), null, "choose a CSV file; save spreadsheets as CSV first");
            }
            List<String> first = new ArrayList<>(tokenizer.size());
            for (int i = 0; i < tokenizer.size(); i++) first.add(tokenizer.text(i));
            List<String> names = dialect.header() ? HeaderNames.normalise(first) : HeaderNames.numbered(first.size());
            this.shape = new RowShape(names, first.get(first.size() - 1).isBlank(), dialect.header());
            this.columns = List.copyOf(kinds.keySet());
            this.kinds = List.copyOf(kinds.values());
            this.fieldOf = new int[columns.size()];
            List<String> missing = new ArrayList<>();
            List<String> caseMatched = new ArrayList<>();
            for (int c = 0; c < fieldOf.length; c++) {
                String want = columns.get(c);
                fieldOf[c] = names.indexOf(want);
                if (fieldOf[c] < 0) fieldOf[c] = indexIgnoringCase(names, want);
                if (fieldOf[c] < 0) missing.add(want);
                else if (!names.get(fieldOf[c]).equals(want)) {
                    caseMatched.add("'" + names.get(fieldOf[c]) + "' as '" + want + "'");
                }
            }
            if (!caseMatched.isEmpty()) {
                warnings.add(caseMatched.size() + (caseMatched.size() == 1 ? " column" : " columns")
                        + " matched ignoring case: " + String.join(", ", caseMatched));
            }
            if (!missing.isEmpty()) {
                throw new BadInputException("the file has no column" + (missing.size() > 1 ? "s " : " ")
                        + String.join(", ", missing.stream().map(m -> "'" + m + "'").toList()), file, 1,
                        missing.get(0), "the columns needed are: " + String.join(", ", columns));
            }
            List<NumberStyle> styles = DialectSniffer.numberStyles(options, dialect.delimiter());
            this.inference = new ColumnInference[fieldOf.length];
            for (int c = 0; c < fieldOf.length; c++) inference[c] = new ColumnInference(this.kinds.get(c), styles);
            this.rows = new PackedRows(fieldOf.length, Math.min(chunkRows, 1 << 16), dialect.quote());
            // Without a header the first record is data: keep it for the first chunk.
            more = dialect.header() ? null : Boolean.TRUE;
            ok = true;
        } finally {
            if (!ok) source.close();
        }
    }

    /** The index of the one name equal to {@code want} ignoring case; -1 when none or several are. */
    private static int indexIgnoringCase(List<String> names, String want) {
        int found = -1;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(want)) {
                if (found >= 0) return -1;
                found = i;
            }
        }
        return found;
    }

    /**
     * Opens a file for chunked reading.
     *
     * @param kinds     the columns to read (name as in the header, after the loader's normalisation) and their types
     * @param chunkRows rows per chunk at most
     * @throws BadInputException when the file cannot be read, is empty, or lacks a requested column
     */
    static CsvChunks open(Path file, CsvOptions options, Map<String, ColumnKind> kinds, int chunkRows)
            throws BadInputException {
        try {
            return new CsvChunks(file, options, new LinkedHashMap<>(kinds), chunkRows);
        } catch (IOException e) {
            throw new BadInputException("cannot read the file (" + e.getMessage() + ")", file, 0, null,
                    "check that the file exists and can be read");
        }
    }

    /** The dialect used. */
    public CsvDialect dialect() { return dialect; }

    /** Data rows returned so far. */
    public long rowsRead() { return rowsRead; }

    /**
     * What the user should know about the rows read so far, one sentence each: requested columns found under
     * another case, infinite or huge numbers per column ({@link NumberLimits}), lines in two encodings.
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>(warnings);
        for (int c = 0; c < inference.length; c++) {
            NumberFixes f = inference[c].numberFixes();
            if (f.any()) out.add("column '" + columns.get(c) + "': " + f.describe());
        }
        source.encodingWarning().ifPresent(out::add);
        return out;
    }

    /** Malformed rows left out so far (only under {@link MalformedRowPolicy#SKIP}). */
    public List<SkippedRow> skipped() { return List.copyOf(skipped); }

    @Override
    public boolean hasNext() {
        try {
            return peek();
        } catch (BadInputException e) {
            throw new ChunkException(e);
        }
    }

    @Override
    public Table next() {
        try {
            return nextChunk();
        } catch (BadInputException e) {
            throw new ChunkException(e);
        }
    }

    /**
     * The next chunk: up to {@code chunkRows} rows with the requested columns and types.
     *
     * @throws NoSuchElementException after the last chunk
     * @throws BadInputException      for a malformed row (under FAIL) or a cell that does not fit its type
     */
    public Table nextChunk() throws BadInputException {
        if (!peek()) throw new NoSuchElementException("no more rows");
        rows.clear();
        while (rows.rows() < chunkRows && peek()) {
            RowShape.Problem bad = shape.check(tokenizer);
            if (bad != null) skipped.add(CsvLoader.malformedRow(tokenizer, bad, options, file));
            else rows.add(tokenizer, fieldOf);
            more = null;
        }
        int n = rows.rows();
        for (int r = 0; r < n; r++) {
            PackedRows row = rows.select(r);
            for (int c = 0; c < fieldOf.length; c++) {
                int s = row.start(c);
                int e = row.end(c);
                if (vp.isMissing(row.buffer(), s, e)) continue;
                if (!inference[c].accept(row.buffer(), s, e, vp)) {
                    ColumnKind k = kinds.get(c);
                    throw new BadInputException(String.format(Locale.ROOT, "the value '%s' is not %s %s",
                            CsvLoader.abbreviate(row.text(c)), k == ColumnKind.INTEGER ? "an" : "a",
                            k.name().toLowerCase(Locale.ROOT)), file, row.line(), columns.get(c),
                            "give the column the same type of values it had in training");
                }
            }
        }
        List<Column<?>> out = new ArrayList<>(fieldOf.length);
        for (int c = 0; c < fieldOf.length; c++) {
            ColumnBuilder b = ColumnBuilder.of(columns.get(c), kinds.get(c), inference[c], n);
            for (int r = 0; r < n; r++) {
                PackedRows row = rows.select(r);
                if (vp.isMissing(row.buffer(), row.start(c), row.end(c))) b.appendMissing();
                else b.append(row, c, vp);
            }
            out.add(b.build());
        }
        rowsRead += n;
        return WideTables.of(file.getFileName().toString(), out);
    }

    /** Whether a record is waiting (reading it if needed), skipping blank lines as the tokenizer does. */
    private boolean peek() throws BadInputException {
        if (more == null) more = readRecord();
        return more;
    }

    private boolean readRecord() throws BadInputException {
        try {
            return tokenizer.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
