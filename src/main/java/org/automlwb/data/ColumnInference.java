package org.automlwb.data;

import java.util.List;
import org.automlwb.data.ValueParser.NumberStyle;

/**
 * Infers the type of one column from every one of its cells: it keeps the set of types (and number styles and
 * date layouts) that every cell seen so far fits, and drops candidates as cells rule them out. A column whose
 * candidates are all gone is text, and its cells are no longer looked at.
 *
 * <p>A non-finite cell ({@link ValueParser#NON_FINITE}) keeps a column numeric (it will be missing there) but
 * rules out the other types; a column whose only values are non-finite is text. Non-finite and clipped cells are
 * counted per number style, so that the counts of the style finally chosen can be reported.
 */
final class ColumnInference {
    private static final int INT_DOT = 1;
    private static final int DEC_DOT = 1 << 1;
    private static final int INT_COMMA = 1 << 2;
    private static final int DEC_COMMA = 1 << 3;
    private static final int BOOL = 1 << 4;
    private static final int DATETIME = 1 << 5;
    private static final int DATE_SHIFT = 6;
    private static final int DATES = ((1 << DatePattern.values().length) - 1) << DATE_SHIFT;
    private static final int NUM_DOT = INT_DOT | DEC_DOT;
    private static final int NUM_COMMA = INT_COMMA | DEC_COMMA;
    private static final DatePattern[] PATTERNS = DatePattern.values();

    private final ColumnKind forced;
    private final List<NumberStyle> styles;
    private int live;
    private boolean longDot;
    private boolean longComma;
    private long nonMissing;
    // Indexed by NumberStyle.ordinal().
    private final long[] nonFinite = new long[NumberStyle.values().length];
    private final long[] clipped = new long[NumberStyle.values().length];

    /**
     * @param forced the type the user asked for, or null to infer
     * @param styles the number styles allowed, most preferred first
     */
    ColumnInference(ColumnKind forced, List<NumberStyle> styles) {
        this.forced = forced;
        this.styles = List.copyOf(styles);
        int mask = BOOL | DATETIME | DATES;
        if (styles.contains(NumberStyle.DOT)) mask |= NUM_DOT;
        if (styles.contains(NumberStyle.COMMA)) mask |= NUM_COMMA;
        if (forced != null) mask &= maskOf(forced);
        this.live = mask;
    }

    private static int maskOf(ColumnKind kind) {
        return switch (kind) {
            case INTEGER -> INT_DOT | INT_COMMA;
            case DECIMAL -> DEC_DOT | DEC_COMMA;
            case BOOLEAN -> BOOL;
            case DATE -> DATES;
            case DATETIME -> DATETIME;
            case TEXT -> 0;
        };
    }

    /** Non-missing cells seen. */
    long nonMissing() { return nonMissing; }

    /** The type the user forced, or null. */
    ColumnKind forced() { return forced; }

    /**
     * Looks at one non-missing, trimmed cell.
     *
     * @return false when the cell rules out the forced type (the caller reports it); always true when inferring
     */
    boolean accept(char[] b, int s, int e, ValueParser vp) {
        nonMissing++;
        int m = live;
        if (m == 0) return forced == null || forced == ColumnKind.TEXT;
        if ((m & NUM_DOT) != 0) m = number(m, b, s, e, vp, NumberStyle.DOT, INT_DOT, DEC_DOT);
        if ((m & NUM_COMMA) != 0) m = number(m, b, s, e, vp, NumberStyle.COMMA, INT_COMMA, DEC_COMMA);
        if ((m & BOOL) != 0 && ValueParser.parseBoolean(b, s, e) < 0) m &= ~BOOL;
        if ((m & DATES) != 0) {
            if (vp.scanDate(b, s, e)) {
                for (int i = 0; i < PATTERNS.length; i++) {
                    int bit = 1 << (DATE_SHIFT + i);
                    if ((m & bit) != 0 && vp.packedDate(PATTERNS[i]) == ValueParser.MISSING_DATE) m &= ~bit;
                }
            } else {
                m &= ~DATES;
            }
        }
        if ((m & DATETIME) != 0 && ValueParser.parseDateTime(b, s, e) == ValueParser.MISSING_DATETIME) {
            m &= ~DATETIME;
        }
        live = m;
        return m != 0 || forced == null;
    }

    private int number(int m, char[] b, int s, int e, ValueParser vp, NumberStyle style, int intBit, int decBit) {
        int r = vp.scanNumber(b, s, e, style);
        if (r == ValueParser.NOT_NUMBER) return m & ~(intBit | decBit);
        if (r == ValueParser.NON_FINITE) {
            nonFinite[style.ordinal()]++;
            return m;
        }
        if (r == ValueParser.DECIMAL) {
            if (vp.beyondLimit(b, s, e, style)) clipped[style.ordinal()]++;
            return m & ~intBit;
        }
        long v = vp.longValue();
        // Integer.MIN_VALUE is Tablesaw's missing int, so it needs a LongColumn too.
        if (v <= Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            if (style == NumberStyle.DOT) longDot = true;
            else longComma = true;
        }
        return m;
    }

    /** The column's type from what was seen; an all-missing column is TEXT unless forced. */
    ColumnKind kind() {
        if (forced != null) return forced;
        if (nonMissing == 0) return ColumnKind.TEXT;
        for (NumberStyle st : styles) {
            if (nonFinite[st.ordinal()] == nonMissing) continue;
            if ((live & (st == NumberStyle.DOT ? INT_DOT : INT_COMMA)) != 0) return ColumnKind.INTEGER;
            if ((live & (st == NumberStyle.DOT ? DEC_DOT : DEC_COMMA)) != 0) return ColumnKind.DECIMAL;
        }
        if ((live & BOOL) != 0) return ColumnKind.BOOLEAN;
        if ((live & DATES) != 0) return ColumnKind.DATE;
        if ((live & DATETIME) != 0) return ColumnKind.DATETIME;
        return ColumnKind.TEXT;
    }

    /** The number style of a numeric column (the preferred one that fits every cell). */
    NumberStyle numberStyle() {
        ColumnKind k = kind();
        for (NumberStyle st : styles) {
            int bits = st == NumberStyle.DOT ? (k == ColumnKind.INTEGER ? INT_DOT : DEC_DOT)
                    : (k == ColumnKind.INTEGER ? INT_COMMA : DEC_COMMA);
            if ((live & bits) != 0) return st;
        }
        return styles.isEmpty() ? NumberStyle.DOT : styles.get(0);
    }

    /** What the non-finite rule changed in a numeric column; {@link NumberFixes#NONE} for other kinds. */
    NumberFixes numberFixes() {
        ColumnKind k = kind();
        if (k != ColumnKind.INTEGER && k != ColumnKind.DECIMAL) return NumberFixes.NONE;
        int st = numberStyle().ordinal();
        return new NumberFixes(nonFinite[st], clipped[st]);
    }

    /** Whether an INTEGER column holds values outside Tablesaw's int range. */
    boolean needsLong() {
        return numberStyle() == NumberStyle.DOT ? longDot : longComma;
    }

    /** The date layout of a DATE column (the first, in preference order, that fits every cell). */
    DatePattern datePattern() {
        for (int i = 0; i < PATTERNS.length; i++) {
            if ((live & (1 << (DATE_SHIFT + i))) != 0) return PATTERNS[i];
        }
        return DatePattern.YMD_DASH;
    }

    /** Whether more than one date layout fits every cell (e.g. no day above 12). */
    boolean dateAmbiguous() {
        return Integer.bitCount(live & DATES) > 1;
    }
}
