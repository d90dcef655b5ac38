package org.automlwb.prep;

import org.automlwb.data.ColumnKind;

/**
 * One working column while a recipe runs. Numeric, boolean (0/1) and date kinds live in {@code num} (dates as
 * epoch days, date-times as epoch seconds, UTC), missing as NaN; text lives in {@code text}, missing as null.
 *
 * @param kind what the values mean
 * @param flag true for 0/1 columns the recipe made (one-hot, missing indicators, encoded booleans): automatic
 *             scaling leaves them alone
 * @param raw  true while the column is still the caller's input column, untouched; lets the fit record
 *             which input columns the recipe really reads
 * @param codes for a column of category codes (an encode step in codes mode made it), how many codes it has
 *              (0..codes-1); 0 for every other column. Automatic scaling, clipping and binning leave code columns
 *              alone (a code is a name, not an amount), and the fitted recipe reports them as categorical features
 */
record Col(ColumnKind kind, boolean flag, double[] num, String[] text, boolean raw, int codes) {

    /** A column that holds no category codes. */
    Col(ColumnKind kind, boolean flag, double[] num, String[] text, boolean raw) {
        this(kind, flag, num, text, raw, 0);
    }

    static Col numbers(ColumnKind kind, double[] values) {
        return new Col(kind, false, values, null, false);
    }

    static Col flags(double[] values) {
        return new Col(ColumnKind.INTEGER, true, values, null, false);
    }

    /** Category codes 0..codes-1 (and -1 for missing), whole numbers. */
    static Col codes(double[] values, int codes) {
        return new Col(ColumnKind.INTEGER, false, values, null, false, codes);
    }

    static Col texts(String[] values) {
        return new Col(ColumnKind.TEXT, false, null, values, false);
    }

    boolean isText() { return kind == ColumnKind.TEXT; }

    int size() { return isText() ? text.length : num.length; }

    boolean missing(int row) { return isText() ? text[row] == null : Double.isNaN(num[row]); }

    Col asRaw() { return new Col(kind, flag, num, text, true, codes); }

    /** The same column restricted to the rows where {@code keep} is true. */
    Col keep(boolean[] keep, int kept) {
        if (isText()) {
            String[] out = new String[kept];
            for (int i = 0, j = 0; i < keep.length; i++) if (keep[i]) out[j++] = text[i];
            return new Col(kind, flag, null, out, raw, codes);
        }
        double[] out = new double[kept];
        for (int i = 0, j = 0; i < keep.length; i++) if (keep[i]) out[j++] = num[i];
        return new Col(kind, flag, out, null, raw, codes);
    }
}
