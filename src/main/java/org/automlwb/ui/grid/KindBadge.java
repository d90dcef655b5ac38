package org.automlwb.ui.grid;

import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.automlwb.data.ColumnKind;
import org.automlwb.ui.Css;

/** The small type badge shown in column headers and the profile panel. */
public final class KindBadge extends Label {
    public KindBadge(ColumnKind kind) {
        super(KindNames.shortName(kind));
        getStyleClass().addAll(Css.KIND_BADGE, Css.kindClass(kind));
        setTooltip(new Tooltip(KindNames.longName(kind)));
    }
}
