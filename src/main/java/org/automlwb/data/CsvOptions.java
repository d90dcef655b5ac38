package org.automlwb.data;

import java.nio.charset.Charset;
import java.util.Map;
import java.util.Set;

/**
 * What the user chose when opening a CSV. Null parts of the dialect mean "sniff it".
 *
 * @param delimiter      forced delimiter, or null
 * @param quote          forced quote character, or null
 * @param header         forced header flag, or null
 * @param charset        forced encoding, or null
 * @param decimalComma   forced decimal comma, or null
 * @param missingTokens  cell texts read as missing (compared after trimming); empty cells are always missing
 * @param typeOverrides  column name → type, replacing inference for those columns
 * @param malformedRows  what to do with malformed rows
 */
public record CsvOptions(Character delimiter, Character quote, Boolean header, Charset charset,
                         Boolean decimalComma, Set<String> missingTokens, Map<String, ColumnKind> typeOverrides,
                         MalformedRowPolicy malformedRows) {
    /** The default missing tokens: {@code NA}, {@code N/A}, {@code null}, {@code NaN}, {@code ?}. */
    public static final Set<String> DEFAULT_MISSING = Set.of("NA", "N/A", "null", "NaN", "?");

    public CsvOptions {
        missingTokens = Set.copyOf(missingTokens);
        typeOverrides = Map.copyOf(typeOverrides);
    }

    /** Sniff everything, default missing tokens, stop on malformed rows. */
    public static CsvOptions defaults() {
        return new CsvOptions(null, null, null, null, null, DEFAULT_MISSING, Map.of(), MalformedRowPolicy.FAIL);
    }

    public CsvOptions withMissingTokens(Set<String> tokens) {
        return new CsvOptions(delimiter, quote, header, charset, decimalComma, tokens, typeOverrides, malformedRows);
    }

    public CsvOptions withTypeOverrides(Map<String, ColumnKind> overrides) {
        return new CsvOptions(delimiter, quote, header, charset, decimalComma, missingTokens, overrides, malformedRows);
    }

    public CsvOptions withMalformedRows(MalformedRowPolicy policy) {
        return new CsvOptions(delimiter, quote, header, charset, decimalComma, missingTokens, typeOverrides, policy);
    }

    public CsvOptions withDelimiter(Character d) {
        return new CsvOptions(d, quote, header, charset, decimalComma, missingTokens, typeOverrides, malformedRows);
    }

    public CsvOptions withHeader(Boolean h) {
        return new CsvOptions(delimiter, quote, h, charset, decimalComma, missingTokens, typeOverrides, malformedRows);
    }

    public CsvOptions withCharset(Charset c) {
        return new CsvOptions(delimiter, quote, header, c, decimalComma, missingTokens, typeOverrides, malformedRows);
    }

    public CsvOptions withQuote(Character q) {
        return new CsvOptions(delimiter, q, header, charset, decimalComma, missingTokens, typeOverrides, malformedRows);
    }

    public CsvOptions withDecimalComma(Boolean dc) {
        return new CsvOptions(delimiter, quote, header, charset, dc, missingTokens, typeOverrides, malformedRows);
    }
}
