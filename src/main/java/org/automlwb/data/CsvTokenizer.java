package org.automlwb.data;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A fast, forgiving CSV record splitter over a {@link Reader}.
 *
 * <p>Fields are exposed as trimmed character ranges of a shared buffer ({@link #buffer()}, {@link #start(int)},
 * {@link #end(int)}) so that callers can classify and parse cells without creating a String per cell. Quoted
 * fields may hold delimiters and line breaks; their doubled quotes are left in the buffer and made single by
 * {@link #text(int)}. CR, LF
 * and CRLF line ends are all accepted. Lines that are empty (or hold only whitespace) are skipped.
 *
 * <p>Problems inside a record (an unterminated quote, control characters, an overlong cell) do not throw: the
 * record comes back with {@link #problem()} set, and reading can go on with the next record. After an
 * unterminated quote, reading resumes on the line after the one where the quote opened, so that one stray quote
 * costs one row and not the rest of the file.
 */
final class CsvTokenizer implements Fields {
    /** Cells longer than this are reported as a problem (Tablesaw's default limit is 4,096). */
    static final int DEFAULT_MAX_CELL_CHARS = 1_000_000;

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;
    private static final int AFTER_CLOSE = 4;

    private final Reader in;
    private final char delimiter;
    private final char quote;
    private final int maxCellChars;
    private final int maxBufferChars;

    private char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean overflow;
    private boolean skipLineFeed;
    private long line = 1;

    private int recStart;
    private long recLine;
    private long recLastLine;
    private int count;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private boolean[] escaped = new boolean[64];
    private String problem;
    private int problemField;

    CsvTokenizer(Reader in, char delimiter, char quote, int maxCellChars) {
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote;
        this.maxCellChars = maxCellChars;
        this.maxBufferChars = (int) Math.min(Integer.MAX_VALUE - 16, 2L * maxCellChars + (1 << 16));
    }

    CsvTokenizer(Reader in, char delimiter, char quote) {
        this(in, delimiter, quote, DEFAULT_MAX_CELL_CHARS);
    }

    /** The buffer that {@link #start(int)} and {@link #end(int)} index into; valid until the next call. */
    @Override
    public char[] buffer() { return buf; }

    /** Number of fields in the current record. */
    int size() { return count; }

    /** Start (inclusive) of field {@code i}, whitespace trimmed. */
    @Override
    public int start(int i) { return starts[i]; }

    /** End (exclusive) of field {@code i}, whitespace trimmed. */
    @Override
    public int end(int i) { return ends[i]; }

    /** Whether field {@code i} holds doubled quotes, which {@link #text(int)} turns into single ones. */
    boolean escaped(int i) { return escaped[i]; }

    /** Field {@code i} as a trimmed String, with doubled quotes made single. */
    @Override
    public String text(int i) {
        String raw = new String(buf, starts[i], ends[i] - starts[i]);
        if (!escaped[i]) return raw;
        String q = String.valueOf(quote);
        return raw.replace(q + q, q);
    }

    /** 1-based physical line where the current record starts. */
    @Override
    public long line() { return recLine; }

    /** 1-based physical line where the current record ends (differs from {@link #line()} for quoted newlines). */
    long lastLine() { return recLastLine; }

    /** What is wrong with the current record, or null. */
    String problem() { return problem; }

    /** 0-based field where {@link #problem()} was found. */
    int problemField() { return problemField; }

    /**
     * Reads the next record.
     *
     * @return false at the end of the input
     */
    boolean next() throws IOException {
        for (;;) {
            int r = readRecord();
            if (r < 0) return false;
            // Blank (or whitespace-only) lines are not records.
            if (count == 1 && starts[0] == ends[0] && problem == null) continue;
            return true;
        }
    }

    /** @return -1 at end of input, else 0 */
    private int readRecord() throws IOException {
        count = 0;
        problem = null;
        problemField = -1;
        if (skipLineFeed) {
            if (pos >= limit) {
                recStart = pos;
                fill();
            }
            if (pos < limit && buf[pos] == '\n') pos++;
            skipLineFeed = false;
        }
        recStart = pos;
        recLine = line;
        int p = pos;
        int fieldStart = p;
        int contentEnd = p;
        int quotePos = -1;
        long quoteLine = 0;
        boolean escapedQuote = false;
        boolean prevCr = false;
        int state = FIELD_START;
        for (;;) {
            if (p >= limit) {
                pos = p;
                int r = fill();
                int shift = r >= 0 ? r : -r - 1;
                p -= shift;
                fieldStart -= shift;
                contentEnd -= shift;
                quotePos -= shift;
                if (r >= 0) continue;
                if (overflow) {
                    overflow = false;
                    markProblem("the record is longer than " + maxBufferChars + " characters", count);
                    if (state == QUOTED) recover(quotePos, quoteLine);
                    else recover(p, line);
                    count = 0;
                    return 0;
                }
                // End of input.
                if (state == QUOTED) {
                    markProblem("unterminated quote (opened on line " + quoteLine + ")", count);
                    recover(quotePos, quoteLine);
                    count = 0;
                    return 0;
                }
                if (state == FIELD_START && count == 0 && p == recStart) return -1;
                endField(fieldStart, state >= QUOTE_SEEN ? contentEnd : p, escapedQuote);
                recLastLine = line;
                pos = p;
                return 0;
            }
            char c = buf[p];
            switch (state) {
                case FIELD_START, UNQUOTED -> {
                    if (state == UNQUOTED) {
                        // Tight loop over the ordinary characters of an unquoted field.
                        while (c != delimiter && c >= ' ' && ++p < limit) c = buf[p];
                        if (p >= limit) continue;
                    }
                    if (c == delimiter) {
                        endField(fieldStart, p, false);
                        p++;
                        fieldStart = p;
                        state = FIELD_START;
                    } else if (c == '\n' || c == '\r') {
                        return endRecord(fieldStart, p, p, false, c);
                    } else if (c == quote && state == FIELD_START) {
                        state = QUOTED;
                        p++;
                        fieldStart = p;
                        quotePos = p;
                        quoteLine = line;
                        escapedQuote = false;
                        prevCr = false;
                    } else {
                        if (c < ' ' && c != '\t') controlChar(c);
                        if (state == FIELD_START && c != ' ' && c != '\t') state = UNQUOTED;
                        p++;
                    }
                }
                case QUOTED -> {
                    while (c != quote && c >= ' ' && ++p < limit) c = buf[p];
                    if (p >= limit) continue;
                    if (c == quote) {
                        state = QUOTE_SEEN;
                        contentEnd = p;
                    } else if (c == '\r' || c == '\n') {
                        if (c == '\r' || !prevCr) line++;
                    } else if (c != '\t') {
                        controlChar(c);
                    }
                    prevCr = c == '\r';
                    p++;
                }
                case QUOTE_SEEN -> {
                    if (c == quote) {
                        escapedQuote = true;
                        state = QUOTED;
                        p++;
                    } else {
                        state = AFTER_CLOSE;
                    }
                }
                default -> { // AFTER_CLOSE: text after a closing quote is kept (with the quote), to lose nothing
                    if (c == delimiter) {
                        endField(fieldStart, contentEnd, escapedQuote);
                        p++;
                        fieldStart = p;
                        state = FIELD_START;
                    } else if (c == '\n' || c == '\r') {
                        return endRecord(fieldStart, contentEnd, p, escapedQuote, c);
                    } else {
                        if (c < ' ' && c != '\t') controlChar(c);
                        if (c > ' ') contentEnd = p + 1;
                        p++;
                    }
                }
            }
        }
    }

    private int endRecord(int fieldStart, int fieldEnd, int p, boolean escapedQuote, char lineEnd) {
        endField(fieldStart, fieldEnd, escapedQuote);
        recLastLine = line;
        line++;
        skipLineFeed = lineEnd == '\r';
        pos = p + 1;
        return 0;
    }

    private void controlChar(char c) {
        if (c == 0x0B || c == 0x0C) return;
        if (problem == null) {
            markProblem(c == 0 ? "binary data (a NUL character) in the cell"
                    : String.format("binary data (control character 0x%02X) in the cell", (int) c), count);
        }
    }

    private void markProblem(String what, int field) {
        if (problem == null) {
            problem = what;
            problemField = field;
        }
    }

    private void endField(int s, int e, boolean escapedQuote) {
        while (s < e && buf[s] <= ' ') s++;
        while (e > s && buf[e - 1] <= ' ') e--;
        if (count == starts.length) {
            starts = Arrays.copyOf(starts, count * 2);
            ends = Arrays.copyOf(ends, count * 2);
            escaped = Arrays.copyOf(escaped, count * 2);
        }
        if (e - s > maxCellChars) {
            markProblem("a cell of " + (e - s) + " characters (the limit is " + maxCellChars + ")", count);
        }
        starts[count] = s;
        ends[count] = e;
        escaped[count] = escapedQuote;
        count++;
    }

    /**
     * Skips to the end of the line that holds {@code from} (a buffer index), so that reading resumes with the
     * next line. {@code fromLine} is the physical line at {@code from}.
     */
    private void recover(int from, long fromLine) throws IOException {
        int p = from;
        line = fromLine;
        for (;;) {
            if (p >= limit) {
                recStart = p;
                pos = p;
                int r = fill();
                if (r < 0) {
                    overflow = false;
                    pos = limit;
                    recLastLine = line;
                    return;
                }
                p -= r;
                continue;
            }
            char c = buf[p];
            if (c == '\n' || c == '\r') {
                recLastLine = line;
                line++;
                skipLineFeed = c == '\r';
                pos = p + 1;
                return;
            }
            p++;
        }
    }

    /**
     * Moves the current record to the start of the buffer (growing it if needed) and reads more input.
     *
     * @return the shift {@code s} applied to buffer indices when more input was read; {@code -s - 1} at the end
     *         of input or when the record outgrew the buffer limit ({@link #overflow} set, and then s is 0)
     */
    private int fill() throws IOException {
        if (eof) return -1;
        int shift = recStart;
        if (shift > 0) {
            System.arraycopy(buf, shift, buf, 0, limit - shift);
            for (int i = 0; i < count; i++) {
                starts[i] -= shift;
                ends[i] -= shift;
            }
            limit -= shift;
            pos -= shift;
            recStart = 0;
        } else if (limit == buf.length) {
            if (buf.length >= maxBufferChars) {
                overflow = true;
                return -1;
            }
            buf = Arrays.copyOf(buf, (int) Math.min(maxBufferChars, 2L * buf.length));
        }
        int r = in.read(buf, limit, buf.length - limit);
        if (r < 0) {
            eof = true;
            return -shift - 1;
        }
        limit += r;
        return shift;
    }
}
