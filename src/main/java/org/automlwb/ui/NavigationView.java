package org.automlwb.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** The left column: the flow Data → Prepare → Search → Run → Results, one toggle per step. */
final class NavigationView extends VBox {
    NavigationView(WorkbenchViewModel vm) {
        setId("nav");
        getStyleClass().add(Css.NAV);
        Label heading = new Label("Flow");
        heading.getStyleClass().addAll(Styles.TEXT_CAPTION, Styles.TEXT_MUTED, "nav-heading");
        getChildren().add(heading);
        ToggleGroup group = new ToggleGroup();
        int n = 1;
        for (Step step : Step.values()) {
            if (!step.inFlow()) {
                Label saved = new Label("Saved");
                saved.getStyleClass().addAll(Styles.TEXT_CAPTION, Styles.TEXT_MUTED, "nav-heading");
                getChildren().add(saved);
            }
            ToggleButton b = new ToggleButton((step.inFlow() ? n++ + "  " : "") + step.title(),
                    new FontIcon(step.icon()));
            b.setId("nav-" + step.name().toLowerCase(java.util.Locale.ROOT));
            b.getStyleClass().add(Css.NAV_STEP);
            if (!step.live()) b.getStyleClass().add("pending");
            b.setUserData(step);
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setTooltip(new javafx.scene.control.Tooltip(step.description()));
            getChildren().add(b);
            if (step == vm.stepProperty().get()) b.setSelected(true);
        }
        group.selectedToggleProperty().addListener((obs, old, t) -> {
            if (t == null) old.setSelected(true); // one step is always selected
            else vm.stepProperty().set((Step) t.getUserData());
        });
        vm.stepProperty().addListener((obs, old, s) -> group.getToggles().stream()
                .filter(t -> t.getUserData() == s).findFirst().ifPresent(t -> t.setSelected(true)));
        Region grow = new Region();
        VBox.setVgrow(grow, Priority.ALWAYS);
        getChildren().add(grow);
    }
}
