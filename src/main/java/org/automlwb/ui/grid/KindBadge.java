package org.automlwb.ui.grid;

import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.automlwb.data.ColumnKind;
import org.automlwb.ui.Css;

/** The small type badge shown in column headers and the profile panel. */
public final class KindBadge extends Label {
    public KindBadge(ColumnKind kind) {
        super(shortName(kind));
        getStyleClass().addAll(Css.KIND_BADGE, Css.kindClass(kind));
        setTooltip(new Tooltip(longName(kind)));
    }

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
            case TEXT -> "Text (categories)";
        } + " (" + kind.name().toLowerCase(Locale.ROOT) + ")";
    }
}
