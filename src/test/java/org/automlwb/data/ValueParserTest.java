package org.automlwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Set;
import org.automlwb.data.ValueParser.NumberStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tech.tablesaw.columns.dates.PackedLocalDate;

/** Number, boolean and date recognition on single cells. */
class ValueParserTest {
    private final ValueParser vp = new ValueParser(Set.of("NA"));

    private int scan(String s, NumberStyle style) {
        char[] c = s.toCharArray();
        return vp.scanNumber(c, 0, c.length, style);
    }

    private double value(String s, NumberStyle style) {
        char[] c = s.toCharArray();
        vp.scanNumber(c, 0, c.length, style);
        return vp.doubleValue(c, 0, c.length, style);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|1", "-12|1", "+7|1", "1,000|1", "12,345,678|1", "9223372036854775807|1",
        "9223372036854775808|2", "2.5|2", ".5|2", "5.|2", "1e5|2", "-1.5E-3|2", "1,234.5|2",
        "1,23|0", "1234,567|0", "abc|0", "-|0", "1e|0", "1.2.3|0", "Infinity|3", "NaN|3", "12a|0", "1 2|0"})
    void dotStyleClassification(String cell, int expected) {
        assertEquals(expected, scan(cell, NumberStyle.DOT), cell);
    }

    /** Every spelling of an infinity or NaN, and numbers beyond a double, in both number styles. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "inf|3", "-inf|3", "+inf|3", "INF|3", "Inf|3", "Infinity|3", "-Infinity|3", "+INFINITY|3", "infinity|3",
        "nan|3", "NaN|3", "NAN|3", "-nan|3", "1e999|3", "-1e999|3", "1E+400|3", "2e308|3",
        "1e308|2", "1.7976931348623157E308|2", "-1.7976931348623157E308|2", "0e999|2", "1e-999|2",
        "in|0", "infinit|0", "infinityy|0", "nan1|0", "na|0", "n|0", "i|0", "-n|0", "+|0"})
    void nonFiniteSpellings(String cell, int expected) {
        assertEquals(expected, scan(cell, NumberStyle.DOT), cell + " (dot)");
        if (!cell.contains(".")) assertEquals(expected, scan(cell, NumberStyle.COMMA), cell + " (comma)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1.7976931348623157E308|true", "-1.7976931348623157E308|true", "1e31|true", "1.0000001e30|true",
        "1e30|false", "-1e30|false", "999999999999999999999999999999|false", "12.5|false", "1e-40|false"})
    void numbersBeyondTheLimitAreFlaggedForClipping(String cell, boolean beyond) {
        char[] c = cell.toCharArray();
        assertEquals(ValueParser.DECIMAL, vp.scanNumber(c, 0, c.length, NumberStyle.DOT), cell);
        assertEquals(beyond, vp.beyondLimit(c, 0, c.length, NumberStyle.DOT), cell);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1.234|1", "2,5|2", "1.234,5|2", "-0,75|2", "2.5|0", "1,2,3|0"})
    void commaStyleClassification(String cell, int expected) {
        assertEquals(expected, scan(cell, NumberStyle.COMMA), cell);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0.1|0.1", "1,234.5|1234.5", "-1.5E-3|-0.0015", "123456789012345678901234|1.2345678901234568E23",
        "0.30000000000000004|0.30000000000000004", "1e300|1e300", "3.14159265358979323846|3.141592653589793"})
    void decimalsParseExactly(String cell, double expected) {
        assertEquals(expected, value(cell, NumberStyle.DOT), cell);
    }

    @Test
    void commaDecimalsParse() {
        assertEquals(1234.5, value("1.234,5", NumberStyle.COMMA));
        assertEquals(-0.75, value("-0,75", NumberStyle.COMMA));
    }

    @Test
    void integersKeepTheirValue() {
        char[] c = "-9,007,199,254,740,993".toCharArray();
        assertEquals(ValueParser.INTEGER, vp.scanNumber(c, 0, c.length, NumberStyle.DOT));
        assertEquals(-9_007_199_254_740_993L, vp.longValue());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"true|1", "FALSE|0", "True|1", "yes|-1", "t|-1", "1|-1"})
    void booleans(String cell, int expected) {
        char[] c = cell.toCharArray();
        assertEquals(expected, ValueParser.parseBoolean(c, 0, c.length));
    }

    @Test
    void datesCheckTheCalendar() {
        char[] ok = "29/02/2024".toCharArray();
        vp.scanDate(ok, 0, ok.length);
        assertEquals(PackedLocalDate.pack(LocalDate.of(2024, 2, 29)), vp.packedDate(DatePattern.DMY_SLASH));
        assertEquals(ValueParser.MISSING_DATE, vp.packedDate(DatePattern.MDY_SLASH));
        char[] bad = "29/02/2023".toCharArray();
        vp.scanDate(bad, 0, bad.length);
        assertEquals(ValueParser.MISSING_DATE, vp.packedDate(DatePattern.DMY_SLASH));
    }

    @Test
    void missingTokensAreExactAfterTrimming() {
        char[] c = "NA na".toCharArray();
        assertEquals(true, vp.isMissing(c, 0, 2));
        assertEquals(false, vp.isMissing(c, 3, 5));
        assertEquals(true, vp.isMissing(c, 2, 2));
    }
}
