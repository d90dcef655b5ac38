package org.automlwb.data;

import static org.automlwb.data.Corpus.load;
import static org.automlwb.data.Corpus.path;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automlwb.common.BadInputException;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** One test per odd or broken file in src/test/resources/csv, each asserting exactly what comes out. */
class CsvLoaderCorpusTest {

    private static BadInputException fails(String name, CsvOptions options) {
        return assertThrows(BadInputException.class, () -> Corpus.load(name, options));
    }

    @Test
    void utf8ByteOrderMarkIsSkipped() throws Exception {
        LoadedData d = load("bom_utf8.csv");
        assertTrue(d.dialect().bom());
        assertEquals(StandardCharsets.UTF_8, d.dialect().charset());
        assertEquals(List.of("id", "name"), d.table().columnNames());
        assertEquals(List.of(1, 2), d.table().intColumn("id").asList());
        assertEquals("Zoë", d.table().stringColumn("name").get(0));
    }

    @Test
    void crlfLineEnds() throws Exception {
        LoadedData d = load("crlf.csv");
        assertEquals("\r\n", d.dialect().lineEnding());
        assertEquals(List.of(2.5, 3.5, 4.5), d.table().doubleColumn("score").asList());
        assertEquals("c", d.table().stringColumn("label").get(2));
    }

    @Test
    void carriageReturnOnlyLineEnds() throws Exception {
        LoadedData d = load("cr_only.csv");
        assertEquals("\r", d.dialect().lineEnding());
        assertEquals(3, d.table().rowCount());
        assertTrue(d.table().doubleColumn("score").isMissing(2));
        assertEquals("c", d.table().stringColumn("label").get(2));
    }

    @Test
    void semicolonMeansDecimalComma() throws Exception {
        LoadedData d = load("semicolon_decimal_comma.csv");
        assertEquals(';', d.dialect().delimiter());
        assertTrue(d.dialect().decimalComma());
        assertEquals(Map.of("name", ColumnKind.TEXT, "price", ColumnKind.DECIMAL, "qty", ColumnKind.INTEGER),
                d.kinds());
        assertEquals(List.of(1234.5, 2.5, -0.75), d.table().doubleColumn("price").asList());
        assertEquals(List.of(3, 4, 5), d.table().intColumn("qty").asList());
    }

    @Test
    void decimalCommaCanBeTurnedOff() throws Exception {
        LoadedData d = Corpus.load("semicolon_decimal_comma.csv", CsvOptions.defaults().withDecimalComma(false));
        assertEquals(ColumnKind.TEXT, d.kinds().get("price"));
        assertEquals("1.234,50", d.table().stringColumn("price").get(0));
    }

    @Test
    void tabDelimited() throws Exception {
        LoadedData d = load("tabs.csv");
        assertEquals('\t', d.dialect().delimiter());
        assertEquals(709037, d.table().intColumn("population").get(0));
        assertEquals(465.3, d.table().doubleColumn("area").get(1));
    }

    @Test
    void pipeDelimitedWithBooleans() throws Exception {
        LoadedData d = load("pipes.csv");
        assertEquals('|', d.dialect().delimiter());
        BooleanColumn c = d.table().booleanColumn("c");
        assertEquals(List.of(true, false), c.asList());
    }

    @Test
    void forcedDelimiterWins() throws Exception {
        LoadedData d = Corpus.load("pipes.csv", CsvOptions.defaults().withDelimiter(','));
        assertEquals(List.of("a|b|c"), d.table().columnNames());
        assertEquals("x|1|true", d.table().stringColumn(0).get(0));
    }

    @Test
    void quotedFieldsHoldNewlinesDelimitersAndQuotes() throws Exception {
        LoadedData d = load("quoted_newlines.csv");
        StringColumn comment = d.table().stringColumn("comment");
        assertEquals("line one\nline two", comment.get(0));
        assertEquals("has, comma and \"quotes\"", comment.get(1));
        assertEquals(List.of(5, 6, 7), d.table().intColumn("score").asList());
    }

    @Test
    void shortRowFailsWithLineAndColumn() {
        BadInputException e = fails("ragged_short.csv", CsvOptions.defaults());
        assertEquals(path("ragged_short.csv"), e.file());
        assertEquals(3, e.line());
        assertEquals("c", e.column());
        assertEquals("the row has 2 fields where the header has 3", e.getMessage());
        assertTrue(e.oneLine().endsWith("--skip-bad-rows)"), e.oneLine());
    }

    @Test
    void shortRowIsSkippedOnRequest() throws Exception {
        LoadedData d = Corpus.load("ragged_short.csv", Corpus.skipBad());
        assertEquals(List.of(1, 6), d.table().intColumn("a").asList());
        assertEquals(List.of(new SkippedRow(3, "column 'c': the row has 2 fields where the header has 3")),
                d.skipped());
    }

    @Test
    void longRowFailsNamingTheExtraField() {
        BadInputException e = fails("ragged_long.csv", CsvOptions.defaults());
        assertEquals(4, e.line());
        assertEquals("4", e.column());
        assertEquals("the row has 4 fields where the header has 3", e.getMessage());
    }

    @Test
    void longRowIsSkippedOnRequest() throws Exception {
        LoadedData d = Corpus.load("ragged_long.csv", Corpus.skipBad());
        assertEquals(List.of(1, 4, 11), d.table().intColumn("a").asList());
        assertEquals(4, d.skipped().get(0).line());
    }

    @Test
    void unterminatedQuoteFails() {
        BadInputException e = fails("unterminated_quote.csv", CsvOptions.defaults());
        assertEquals(2, e.line());
        assertEquals("name", e.column());
        assertEquals("unterminated quote (opened on line 2)", e.getMessage());
    }

    @Test
    void unterminatedQuoteCostsOnlyItsOwnLineWhenSkipping() throws Exception {
        LoadedData d = Corpus.load("unterminated_quote.csv", Corpus.skipBad());
        assertEquals(List.of(2, 3), d.table().intColumn("id").asList());
        assertEquals(List.of("Bob", "Carol"), d.table().stringColumn("name").asList());
        assertEquals(2, d.skipped().get(0).line());
    }

    @Test
    void emptyFileIsRefused() {
        BadInputException e = fails("empty.csv", CsvOptions.defaults());
        assertEquals("the file is empty", e.getMessage());
        assertEquals(path("empty.csv"), e.file());
    }

    @Test
    void headerOnlyGivesAnEmptyTable() throws Exception {
        LoadedData d = load("header_only.csv");
        assertEquals(0, d.table().rowCount());
        assertEquals(List.of("id", "name", "score"), d.table().columnNames());
        assertEquals(List.of(ColumnKind.TEXT, ColumnKind.TEXT, ColumnKind.TEXT), List.copyOf(d.kinds().values()));
    }

    @Test
    void blankAndDuplicateHeaderNamesAreMadeUnique() throws Exception {
        LoadedData d = load("duplicate_blank_headers.csv");
        assertEquals(List.of("a", "column_2", "a_2", "b", "A_3"), d.table().columnNames());
        assertEquals(List.of(5, 10), d.table().intColumn("A_3").asList());
    }

    @Test
    void allMissingColumnIsText() throws Exception {
        LoadedData d = load("all_missing_column.csv");
        assertEquals(ColumnKind.TEXT, d.kinds().get("empty"));
        assertEquals(3, d.table().column("empty").countMissing());
        assertEquals(ColumnKind.INTEGER, d.kinds().get("x"));
    }

    @Test
    void singleColumnSkipsBlankLines() throws Exception {
        LoadedData d = load("single_column.csv");
        assertEquals(List.of("value"), d.table().columnNames());
        assertEquals(List.of(10, 20, 30), d.table().intColumn("value").asList());
    }

    @Test
    void latin1BytesFallBackToWindows1252() throws Exception {
        LoadedData d = load("latin1.csv");
        assertEquals("windows-1252", d.dialect().charset().name());
        assertEquals(List.of("José", "François"), d.table().stringColumn("name").asList());
        assertEquals(List.of("Zürich", "Besançon"), d.table().stringColumn("city").asList());
    }

    @Test
    void utf16LittleEndianWithBom() throws Exception {
        LoadedData d = load("utf16le_bom.csv");
        assertEquals(StandardCharsets.UTF_16LE, d.dialect().charset());
        assertTrue(d.dialect().bom());
        assertEquals(List.of("naïve", "café"), d.table().stringColumn("word").asList());
        assertEquals(List.of(1, 2), d.table().intColumn("id").asList());
    }

    @Test
    void utf16BigEndianWithBom() throws Exception {
        LoadedData d = load("utf16be_bom.csv");
        assertEquals(StandardCharsets.UTF_16BE, d.dialect().charset());
        assertEquals("café", d.table().stringColumn("word").get(1));
    }

    @Test
    void cellsBeyondTablesawsLimitLoad() throws Exception {
        LoadedData d = load("long_cell.csv");
        assertEquals("x".repeat(5000), d.table().stringColumn("text").get(0));
        assertEquals("short", d.table().stringColumn("text").get(1));
    }

    @Test
    void thousandsSeparators() throws Exception {
        LoadedData d = load("thousands.csv");
        assertEquals(List.of(1234.5, 12345678.25, 3.5), d.table().doubleColumn("amount").asList());
        assertEquals(List.of(1000, 2500, 7), d.table().intColumn("count").asList());
    }

    @Test
    void severalDateLayoutsAndIsoDateTimes() throws Exception {
        LoadedData d = load("dates.csv");
        Table t = d.table();
        LocalDate first = LocalDate.of(2024, 3, 31);
        for (String col : List.of("iso", "dmy", "mdy", "dotted")) {
            assertEquals(ColumnKind.DATE, d.kinds().get(col), col);
            assertEquals(first, t.dateColumn(col).get(0), col);
            assertEquals(LocalDate.of(2023, 12, 1), t.dateColumn(col).get(1), col);
            assertEquals(LocalDate.of(2020, 2, 29), t.dateColumn(col).get(2), col);
        }
        DateTimeColumn stamp = t.dateTimeColumn("stamp");
        assertEquals(List.of(LocalDateTime.of(2024, 3, 31, 13, 45, 7), LocalDateTime.of(2023, 12, 1, 8, 0),
                LocalDateTime.of(2020, 2, 29, 0, 0, 0, 250_000_000)), stamp.asList());
    }

    @Test
    void ambiguousDatesReadDayFirst() throws Exception {
        DateColumn c = load("ambiguous_dates.csv").table().dateColumn("when");
        assertEquals(List.of(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 4, 3)), c.asList());
    }

    @Test
    void paddedValuesAndNamesAreTrimmed() throws Exception {
        LoadedData d = load("padded.csv");
        assertEquals(List.of("a", "b", "c"), d.table().columnNames());
        assertEquals(List.of(1, 2), d.table().intColumn("a").asList());
        assertEquals(List.of("x", "y"), d.table().stringColumn("b").asList());
        assertEquals(List.of(2.5, 3.5), d.table().doubleColumn("c").asList());
    }

    @Test
    void trailingDelimiterOnEveryLineAddsNoColumn() throws Exception {
        LoadedData d = load("trailing_delimiter.csv");
        assertEquals(List.of("a", "b", "c"), d.table().columnNames());
        assertEquals(List.of(2, 4), d.table().intColumn("b").asList());
        assertEquals(List.of("x", "y"), d.table().stringColumn("c").asList());
    }

    @Test
    void binaryGarbageInARowFails() {
        BadInputException e = fails("binary_garbage.csv", CsvOptions.defaults());
        assertEquals(3, e.line());
        assertEquals("name", e.column());
        assertEquals("binary data (a NUL character) in the cell", e.getMessage());
    }

    @Test
    void binaryGarbageRowIsSkippedOnRequest() throws Exception {
        LoadedData d = Corpus.load("binary_garbage.csv", Corpus.skipBad());
        assertEquals(List.of(1, 3), d.table().intColumn("id").asList());
        assertEquals(3, d.skipped().get(0).line());
    }

    @Test
    void binaryFileIsRefusedAsAWhole() {
        BadInputException e = fails("binary_file.csv", CsvOptions.defaults());
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith("this does not look like a CSV text file"), e.getMessage());
    }

    @Test
    void controlCharacterInALaterRowFails() {
        BadInputException e = fails("control_chars_late.csv", CsvOptions.defaults());
        assertEquals(3, e.line());
        assertEquals("v", e.column());
        assertEquals("binary data (control character 0x07) in the cell", e.getMessage());
    }

    @Test
    void naIsMissingByDefault() throws Exception {
        LoadedData d = load("na_category.csv");
        assertEquals(2, d.table().column("alley").countMissing());
    }

    @Test
    void naCanBeKeptAsACategory() throws Exception {
        LoadedData d = Corpus.load("na_category.csv", Corpus.missing(Set.of("N/A", "null", "NaN", "?")));
        StringColumn alley = d.table().stringColumn("alley");
        assertEquals(0, alley.countMissing());
        assertEquals(List.of("NA", "Grvl", "Pave", "NA"), alley.asList());
    }

    @Test
    void booleansAreTrueFalseInAnyCaseButYesNoStaysText() throws Exception {
        LoadedData d = load("booleans.csv");
        assertEquals(ColumnKind.BOOLEAN, d.kinds().get("flag"));
        BooleanColumn flag = d.table().booleanColumn("flag");
        assertEquals(true, flag.get(0));
        assertEquals(false, flag.get(1));
        assertEquals(true, flag.get(2));
        assertTrue(flag.isMissing(3));
        assertEquals(ColumnKind.TEXT, d.kinds().get("answer"));
    }

    @Test
    void headerlessFileIsRecognised() throws Exception {
        LoadedData d = load("no_header.csv");
        assertFalse(d.dialect().header());
        assertEquals(List.of("column_1", "column_2", "column_3"), d.table().columnNames());
        assertEquals(List.of(1, 2, 3), d.table().intColumn("column_1").asList());
    }

    @Test
    void forcedNoHeaderReadsTheFirstLineAsData() throws Exception {
        LoadedData d = Corpus.load("crlf.csv", CsvOptions.defaults().withHeader(false));
        assertEquals(4, d.table().rowCount());
        assertEquals("id", d.table().stringColumn("column_1").get(0));
    }

    @Test
    void defaultMissingTokens() throws Exception {
        IntColumn v = load("missing_tokens.csv").table().intColumn("v");
        assertEquals(6, v.countMissing());
        assertEquals(1, v.get(0));
        assertEquals(8, v.get(7));
    }

    @Test
    void integersBeyondIntBecomeLongs() throws Exception {
        LoadedData d = load("big_ints.csv");
        LongColumn big = d.table().longColumn("big");
        assertEquals(3_000_000_000L, big.get(0));
        assertEquals(-5L, big.get(1));
        assertTrue(big.isMissing(2));
        assertInstanceOf(IntColumn.class, d.table().column("id"));
    }

    @Test
    void singleQuotesAreSniffed() throws Exception {
        LoadedData d = load("single_quote.csv");
        assertEquals('\'', d.dialect().quote());
        assertEquals(List.of("Smith, John", "Doe, Jane"), d.table().stringColumn("name").asList());
    }

    @Test
    void overrideThatFailsNamesFileLineColumnAndValue() {
        BadInputException e = fails("override.csv", Corpus.overrides(Map.of("code", ColumnKind.INTEGER)));
        assertEquals(path("override.csv"), e.file());
        assertEquals(4, e.line());
        assertEquals("code", e.column());
        assertEquals("the value 'abc' is not an INTEGER", e.getMessage());
    }

    @Test
    void overrideToTextKeepsLeadingZerosAndDigits() throws Exception {
        LoadedData d = Corpus.load("override.csv", Corpus.overrides(Map.of("value", ColumnKind.TEXT)));
        assertEquals(List.of("001", "002", "abc"), d.table().stringColumn("code").asList());
        assertEquals(List.of("1", "2", "3"), d.table().stringColumn("value").asList());
        assertEquals(ColumnKind.TEXT, d.kinds().get("value"));
    }

    @Test
    void overrideToDecimalWidensIntegers() throws Exception {
        DoubleColumn v = Corpus.load("override.csv", Corpus.overrides(Map.of("value", ColumnKind.DECIMAL)))
                .table().doubleColumn("value");
        assertEquals(List.of(1.0, 2.0, 3.0), v.asList());
    }

    @Test
    void overrideOfAnUnknownColumnIsRefused() {
        BadInputException e = fails("override.csv", Corpus.overrides(Map.of("nope", ColumnKind.TEXT)));
        assertEquals("nope", e.column());
        assertTrue(e.getMessage().contains("columns: code, value"), e.getMessage());
    }

    @Test
    void integersThenADecimalMakeADecimalColumn() throws Exception {
        LoadedData d = load("type_mix.csv");
        assertEquals(List.of(1.0, 2.0, 2.5), d.table().doubleColumn("n").asList());
    }
}
