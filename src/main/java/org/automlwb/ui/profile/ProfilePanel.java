package org.automlwb.ui.profile;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyBooleanProperty;
import org.automlwb.data.ColumnProfile;
import org.automlwb.ui.Css;
import org.automlwb.ui.grid.KindBadge;

/** The side panel with the selected column's statistics, flags and a chart. */
public final class ProfilePanel extends VBox {
    private final ProfileViewModel vm;
    private final HBox heading = new HBox(8);
    private final GridPane statGrid = new GridPane();
    private final FlowPane flagPane = new FlowPane(6, 6);
    private final BarChart<String, Number> chart;

    /** @param profiling true while the profile is being computed in the background */
    public ProfilePanel(ProfileViewModel vm, ReadOnlyBooleanProperty profiling) {
        this.vm = vm;
        setId("profile-panel");
        getStyleClass().add(Css.PROFILE_PANEL);
        getStylesheets().add(Css.stylesheet(Css.PROFILE));

        Label title = new Label("Column profile");
        title.getStyleClass().add(Styles.TITLE_4);
        ComboBox<String> picker = new ComboBox<>(vm.columnNames());
        picker.setId("profile-column");
        picker.setMaxWidth(Double.MAX_VALUE);
        picker.setPromptText("Pick a column");
        picker.valueProperty().bindBidirectional(vm.selectedColumnProperty());

        heading.setAlignment(Pos.CENTER_LEFT);
        statGrid.setHgap(16);
        statGrid.setVgap(4);
        statGrid.setId("profile-stats");

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(true);
        y.setMinorTickVisible(false);
        chart = new BarChart<>(x, y);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(1);
        chart.setBarGap(0);
        chart.setMinHeight(220);
        chart.setPrefHeight(260);
        chart.titleProperty().bind(vm.chartTitleProperty());
        chart.visibleProperty().bind(Bindings.isNotEmpty(vm.bars()));
        chart.managedProperty().bind(chart.visibleProperty());

        VBox body = new VBox(12, heading, flagPane, statGrid, chart);
        body.getStyleClass().add("profile-body");
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);

        ProgressIndicator spinner = new ProgressIndicator(-1);
        spinner.setPrefSize(28, 28);
        Label wait = new Label("Computing column statistics…", spinner);
        wait.getStyleClass().add(Styles.TEXT_MUTED);
        wait.visibleProperty().bind(profiling);
        wait.managedProperty().bind(profiling);
        scroll.visibleProperty().bind(profiling.not());

        getChildren().addAll(title, picker, wait, scroll);
        setSpacing(10);

        vm.currentProperty().addListener((obs, old, c) -> showColumn(c));
        vm.stats().addListener((ListChangeListener<Stat>) c -> showStats());
        vm.flags().addListener((ListChangeListener<String>) c -> showFlags());
        vm.bars().addListener((ListChangeListener<Bar>) c -> showBars());
        showColumn(vm.currentProperty().get());
        showStats();
        showFlags();
        showBars();
    }

    private void showColumn(ColumnProfile c) {
        heading.getChildren().clear();
        if (c == null) return;
        Label name = new Label(c.name());
        name.getStyleClass().addAll(Styles.TITLE_3);
        name.setId("profile-column-name");
        heading.getChildren().addAll(new KindBadge(c.kind()), name);
    }

    private void showStats() {
        statGrid.getChildren().clear();
        int r = 0;
        for (Stat s : vm.stats()) {
            Label l = new Label(s.label());
            l.getStyleClass().add(Css.STAT_LABEL);
            Label v = new Label(s.value());
            v.getStyleClass().add(Css.STAT_VALUE);
            statGrid.addRow(r++, l, v);
        }
    }

    private void showFlags() {
        flagPane.getChildren().clear();
        for (String f : vm.flags()) {
            Label l = new Label(f);
            l.getStyleClass().add(Css.FLAG);
            flagPane.getChildren().add(l);
        }
    }

    private void showBars() {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Bar b : vm.bars()) {
            String label = b.label();
            // The category axis merges equal labels; keep bars apart when two labels print the same.
            while (!seen.add(label)) label = label + " ";
            series.getData().add(new XYChart.Data<>(label, b.count()));
        }
        chart.getData().setAll(java.util.List.of(series));
    }
}
