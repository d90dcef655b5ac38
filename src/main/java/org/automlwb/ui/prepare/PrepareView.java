package org.automlwb.ui.prepare;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.Observable;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.automlwb.ui.Css;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignU;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The Prepare step: the recipe as a list of steps (add, remove, drag to reorder, switch off, undo and redo),
 * the selected step's settings, the problems, and a live preview of a sample after the recipe with the
 * before/after summary of the columns it changed.
 */
public final class PrepareView extends BorderPane {
    /** Most preview rows put in the table: enough to scroll through, few enough to build cells quickly. */
    private static final int PREVIEW_TABLE_ROWS = 200;

    private final PrepareViewModel vm;
    private final ListView<RecipeDraft.Item> steps = new ListView<>();
    private final ScrollPane formPane = new ScrollPane();
    private final VBox problems = new VBox(4);
    private final TableView<Integer> previewTable = new TableView<>();
    private final TableView<ColumnChange> changes = new TableView<>();
    private final Label previewMessage = new Label();
    private StepForm form;

    public PrepareView(PrepareViewModel vm) {
        this.vm = vm;
        setId("prepare-view");
        getStylesheets().add(Css.stylesheet("prepare.css"));
        getStyleClass().add("prepare");
        setTop(toolbar());

        steps.setId("recipe-steps");
        steps.setItems(vm.items());
        steps.setCellFactory(l -> new StepCell(vm));
        steps.setPlaceholder(new Label("No steps: numbers go to the models as they are.\nAdd a step or press Automatic."));
        steps.getSelectionModel().selectedIndexProperty().addListener((obs, o, n) -> {
            if (n.intValue() != vm.selectedProperty().get()) vm.selectedProperty().set(n.intValue());
        });
        vm.selectedProperty().addListener((obs, o, n) -> syncSelection());
        vm.items().addListener((ListChangeListener<RecipeDraft.Item>) c -> syncSelection());

        formPane.setFitToWidth(true);
        formPane.getStyleClass().add("form-pane");
        problems.setId("recipe-problems");
        problems.getStyleClass().add("problems");
        vm.problems().addListener((ListChangeListener<String>) c -> showProblems());
        VBox right = new VBox(8, problems, formPane);
        VBox.setVgrow(formPane, Priority.ALWAYS);
        right.getStyleClass().add("step-settings");

        SplitPane editor = new SplitPane(steps, right);
        editor.setDividerPositions(0.42);

        previewTable.setId("recipe-preview");
        previewTable.setPlaceholder(new Label(""));
        changes.setId("recipe-changes");
        changes.setPlaceholder(new Label("The recipe changes no column of the sample."));
        changes.getColumns().addAll(List.of(textColumn("Column", ColumnChange::column, 140),
                textColumn("Before", ColumnChange::before, 220), textColumn("After", ColumnChange::after, 220)));
        changes.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        previewMessage.setId("preview-message");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.previewStateProperty().isEqualTo(PreviewState.UPDATING));
        Label previewTitle = new Label("Preview");
        previewTitle.getStyleClass().add(Styles.TITLE_4);
        HBox previewHead = new HBox(8, previewTitle, busy, previewMessage);
        previewHead.getStyleClass().add("preview-head");
        SplitPane previewSplit = new SplitPane(previewTable, changes);
        previewSplit.setDividerPositions(0.5);
        VBox preview = new VBox(6, previewHead, previewSplit);
        VBox.setVgrow(previewSplit, Priority.ALWAYS);
        preview.getStyleClass().add("preview");

        SplitPane main = new SplitPane(editor, preview);
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.5);
        setCenter(main);

        vm.previewProperty().addListener((obs, o, p) -> showPreview());
        vm.previewStateProperty().addListener(this::showState);
        vm.previewMessageProperty().addListener(this::showState);
        showProblems();
        showPreview();
        showState(null);
        syncSelection();
    }

    private Node toolbar() {
        MenuButton add = new MenuButton("Add step", new FontIcon(MaterialDesignP.PLUS));
        add.setId("add-step");
        for (StepKind k : StepKind.values()) {
            MenuItem item = new MenuItem(k.title());
            item.setOnAction(e -> vm.add(k));
            add.getItems().add(item);
        }
        Button remove = button("Remove", MaterialDesignD.DELETE_OUTLINE, "Remove the selected step",
                () -> vm.remove(vm.selectedProperty().get()));
        remove.disableProperty().bind(vm.selectedProperty().lessThan(0));
        Button up = button(null, MaterialDesignA.ARROW_UP, "Move the selected step up (or drag it)",
                () -> vm.move(vm.selectedProperty().get(), vm.selectedProperty().get() - 1));
        up.disableProperty().bind(vm.selectedProperty().lessThan(1));
        Button down = button(null, MaterialDesignA.ARROW_DOWN, "Move the selected step down (or drag it)",
                () -> vm.move(vm.selectedProperty().get(), vm.selectedProperty().get() + 1));
        down.disableProperty().bind(vm.selectedProperty().lessThan(0)
                .or(vm.selectedProperty().greaterThanOrEqualTo(javafx.beans.binding.Bindings.size(vm.items()).subtract(1))));
        Button undo = button("Undo", MaterialDesignU.UNDO, "Undo the last change", vm::undo);
        undo.disableProperty().bind(vm.canUndoProperty().not());
        Button redo = button("Redo", MaterialDesignR.REDO, "Redo what was undone", vm::redo);
        redo.disableProperty().bind(vm.canRedoProperty().not());
        Button auto = button("Automatic", MaterialDesignA.AUTO_FIX, "Replace the recipe by the automatic one for this data",
                vm::automatic);
        Button open = button("Open…", MaterialDesignF.FOLDER_OPEN_OUTLINE, "Read a recipe from a JSON file", vm::open);
        Button save = button("Save…", MaterialDesignC.CONTENT_SAVE_OUTLINE, "Write the recipe to a JSON file", vm::save);
        DataExport export = vm.dataExport();
        Button exportData = button("Export prepared data…", MaterialDesignD.DATABASE_EXPORT_OUTLINE,
                "Write the open file through this recipe to data/processed_data/ (CSV or Parquet), with the fitted"
                        + " recipe and its lineage", vm::exportPrepared);
        exportData.setId("export-prepared");
        Button saveFe = button("Save recipe to feature_engineering/", MaterialDesignF.FILE_COG_OUTLINE,
                "Fit the recipe on the open file and save it to data/feature_engineering/, for prepare and run"
                        + " --recipe", vm::saveToFeatureEngineering);
        saveFe.setId("save-feature-engineering");
        saveFe.setMnemonicParsing(false); // the underscore in feature_engineering is text, not a shortcut key
        var noData = export.availableBinding().not();
        exportData.disableProperty().bind(export.runningProperty().or(noData));
        saveFe.disableProperty().bind(export.runningProperty().or(noData));
        ProgressBar exportProgress = new ProgressBar();
        exportProgress.setId("export-progress");
        exportProgress.setPrefWidth(160);
        exportProgress.progressProperty().bind(export.progressProperty());
        exportProgress.visibleProperty().bind(export.runningProperty());
        exportProgress.managedProperty().bind(export.runningProperty());
        Button cancelExport = button("Cancel", MaterialDesignC.CLOSE, "Stop the export; nothing is written",
                export::cancel);
        cancelExport.setId("cancel-export");
        cancelExport.visibleProperty().bind(export.runningProperty());
        cancelExport.managedProperty().bind(export.runningProperty());
        Label exportStatus = new Label();
        exportStatus.setId("export-status");
        exportStatus.textProperty().bind(export.statusProperty());
        exportStatus.setTooltip(new Tooltip());
        exportStatus.getTooltip().textProperty().bind(export.statusProperty());
        exportStatus.setMaxWidth(Double.MAX_VALUE);
        // The worker's progress is copied in at most ten times a second, never per row.
        org.automlwb.ui.task.FxThrottle throttle = new org.automlwb.ui.task.FxThrottle(100, export::refreshProgress);
        export.runningProperty().addListener((obs, was, now) -> throttle.setRunning(now));
        ToolBar bar = new ToolBar(add, remove, up, down, new Separator(), undo, redo, new Separator(), auto,
                new Separator(), open, save);
        bar.setId("prepare-toolbar");
        // A row of its own: the recipe bar is full at the usual window width, and these write to data/, not edit.
        // An HBox, not a ToolBar: a long status line is cut with an ellipsis instead of pushed into an overflow menu.
        HBox dataBar = new HBox(8, exportData, saveFe, exportProgress, cancelExport, exportStatus);
        dataBar.setId("prepare-data-toolbar");
        dataBar.getStyleClass().add("tool-bar");
        dataBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (Button b : List.of(exportData, saveFe, cancelExport)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            b.getStyleClass().add(Styles.FLAT); // as the buttons of the tool bar above
        }
        exportStatus.setMinWidth(0);
        HBox.setHgrow(exportStatus, Priority.ALWAYS);
        return new VBox(bar, dataBar);
    }

    private static Button button(String text, org.kordamp.ikonli.Ikon icon, String tip, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void syncSelection() {
        int sel = vm.selectedProperty().get();
        if (steps.getSelectionModel().getSelectedIndex() != sel) {
            if (sel < 0) steps.getSelectionModel().clearSelection(); else steps.getSelectionModel().select(sel);
        }
        showForm();
    }

    private void showForm() {
        int sel = vm.selectedProperty().get();
        if (sel < 0 || sel >= vm.items().size()) {
            form = null;
            Label hint = new Label("Select a step to change its settings.");
            hint.getStyleClass().add(Styles.TEXT_MUTED);
            formPane.setContent(hint);
            return;
        }
        var step = vm.items().get(sel).step();
        // A form's own edit comes back as the selected step: keep the form (and its focus and scroll).
        if (form != null && form.getUserData() == step) return;
        form = new StepForm(step, vm.columns(), vm.target(), next -> {
            int at = vm.selectedProperty().get();
            if (form != null) form.setUserData(next);
            vm.replace(at, next);
        });
        form.setUserData(step);
        formPane.setContent(form);
    }

    private void showProblems() {
        problems.getChildren().clear();
        for (String p : vm.problems()) {
            Label l = new Label(p, new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
            l.setWrapText(true);
            l.getStyleClass().addAll(Styles.DANGER, "problem");
            problems.getChildren().add(l);
        }
        problems.setManaged(!vm.problems().isEmpty());
    }

    private void showState(Observable ignored) {
        previewMessage.setText(vm.previewMessageProperty().get());
        previewMessage.getStyleClass().remove(Styles.DANGER);
        if (vm.previewStateProperty().get() == PreviewState.FAILED) previewMessage.getStyleClass().add(Styles.DANGER);
    }

    private void showPreview() {
        Preview p = vm.previewProperty().get();
        previewTable.getColumns().clear();
        if (p == null) {
            previewTable.getItems().clear();
            changes.getItems().clear();
            return;
        }
        Table t = p.rows();
        for (Column<?> c : t.columns()) {
            TableColumn<Integer, String> col = new TableColumn<>(c.name());
            col.setCellValueFactory(cd -> new ReadOnlyStringWrapper(c.isMissing(cd.getValue()) ? "" : c.getString(cd.getValue())));
            col.setSortable(false);
            // the header whole (one-hot columns are named column=value), the cells up to 240 px
            col.setMinWidth(Math.max(70, org.automlwb.ui.TableHeaders.width(c.name())));
            col.setPrefWidth(Math.max(col.getMinWidth(), Math.min(240, c.name().length() * 8 + 24)));
            previewTable.getColumns().add(col);
        }
        int n = Math.min(PREVIEW_TABLE_ROWS, t.rowCount());
        Integer[] rows = new Integer[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        previewTable.getItems().setAll(rows);
        changes.getItems().setAll(p.changes());
    }

    private static TableColumn<ColumnChange, String> textColumn(String title,
            java.util.function.Function<ColumnChange, String> value, double width) {
        TableColumn<ColumnChange, String> col = new TableColumn<>(title);
        col.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        col.setPrefWidth(width);
        col.setSortable(false);
        return col;
    }
}
