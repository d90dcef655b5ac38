package org.automlwb.data;

import java.util.Arrays;

/**
 * Rows of a chunk kept as characters in one growing buffer, a few columns per row, so that a chunk can be typed
 * after it is read (the tokenizer's buffer holds one record only). Also the {@link Fields} of the row selected by
 * {@link #select}.
 */
final class PackedRows implements Fields {
    private final int columns;
    private char[] chars = new char[1 << 16];
    private int used;
    private int[] starts;
    private int[] ends;
    private boolean[] escaped;
    private long[] lines;
    private int rows;
    private int base;
    private final char quote;

    PackedRows(int columns, int expectedRows, char quote) {
        this.columns = columns;
        this.quote = quote;
        int cap = Math.max(16, expectedRows);
        starts = new int[cap * columns];
        ends = new int[cap * columns];
        escaped = new boolean[cap * columns];
        lines = new long[cap];
    }

    /** Forgets every row, keeping the buffers for the next chunk. */
    void clear() {
        used = 0;
        rows = 0;
    }

    int rows() { return rows; }

    /** Stores fields {@code fieldOfColumn[c]} of the tokenizer's record as row {@link #rows()}; -1 or absent = empty. */
    void add(CsvTokenizer t, int[] fieldOfColumn) {
        if (rows == lines.length) {
            int cap = rows * 2;
            starts = Arrays.copyOf(starts, cap * columns);
            ends = Arrays.copyOf(ends, cap * columns);
            escaped = Arrays.copyOf(escaped, cap * columns);
            lines = Arrays.copyOf(lines, cap);
        }
        lines[rows] = t.line();
        char[] b = t.buffer();
        for (int c = 0; c < columns; c++) {
            int f = fieldOfColumn[c];
            int k = rows * columns + c;
            if (f < 0 || f >= t.size()) {
                starts[k] = used;
                ends[k] = used;
                escaped[k] = false;
                continue;
            }
            int len = t.end(f) - t.start(f);
            if (used + len > chars.length) chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + len));
            System.arraycopy(b, t.start(f), chars, used, len);
            starts[k] = used;
            used += len;
            ends[k] = used;
            escaped[k] = t.escaped(f);
        }
        rows++;
    }

    /** Makes row {@code r} the one that {@link Fields} methods read; field indices are column indices. */
    PackedRows select(int r) {
        base = r * columns;
        return this;
    }

    long lineOf(int r) { return lines[r]; }

    @Override
    public char[] buffer() { return chars; }

    @Override
    public int start(int i) { return starts[base + i]; }

    @Override
    public int end(int i) { return ends[base + i]; }

    @Override
    public String text(int i) {
        String raw = new String(chars, start(i), end(i) - start(i));
        if (!escaped[base + i]) return raw;
        String q = String.valueOf(quote);
        return raw.replace(q + q, q);
    }

    @Override
    public long line() { return lines[base / columns]; }
}
