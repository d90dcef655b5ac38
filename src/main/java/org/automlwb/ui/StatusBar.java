package org.automlwb.ui;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line: what just happened on the left, the open file's shape on the right. */
final class StatusBar extends HBox {
    StatusBar(WorkbenchViewModel vm) {
        setId("status-bar");
        getStyleClass().add(Css.STATUS_BAR);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);
        Label status = new Label();
        status.setId("status-text");
        status.textProperty().bind(vm.load().statusProperty());
        ProgressIndicator busy = new ProgressIndicator(-1);
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(vm.load().profilingProperty().or(vm.grid().sortingProperty()));
        busy.managedProperty().bind(busy.visibleProperty());
        Label busyText = new Label();
        busyText.textProperty().bind(javafx.beans.binding.Bindings.when(vm.grid().sortingProperty())
                .then("Sorting…").otherwise("Profiling columns…"));
        busyText.visibleProperty().bind(busy.visibleProperty());
        busyText.managedProperty().bind(busy.visibleProperty());
        busyText.getStyleClass().add(Styles.TEXT_MUTED);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label summary = new Label();
        summary.setId("data-summary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.dataSummaryProperty());
        getChildren().addAll(status, grow, busy, busyText, summary);
    }
}
