package org.automlwb.ui.target;

import atlantafx.base.theme.Styles;
import java.util.Arrays;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.automlwb.data.ColumnKind;
import org.automlwb.engine.TaskType;
import org.automlwb.ui.Css;
import org.automlwb.ui.grid.KindNames;

/**
 * The bar above the Data grid: which column to predict, the task found for it (or why it cannot be predicted),
 * a task override, and the type of the selected column (changing it re-reads the file).
 */
public final class TargetBar extends FlowPane {
    /** @param selectedColumn the column selected in the grid */
    public TargetBar(TargetViewModel vm, ObservableValue<String> selectedColumn) {
        super(12, 6);
        setId("target-bar");
        getStylesheets().add(Css.stylesheet("target.css"));
        getStyleClass().add("target-bar");
        setAlignment(Pos.CENTER_LEFT);

        ComboBox<String> target = new ComboBox<>(vm.columns());
        target.setId("target-column");
        target.valueProperty().bindBidirectional(vm.targetProperty());
        target.setPromptText("choose a column");
        target.setTooltip(new Tooltip("The column the models learn to predict."));

        Label task = new Label();
        task.setId("detected-task");
        task.getStyleClass().add("task-badge");
        task.textProperty().bind(Bindings.createStringBinding(() -> vm.taskProperty().get() == null ? ""
                : taskName(vm.taskProperty().get()), vm.taskProperty()));
        task.visibleProperty().bind(vm.taskProperty().isNotNull());
        task.managedProperty().bind(vm.taskProperty().isNotNull());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(14, 14);
        busy.visibleProperty().bind(vm.detectingProperty());
        busy.managedProperty().bind(vm.detectingProperty());

        ComboBox<TaskType> override = new ComboBox<>(FXCollections.observableArrayList(Arrays.asList(
                null, TaskType.BINARY, TaskType.MULTICLASS, TaskType.REGRESSION)));
        override.setId("task-override");
        override.valueProperty().bindBidirectional(vm.taskOverrideProperty());
        override.setConverter(new StringConverter<>() {
            @Override public String toString(TaskType t) { return t == null ? "Automatic" : taskName(t); }
            @Override public TaskType fromString(String s) { return null; }
        });
        override.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override protected void updateItem(TaskType t, boolean empty) {
                super.updateItem(t, empty);
                setText(empty ? "" : (t == null ? "Automatic" : taskName(t)));
            }
        });
        override.setTooltip(new Tooltip("Force the task, e.g. classes for a number column with few values."));

        Label problem = new Label();
        problem.setId("target-problem");
        problem.getStyleClass().addAll(Styles.DANGER, "target-problem");
        problem.textProperty().bind(vm.problemProperty());
        problem.managedProperty().bind(vm.problemProperty().isNotEmpty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());

        Label columnName = new Label();
        columnName.getStyleClass().add("field-label");
        columnName.textProperty().bind(Bindings.createStringBinding(() -> selectedColumn.getValue() == null
                ? "Column type" : "Read '" + selectedColumn.getValue() + "' as", selectedColumn));
        ComboBox<ColumnKind> kind = new ComboBox<>(FXCollections.observableArrayList(ColumnKind.values()));
        kind.setId("column-kind");
        kind.setConverter(new StringConverter<>() {
            @Override public String toString(ColumnKind k) { return k == null ? "" : KindNames.longName(k); }
            @Override public ColumnKind fromString(String s) { return null; }
        });
        kind.setTooltip(new Tooltip("Change how the selected column is read; the file is read again."));
        Runnable showKind = () -> kind.setValue(vm.kindOf(selectedColumn.getValue()));
        selectedColumn.addListener((obs, o, c) -> showKind.run());
        vm.columns().addListener((javafx.collections.ListChangeListener<String>) c -> showKind.run());
        showKind.run(); // the bar is built when a data set is already loaded, a column perhaps already selected
        kind.disableProperty().bind(Bindings.createBooleanBinding(() -> selectedColumn.getValue() == null, selectedColumn));
        kind.setOnAction(e -> {
            String col = selectedColumn.getValue();
            if (col != null) vm.overrideType(col, kind.getValue());
        });
        showKind.run();

        getChildren().addAll(label("Predict"), target, busy, task, label("Task"), override, problem,
                new Separator(Orientation.VERTICAL), columnName, kind);
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        return l;
    }

    /** e.g. "Binary classification". */
    public static String taskName(TaskType t) {
        return switch (t) {
            case BINARY -> "Binary classification";
            case MULTICLASS -> "Multiclass classification";
            case REGRESSION -> "Regression";
        };
    }

}
