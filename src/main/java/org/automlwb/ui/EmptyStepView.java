package org.automlwb.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** What a step that is not reachable yet shows: its name and why it is empty, nothing pretend. */
final class EmptyStepView extends VBox {
    EmptyStepView(Step step) {
        setId("empty-" + step.name().toLowerCase(java.util.Locale.ROOT));
        getStyleClass().add(Css.EMPTY_STATE);
        setAlignment(Pos.CENTER);
        setSpacing(10);
        FontIcon icon = new FontIcon(step.icon());
        icon.getStyleClass().add(Css.EMPTY_ICON);
        Label title = new Label(step.title());
        title.getStyleClass().add(Styles.TITLE_3);
        Label what = new Label(step.description() + ".");
        what.getStyleClass().add(Styles.TEXT_MUTED);
        Label when = new Label("This step comes after you pick a target in Data.");
        getChildren().addAll(icon, title, what, when);
    }
}
