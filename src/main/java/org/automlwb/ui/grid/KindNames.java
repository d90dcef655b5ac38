package org.automlwb.ui.grid;

import org.automlwb.data.ColumnKind;

/** Column kinds in words, for badges and the profile panel (no controls here, so view models may use it). */
public final class KindNames {
    private KindNames() { }

    /** The badge text, e.g. "123" for integers. */
    public static String shortName(ColumnKind kind) {
        return switch (kind) {
            case INTEGER -> "123";
            case DECIMAL -> "1.5";
            case BOOLEAN -> "y/n";
            case DATE -> "date";
            case DATETIME -> "time";
            case TEXT -> "abc";
        };
    }

    /** The kind in words, e.g. "Whole numbers". */
    public static String longName(ColumnKind kind) {
        return switch (kind) {
            case INTEGER -> "Whole numbers";
            case DECIMAL -> "Decimal numbers";
            case BOOLEAN -> "True / false";
            case DATE -> "Dates";
            case DATETIME -> "Dates with times";
            case TEXT -> "Text or categories";
        };
    }
}
