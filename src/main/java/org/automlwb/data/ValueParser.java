package org.automlwb.data;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.Year;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * Recognises and parses cell values straight from a character buffer, without creating Strings on the common
 * paths. One instance per thread: it keeps the state of the last number scanned.
 *
 * <p>Numbers: optional sign, digits with optional thousands groups (exactly three digits after each group
 * separator), optional decimal part, optional exponent. In the {@linkplain NumberStyle#DOT dot style} the
 * decimal separator is '.' and the group separator ','; in the {@linkplain NumberStyle#COMMA comma style} it is
 * the other way round. Booleans are {@code true}/{@code false} in any case. Dates follow {@link DatePattern};
 * date-times are ISO ({@code 2024-03-31T13:45[:07[.123]]}, a space instead of 'T' and a final 'Z' accepted).
 *
 * <p>Non-finite numbers: {@code inf}, {@code infinity}, {@code nan} (any case, optional sign) and numbers beyond
 * a double's range are {@link #NON_FINITE}, so that one of them neither turns a numeric column into text nor puts
 * an infinity in it; finite numbers beyond {@link NumberLimits#LIMIT} are scanned normally and clipped by the
 * column builders.
 */
final class ValueParser {
    /** Which characters separate decimals and thousands. */
    enum NumberStyle {
        DOT('.', ','), COMMA(',', '.');

        final char decimal;
        final char group;

        NumberStyle(char decimal, char group) {
            this.decimal = decimal;
            this.group = group;
        }
    }

    /** Result of {@link #scanNumber}: not a number. */
    static final int NOT_NUMBER = 0;
    /** Result of {@link #scanNumber}: an integer that fits a long. */
    static final int INTEGER = 1;
    /** Result of {@link #scanNumber}: a number with a fraction or exponent, or an integer too big for a long. */
    static final int DECIMAL = 2;
    /**
     * Result of {@link #scanNumber}: an infinity or NaN spelled out ({@code inf}, {@code -Infinity}, {@code nan}, in
     * any case), or a number too large for a double ({@code 1e999}). Numeric columns read these as missing.
     */
    static final int NON_FINITE = 3;

    /** Tablesaw's missing value of a DateColumn. */
    static final int MISSING_DATE = Integer.MIN_VALUE;
    /** Tablesaw's missing value of a DateTimeColumn. */
    static final long MISSING_DATETIME = Long.MIN_VALUE;

    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final char[][] missingTokens;

    // State of the last scanNumber call.
    private long mantissa;
    private int significantDigits;
    private boolean tooManyDigits;
    private int exponent10;
    private boolean negative;

    // State of the last scanDate call: three digit runs and their lengths.
    private int partA;
    private int partB;
    private int partC;
    private int lenA;
    private int lenB;
    private int lenC;
    private char dateSeparator;

    ValueParser(Iterable<String> missingTokens) {
        java.util.List<char[]> list = new java.util.ArrayList<>();
        for (String t : missingTokens) {
            String trimmed = t.strip();
            if (!trimmed.isEmpty()) list.add(trimmed.toCharArray());
        }
        this.missingTokens = list.toArray(new char[0][]);
    }

    /** Whether the (trimmed) cell is empty or one of the missing tokens (compared case-sensitively). */
    boolean isMissing(char[] b, int s, int e) {
        int len = e - s;
        if (len == 0) return true;
        for (char[] t : missingTokens) {
            if (t.length == len && regionEquals(b, s, t)) return true;
        }
        return false;
    }

    private static boolean regionEquals(char[] b, int s, char[] t) {
        for (int i = 0; i < t.length; i++) {
            if (b[s + i] != t[i]) return false;
        }
        return true;
    }

    /**
     * Classifies a trimmed, non-empty cell as a number in the given style.
     *
     * @return {@link #NOT_NUMBER}, {@link #INTEGER}, {@link #DECIMAL} or {@link #NON_FINITE}
     */
    int scanNumber(char[] b, int s, int e, NumberStyle style) {
        int r = scanFinite(b, s, e, style);
        // Beyond 1e308 only the exact value tells whether the double overflows; below it never does.
        if (r == DECIMAL && significantDigits > 0 && exponent10 + significantDigits > 308
                && Double.isInfinite(doubleValue(b, s, e, style))) {
            return NON_FINITE;
        }
        return r;
    }

    private int scanFinite(char[] b, int s, int e, NumberStyle style) {
        int i = s;
        negative = false;
        mantissa = 0;
        significantDigits = 0;
        tooManyDigits = false;
        exponent10 = 0;
        char c = b[i];
        if (c == '+' || c == '-') {
            negative = c == '-';
            if (++i == e) return NOT_NUMBER;
        }
        if (b[i] > '9') return nonFiniteWord(b, i, e) ? NON_FINITE : NOT_NUMBER;
        int intDigits = 0;
        int groupLen = -1;
        for (; i < e; i++) {
            c = b[i];
            if (c >= '0' && c <= '9') {
                addDigit(c);
                intDigits++;
                if (groupLen >= 0) groupLen++;
            } else if (c == style.group) {
                if (intDigits == 0 || (groupLen < 0 ? intDigits > 3 : groupLen != 3)) return NOT_NUMBER;
                groupLen = 0;
            } else {
                break;
            }
        }
        if (groupLen >= 0 && groupLen != 3) return NOT_NUMBER;
        boolean decimal = false;
        int fracDigits = 0;
        if (i < e && b[i] == style.decimal) {
            decimal = true;
            for (i++; i < e; i++) {
                c = b[i];
                if (c < '0' || c > '9') break;
                addDigit(c);
                exponent10--;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) return NOT_NUMBER;
        if (i < e && (b[i] == 'e' || b[i] == 'E')) {
            decimal = true;
            if (++i == e) return NOT_NUMBER;
            boolean negExp = false;
            if (b[i] == '+' || b[i] == '-') {
                negExp = b[i] == '-';
                if (++i == e) return NOT_NUMBER;
            }
            int exp = 0;
            for (; i < e; i++) {
                c = b[i];
                if (c < '0' || c > '9') return NOT_NUMBER;
                if (exp < 100_000) exp = exp * 10 + (c - '0');
            }
            exponent10 += negExp ? -exp : exp;
        }
        if (i != e) return NOT_NUMBER;
        if (decimal || tooManyDigits) return DECIMAL;
        return INTEGER;
    }

    private void addDigit(char c) {
        int d = c - '0';
        if (significantDigits == 0 && d == 0) return;
        if (significantDigits < 18) {
            mantissa = mantissa * 10 + d;
            significantDigits++;
        } else if (significantDigits == 18 && mantissa <= (Long.MAX_VALUE - d) / 10) {
            mantissa = mantissa * 10 + d;
            significantDigits++;
        } else {
            // Beyond a long: keep the magnitude, parse the text exactly later.
            tooManyDigits = true;
            exponent10++;
        }
    }

    /** Whether {@code b[i..e)} is {@code inf}, {@code infinity} or {@code nan}, ignoring case. */
    private static boolean nonFiniteWord(char[] b, int i, int e) {
        int len = e - i;
        return len == 3 && (regionEqualsIgnoreCase(b, i, "inf") || regionEqualsIgnoreCase(b, i, "nan"))
                || len == 8 && regionEqualsIgnoreCase(b, i, "infinity");
    }

    /**
     * Whether the last number scanned as {@link #DECIMAL} (of the same cell and style) lies beyond
     * &plusmn;{@link NumberLimits#LIMIT}; the exact value is only computed for numbers of 31 digits or more.
     */
    boolean beyondLimit(char[] b, int s, int e, NumberStyle style) {
        return significantDigits > 0 && exponent10 + significantDigits > 30
                && NumberLimits.clips(doubleValue(b, s, e, style));
    }

    /** The value of the last number scanned as {@link #INTEGER}. */
    long longValue() {
        return negative ? -mantissa : mantissa;
    }

    /** The value of the last number scanned (of the same cell and style), correctly rounded. */
    double doubleValue(char[] b, int s, int e, NumberStyle style) {
        if (!tooManyDigits && significantDigits <= 15 && exponent10 >= -22 && exponent10 <= 22) {
            // Both operands are exact doubles, so one multiplication or division rounds correctly.
            double m = mantissa;
            double v = exponent10 >= 0 ? m * POW10[exponent10] : m / POW10[-exponent10];
            return negative ? -v : v;
        }
        StringBuilder sb = new StringBuilder(e - s);
        for (int i = s; i < e; i++) {
            char c = b[i];
            if (c == style.group) continue;
            sb.append(c == style.decimal ? '.' : c);
        }
        return Double.parseDouble(sb.toString());
    }

    /** Whether the trimmed cell is {@code true} or {@code false}, in any case. */
    static int parseBoolean(char[] b, int s, int e) {
        int len = e - s;
        if (len == 4 && regionEqualsIgnoreCase(b, s, "true")) return 1;
        if (len == 5 && regionEqualsIgnoreCase(b, s, "false")) return 0;
        return -1;
    }

    private static boolean regionEqualsIgnoreCase(char[] b, int s, String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.toLowerCase(b[s + i]) != t.charAt(i)) return false;
        }
        return true;
    }

    /**
     * Splits a cell into three digit runs with one separator between each ({@code 31/03/2024}).
     *
     * @return false when the cell does not have that shape
     */
    boolean scanDate(char[] b, int s, int e) {
        int len = e - s;
        if (len < 6 || len > 10) return false;
        int i = s;
        int start = i;
        int a = 0;
        for (; i < e && isDigit(b[i]); i++) a = a * 10 + (b[i] - '0');
        lenA = i - start;
        if (lenA == 0 || lenA > 4 || i == e) return false;
        char sep = b[i++];
        if (sep != '-' && sep != '/' && sep != '.') return false;
        start = i;
        int m = 0;
        for (; i < e && isDigit(b[i]); i++) m = m * 10 + (b[i] - '0');
        lenB = i - start;
        if (lenB == 0 || lenB > 2 || i == e || b[i] != sep) return false;
        start = ++i;
        int c = 0;
        for (; i < e && isDigit(b[i]); i++) c = c * 10 + (b[i] - '0');
        lenC = i - start;
        if (lenC == 0 || lenC > 4 || i != e) return false;
        partA = a;
        partB = m;
        partC = c;
        dateSeparator = sep;
        return true;
    }

    /** The packed date of the last {@link #scanDate} under {@code p}, or {@link #MISSING_DATE} if it does not fit. */
    int packedDate(DatePattern p) {
        if (dateSeparator != p.separator) return MISSING_DATE;
        int y;
        int m;
        int d;
        switch (p.order) {
            case YMD -> {
                if (lenA != 4 || lenC > 2) return MISSING_DATE;
                y = partA;
                m = partB;
                d = partC;
            }
            case DMY -> {
                if (lenC != 4 || lenA > 2) return MISSING_DATE;
                y = partC;
                m = partB;
                d = partA;
            }
            default -> {
                if (lenC != 4 || lenA > 2) return MISSING_DATE;
                y = partC;
                m = partA;
                d = partB;
            }
        }
        if (!validDate(y, m, d)) return MISSING_DATE;
        return PackedLocalDate.pack(y, m, d);
    }

    private static boolean validDate(int y, int m, int d) {
        return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= Month.of(m).length(Year.isLeap(y));
    }

    /** Parses an ISO date-time (or an ISO date, read as midnight); {@link #MISSING_DATETIME} if it is not one. */
    static long parseDateTime(char[] b, int s, int e) {
        int len = e - s;
        if (len > 0 && (b[e - 1] == 'Z' || b[e - 1] == 'z')) len--;
        if (len != 10 && (len < 16 || len > 29)) return MISSING_DATETIME;
        int y = digits(b, s, 4);
        if (y < 0 || b[s + 4] != '-' || b[s + 7] != '-') return MISSING_DATETIME;
        int m = digits(b, s + 5, 2);
        int d = digits(b, s + 8, 2);
        if (m < 0 || d < 0 || !validDate(y, m, d)) return MISSING_DATETIME;
        int hh = 0;
        int mm = 0;
        int ss = 0;
        int nanos = 0;
        if (len > 10) {
            char t = b[s + 10];
            if (t != 'T' && t != ' ' || b[s + 13] != ':') return MISSING_DATETIME;
            hh = digits(b, s + 11, 2);
            mm = digits(b, s + 14, 2);
            if (hh < 0 || hh > 23 || mm < 0 || mm > 59) return MISSING_DATETIME;
            if (len > 16) {
                if (len < 19 || b[s + 16] != ':') return MISSING_DATETIME;
                ss = digits(b, s + 17, 2);
                if (ss < 0 || ss > 59) return MISSING_DATETIME;
                if (len > 19) {
                    int fracLen = len - 20;
                    if (b[s + 19] != '.' || fracLen < 1 || fracLen > 9) return MISSING_DATETIME;
                    int f = digits(b, s + 20, fracLen);
                    if (f < 0) return MISSING_DATETIME;
                    nanos = f * (int) POW10[9 - fracLen];
                }
            }
        }
        return PackedLocalDateTime.pack(LocalDateTime.of(y, m, d, hh, mm, ss, nanos));
    }

    private static int digits(char[] b, int s, int n) {
        int v = 0;
        for (int i = s; i < s + n; i++) {
            char c = b[i];
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
