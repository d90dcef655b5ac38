package org.automlwb.data;

import java.util.List;
import java.util.Locale;

/**
 * Whether a record has the header's shape: the same number of fields, give or take a trailing empty field, and no
 * tokenizer problem (unterminated quote, control character, huge cell). Shared by loading and chunked reading so
 * that both accept and reject the same rows.
 *
 * @param names        the column names from the header (or numbered)
 * @param lastOptional whether the last field may be absent (a trailing delimiter on the header line)
 * @param header       whether the file has a header line (for the message)
 */
record RowShape(List<String> names, boolean lastOptional, boolean header) {
    /** What is wrong with a record, and in which column. */
    record Problem(String message, String column) { }

    /** What is wrong with the tokenizer's current record, or null when it is well formed. */
    Problem check(CsvTokenizer t) {
        if (t.problem() != null) return new Problem(t.problem(), columnLabel(t.problemField()));
        int n = names.size();
        int k = t.size();
        if (k == n || k == n - 1 && lastOptional) return null;
        String column;
        if (k > n) {
            int firstExtra = -1;
            for (int i = n; i < k && firstExtra < 0; i++) {
                if (t.start(i) != t.end(i)) firstExtra = i;
            }
            if (firstExtra < 0) return null;
            column = String.valueOf(firstExtra + 1);
        } else {
            column = names.get(k);
        }
        String msg = String.format(Locale.ROOT, "the row has %d fields where the %s has %d", k,
                header ? "header" : "first row", n);
        if (t.lastLine() > t.line()) {
            msg += String.format(Locale.ROOT, " (it runs from line %d to %d: check for an unmatched quote)",
                    t.line(), t.lastLine());
        }
        return new Problem(msg, column);
    }

    private String columnLabel(int field) {
        return field >= 0 && field < names.size() ? names.get(field) : String.valueOf(field + 1);
    }
}
