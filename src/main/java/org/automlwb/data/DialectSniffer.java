package org.automlwb.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.BadInputException;
import org.automlwb.data.EncodingSniffer.Encoding;
import org.automlwb.data.ValueParser.NumberStyle;

/**
 * Guesses how a CSV file is written from its first 64 KiB: encoding, delimiter, quote character, header line and
 * line ending. Every guess gives way to what the user set in {@link CsvOptions}.
 */
final class DialectSniffer {
    /** How much of the file the guesses look at. */
    static final int SAMPLE_BYTES = 1 << 16;
    private static final int SAMPLE_RECORDS = 200;
    private static final char[] DELIMITERS = {',', ';', '\t', '|'};

    private DialectSniffer() { }

    /**
     * The guesses.
     *
     * @param dialect  the dialect, with user choices applied
     * @param encoding how to decode (and whether line by line)
     * @param sample   the decoded head of the file
     * @param complete whether {@code sample} is the whole file
     */
    record Sniffed(CsvDialect dialect, Encoding encoding, String sample, boolean complete) { }

    static Sniffed sniff(Path file, CsvOptions options) throws IOException, BadInputException {
        byte[] head = new byte[SAMPLE_BYTES];
        int n;
        boolean complete;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
            complete = in.read() < 0;
        }
        Encoding enc = EncodingSniffer.sniff(head, n, complete, options.charset());
        String sample = enc.perLine() ? LineDecoder.decode(head, enc.bomBytes(), n - enc.bomBytes())
                : enc.charset().newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .decode(ByteBuffer.wrap(head, enc.bomBytes(), n - enc.bomBytes())).toString();
        if (!complete) {
            // Drop a line cut by the end of the sample.
            int cut = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
            if (cut > 0) sample = sample.substring(0, cut + 1);
        }
        if (sample.isBlank()) {
            throw new BadInputException("the file is empty", file, 0, null,
                    "choose a CSV file with a header line and at least one row of data");
        }
        char quote = options.quote() != null ? options.quote() : '"';
        char delimiter = options.delimiter() != null ? options.delimiter() : sniffDelimiter(sample, quote);
        if (options.quote() == null) quote = sniffQuote(sample, delimiter);
        boolean header = options.header() != null ? options.header()
                : sniffHeader(sample, delimiter, quote, numberStyles(options, delimiter), options);
        boolean decimalComma = options.decimalComma() != null ? options.decimalComma() : delimiter == ';';
        CsvDialect dialect = new CsvDialect(delimiter, quote, header, enc.charset(), enc.bomBytes() > 0,
                decimalComma, lineEnding(sample));
        return new Sniffed(dialect, enc, sample, complete);
    }

    /**
     * The number styles a column may use, most preferred first: as forced by the user, else comma decimals
     * first when the delimiter is ';' (and dot decimals still accepted), else dot decimals only.
     */
    static List<NumberStyle> numberStyles(CsvOptions options, char delimiter) {
        if (options.decimalComma() != null) {
            return List.of(options.decimalComma() ? NumberStyle.COMMA : NumberStyle.DOT);
        }
        return delimiter == ';' ? List.of(NumberStyle.COMMA, NumberStyle.DOT) : List.of(NumberStyle.DOT);
    }

    /** The first records of the sample, as Strings. */
    static List<String[]> records(String sample, char delimiter, char quote, int max) {
        List<String[]> out = new ArrayList<>();
        try {
            CsvTokenizer t = new CsvTokenizer(new StringReader(sample), delimiter, quote);
            while (out.size() < max && t.next()) {
                if (t.problem() != null) continue;
                String[] r = new String[t.size()];
                for (int i = 0; i < r.length; i++) r[i] = t.text(i);
                out.add(r);
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading a String cannot fail", e);
        }
        return out;
    }

    /** The candidate that splits the most records into the same number (above one) of fields. */
    private static char sniffDelimiter(String sample, char quote) {
        char best = ',';
        double bestScore = 0;
        int bestWidth = 1;
        for (char d : DELIMITERS) {
            List<String[]> recs = records(sample, d, quote, SAMPLE_RECORDS);
            if (recs.isEmpty()) continue;
            Map<Integer, Integer> freq = new HashMap<>();
            for (String[] r : recs) freq.merge(r.length, 1, Integer::sum);
            int width = 1;
            int hits = 0;
            for (Map.Entry<Integer, Integer> e : freq.entrySet()) {
                if (e.getValue() > hits || e.getValue() == hits && e.getKey() > width) {
                    width = e.getKey();
                    hits = e.getValue();
                }
            }
            if (width <= 1) continue;
            double score = (double) hits / recs.size();
            if (score > bestScore || score == bestScore && width > bestWidth) {
                best = d;
                bestScore = score;
                bestWidth = width;
            }
        }
        return best;
    }

    /** '"' unless fields never start with it and do start with a single quote. */
    private static char sniffQuote(String sample, char delimiter) {
        int dq = 0;
        int sq = 0;
        boolean atFieldStart = true;
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (atFieldStart) {
                if (c == '"') dq++;
                else if (c == '\'') sq++;
            }
            atFieldStart = c == delimiter || c == '\n' || c == '\r' || atFieldStart && c == ' ';
        }
        return dq == 0 && sq > 0 ? '\'' : '"';
    }

    /**
     * A header is assumed unless a typed column (numbers, dates, booleans in the rows below) also has a value of
     * that type in the first row, and no typed column has a first-row value that does not fit. A file whose
     * columns are all text is assumed to have a header.
     */
    private static boolean sniffHeader(String sample, char delimiter, char quote, List<NumberStyle> styles,
                                       CsvOptions options) {
        List<String[]> recs = records(sample, delimiter, quote, SAMPLE_RECORDS);
        if (recs.size() < 2) return true;
        String[] first = recs.get(0);
        ValueParser vp = new ValueParser(options.missingTokens());
        int fits = 0;
        int misfits = 0;
        for (int j = 0; j < first.length; j++) {
            ColumnInference inf = new ColumnInference(null, styles);
            for (int r = 1; r < recs.size(); r++) {
                String[] rec = recs.get(r);
                if (j < rec.length) acceptCell(inf, rec[j], vp);
            }
            ColumnKind kind = inf.kind();
            char[] v = first[j].toCharArray();
            if (kind == ColumnKind.TEXT || vp.isMissing(v, 0, v.length)) continue;
            if (new ColumnInference(kind, styles).accept(v, 0, v.length, vp)) fits++;
            else misfits++;
        }
        return misfits > 0 || fits == 0;
    }

    private static void acceptCell(ColumnInference inf, String cell, ValueParser vp) {
        char[] v = cell.toCharArray();
        if (!vp.isMissing(v, 0, v.length)) inf.accept(v, 0, v.length, vp);
    }

    private static String lineEnding(String sample) {
        int i = 0;
        while (i < sample.length() && sample.charAt(i) != '\n' && sample.charAt(i) != '\r') i++;
        if (i == sample.length() || sample.charAt(i) == '\n') return "\n";
        return i + 1 < sample.length() && sample.charAt(i + 1) == '\n' ? "\r\n" : "\r";
    }
}
