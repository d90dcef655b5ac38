package org.automlwb.ui.results;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/** The Deploy row of the Results view: name, "make it current", the button, and where it went. */
final class DeployBar extends VBox {
    DeployBar(DeployViewModel vm) {
        super(4);
        Label label = new Label("Deploy as");
        TextField name = new TextField();
        name.setId("results-deploy-name");
        // The field gives way when the pane is narrow; the label, check box and button never do (nothing cut off).
        name.setPrefColumnCount(12);
        name.setMinWidth(80);
        name.textProperty().bindBidirectional(vm.nameProperty());
        name.setTooltip(new Tooltip("The served model's name: a new version goes to "
                + "deployment/model_serving/<name>/v1, v2, …"));
        // A CheckBox, not ControlsFX's ToggleSwitch: the theme makes the switch lose its graphic (STACK.md).
        CheckBox promote = new CheckBox("Make it current");
        promote.setId("results-deploy-promote");
        promote.setTooltip(new Tooltip("Serve the new version: deployment/model_serving/<name>/current names it"));
        promote.selectedProperty().bindBidirectional(vm.promoteProperty());
        Button deploy = new Button("Deploy", new FontIcon(MaterialDesignR.ROCKET_LAUNCH_OUTLINE));
        deploy.setId("results-deploy");
        deploy.setOnAction(e -> vm.deploy());
        deploy.disableProperty().bind(vm.busyProperty().or(vm.availableProperty().not()));
        name.disableProperty().bind(deploy.disableProperty());
        promote.disableProperty().bind(deploy.disableProperty());
        for (Region fixed : new Region[] {label, promote, deploy}) fixed.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, label, name, promote, deploy);
        HBox.setHgrow(name, Priority.ALWAYS);
        row.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("results-deploy-status");
        status.textProperty().bind(vm.statusProperty());
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.getStyleClass().add("results-note");
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());
        getChildren().addAll(row, status);
    }
}
