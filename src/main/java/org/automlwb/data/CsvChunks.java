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
import org.automlwb.common.ProgressListener;
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
            // A null kind (only in a scan) means "infer": List.copyOf would refuse it.
            this.kinds = java.util.Collections.unmodifiableList(new ArrayList<>(kinds.values()));
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

    /**
     * What one streaming pass over a whole file learns without keeping its rows: the column names and the type of
     * each column over every row (as {@link CsvLoader#load} would infer them), and the number of data rows.
     *
     * @param kinds   column name → type, in file order
     * @param rows    data rows (malformed rows skipped under {@link MalformedRowPolicy#SKIP} not counted)
     * @param skipped malformed rows left out
     */
    public record Scan(Map<String, ColumnKind> kinds, long rows, List<SkippedRow> skipped) {
        public Scan {
            kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Reads a whole file once to learn its columns' types and row count in constant memory, so that a file larger
     * than the heap can then be read in chunks ({@link CsvLoader#chunks}) with the same types in every chunk.
     *
     * @throws BadInputException when the file cannot be read, is empty, or has a malformed row (under FAIL)
     */
    public static Scan scan(Path file, CsvOptions options, ProgressListener progress,
                            org.automlwb.common.CancelToken cancel) throws BadInputException {
        List<String> names = CsvLoader.preview(file, options, 1).columns();
        LinkedHashMap<String, ColumnKind> infer = new LinkedHashMap<>();
        for (String n : names) infer.put(n, options.typeOverrides().get(n));
        try (CsvChunks c = new CsvChunks(file, options, infer, 1)) {
            long size = java.nio.file.Files.size(file);
            while (c.peek()) {
                RowShape.Problem bad = c.shape.check(c.tokenizer);
                if (bad != null) {
                    c.skipped.add(CsvLoader.malformedRow(c.tokenizer, bad, options, file));
                } else {
                    c.rows.clear();
                    c.rows.add(c.tokenizer, c.fieldOf);
                    PackedRows row = c.rows.select(0);
                    for (int f = 0; f < c.fieldOf.length; f++) {
                        int st = row.start(f);
                        int e = row.end(f);
                        if (!c.vp.isMissing(row.buffer(), st, e)) c.inference[f].accept(row.buffer(), st, e, c.vp);
                    }
                    if (++c.rowsRead % 65_536 == 0) {
                        cancel.throwIfCancelled();
                        progress.progress(c.source.bytesRead(), size, "scanning");
                    }
                }
                c.more = null;
            }
            Map<String, ColumnKind> kinds = new LinkedHashMap<>();
            for (int f = 0; f < c.fieldOf.length; f++) kinds.put(c.columns.get(f), c.inference[f].kind());
            return new Scan(kinds, c.rowsRead, c.skipped);
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
