package org.automlwb.ui.results;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.automlwb.ui.Css;
import org.automlwb.ui.Fmt;
import org.automlwb.ui.run.LeaderRow;
import org.automlwb.ui.TableHeaders;
import org.automlwb.ui.run.LeaderboardTable;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

/**
 * The Results step: the chosen model and its metrics, the leaderboard with a two-entry comparison, and the
 * validation charts (confusion matrix, ROC and precision-recall for classification; actual vs predicted and
 * residuals for regression). Feature importance is not shown: the engine has no importance API yet.
 */
public final class ResultsView extends StackPane {
    private final ResultsViewModel vm;
    private final VBox empty = emptyState();
    private final Label title = new Label();
    private final Label summary = new Label();
    private final Label params = new Label();
    private final TableView<MetricRow> metrics = metricTable("Validation", "Test", "results-metrics");
    private final GridPane charts = new GridPane();
    private final SplitPane content;

    public ResultsView(ResultsViewModel vm) {
        this.vm = vm;
        setId("results-view");
        getStylesheets().add(Css.stylesheet("results.css"));
        title.setId("results-title");
        title.getStyleClass().add(Styles.TITLE_3);
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        params.getStyleClass().add(Styles.TEXT_MUTED);
        params.setWrapText(true);
        params.setMinHeight(Region.USE_PREF_SIZE);

        LeaderboardTable board = new LeaderboardTable(vm.rows(), "Score");
        board.setId("results-leaderboard");
        TableHeaders.fit(board);
        board.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Selecting rows picks the pair to compare: the last two selected.
        board.getSelectionModel().getSelectedItems().addListener((ListChangeListener<LeaderRow>) c -> {
            ObservableList<LeaderRow> sel = board.getSelectionModel().getSelectedItems();
            if (sel.size() >= 2) {
                vm.leftProperty().set(sel.get(sel.size() - 2));
                vm.rightProperty().set(sel.get(sel.size() - 1));
            }
        });
        TableView<MetricRow> compare = metricTable("A", "B", "results-compare");
        compare.setItems(vm.comparison());
        Runnable headers = () -> {
            compare.getColumns().get(1).setText(label(vm.leftProperty().get()));
            compare.getColumns().get(2).setText(label(vm.rightProperty().get()));
        };
        vm.leftProperty().addListener((obs, o, n) -> headers.run());
        vm.rightProperty().addListener((obs, o, n) -> headers.run());
        Label compareTitle = heading("Compare (Ctrl+click two leaderboard rows)");

        fitRows(metrics);
        fitRows(compare);
        compareTitle.setWrapText(true);
        compareTitle.setMinHeight(Region.USE_PREF_SIZE); // wrapped onto a second line, not cut, when narrow
        VBox chosen = new VBox(6, heading("Chosen model"), metrics);
        VBox pair = new VBox(6, compareTitle, compare);
        HBox tables = new HBox(10, chosen, pair);
        HBox.setHgrow(chosen, Priority.ALWAYS);
        HBox.setHgrow(pair, Priority.ALWAYS);
        chosen.setPrefWidth(240);
        pair.setPrefWidth(240);
        Button report = new Button("Open report",
                new FontIcon(MaterialDesignF.FILE_CHART_OUTLINE));
        report.setId("results-open-report");
        report.setOnAction(e -> vm.openReport());
        Button predict = new Button("Predict a file…",
                new FontIcon(MaterialDesignT.TABLE_ARROW_RIGHT));
        predict.setId("results-predict");
        predict.setOnAction(e -> vm.predictFile());
        report.disableProperty().bind(vm.busyProperty());
        predict.disableProperty().bind(vm.busyProperty());
        HBox actions = new HBox(8, report, predict);
        VBox left = new VBox(8, title, params, summary, savedIn(), actions, opened, tables, heading("Leaderboard"),
                board);
        VBox.setVgrow(board, Priority.ALWAYS);
        left.setPadding(new Insets(12));

        charts.getStyleClass().add("results-charts");
        charts.setHgap(8);
        charts.setVgap(8);
        charts.setPadding(new Insets(12));
        ScrollPane chartScroll = new ScrollPane(charts);
        chartScroll.setFitToWidth(true);
        chartScroll.setFitToHeight(true);
        content = new SplitPane(left, chartScroll);
        content.setOrientation(Orientation.HORIZONTAL);
        content.setDividerPositions(0.5);

        getChildren().addAll(content, empty);
        vm.resultsProperty().addListener((obs, o, r) -> show(r));
        vm.importanceProperty().addListener((obs, o, i) -> showImportance(i));
        importanceNote.textProperty().bind(vm.importanceStatusProperty());
        opened.textProperty().bind(vm.openedProperty());
        opened.setWrapText(true);
        opened.setMinHeight(Region.USE_PREF_SIZE);
        opened.getStyleClass().add("results-note");
        opened.managedProperty().bind(opened.textProperty().isNotEmpty());
        opened.visibleProperty().bind(opened.managedProperty());
        importanceNote.setWrapText(true);
        importanceNote.setMinHeight(Region.USE_PREF_SIZE);
        importanceNote.getStyleClass().add("results-note");
        show(vm.resultsProperty().get());
    }

    /** Where the run wrote everything: the full path (selectable, never cut off), Open folder and Copy path. */
    private HBox savedIn() {
        // A narrow window cuts the path at its start, keeping its end, which names the experiment; the tooltip and
        // Copy path give all of it.
        Label path = new Label();
        path.setId("results-folder");
        path.textProperty().bind(vm.folderProperty());
        path.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        path.setMinWidth(0);
        path.setMaxWidth(Double.MAX_VALUE);
        path.setTooltip(new javafx.scene.control.Tooltip());
        path.getTooltip().textProperty().bind(vm.folderProperty());
        Button open = new Button("Open folder", new FontIcon(MaterialDesignF.FOLDER_OPEN_OUTLINE));
        open.setId("results-open-folder");
        open.setOnAction(e -> vm.openFolder());
        Button copy = new Button("Copy path", new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setId("results-copy-path");
        copy.setOnAction(e -> vm.copyPath());
        Label label = new Label("Saved in");
        label.setMinWidth(Region.USE_PREF_SIZE);
        open.setMinWidth(Region.USE_PREF_SIZE);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        HBox row = new HBox(8, label, path, open, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(path, Priority.ALWAYS);
        return row;
    }

    /** What the last Open asked the system to open, with its path. */
    private final Label opened = new Label();

    /** The importance panel: its note always, its chart once measured. Sits below the validation charts. */
    private final Label importanceNote = new Label();
    private final VBox importancePanel = new VBox(6);

    private void showImportance(org.automlwb.engine.FeatureImportance.Result result) {
        importancePanel.getChildren().setAll(importanceNote);
        if (result != null && !result.importances().isEmpty()) {
            var outcome = vm.outcomeProperty().get();
            var metric = outcome == null || outcome.result() == null ? null : outcome.result().summary().metric();
            importancePanel.getChildren().add(grow(ResultCharts.importance(result, metric, 15)));
        }
    }

    private void show(ResultsViewModel.Results r) {
        empty.setVisible(r == null);
        content.setVisible(r != null);
        charts.getChildren().clear();
        if (r == null) return;
        int open = r.title().indexOf(" (");
        title.setText(open < 0 ? r.title() : r.title().substring(0, open));
        params.setText(open < 0 ? "" : r.title().substring(open + 2, r.title().length() - 1));
        summary.setText(r.summary());
        metrics.getItems().setAll(r.metrics());
        if (r.confusion() != null) {
            charts.add(r.confusion().counts().length > 30 ? tooMany(r.confusion().counts().length)
                    : ResultCharts.confusion(r.confusion()), 0, 0, 2, 1);
            charts.add(grow(ResultCharts.roc(r.roc())), 0, 1);
            charts.add(grow(ResultCharts.precisionRecall(r.pr())), 1, 1);
        } else if (r.regression() != null) {
            charts.add(grow(ResultCharts.actualVsPredicted(r.regression())), 0, 0);
            charts.add(grow(ResultCharts.residuals(r.regression())), 0, 1);
        } else {
            charts.add(new Label("This run kept no validation predictions, so there is nothing to chart."), 0, 0);
        }
        showImportance(vm.importanceProperty().get());
        charts.add(importancePanel, 0, 2, 2, 1);
    }

    /** Tall enough for every row (metric tables are short): no scroll bar inside the page. */
    private static void fitRows(TableView<MetricRow> t) {
        t.setFixedCellSize(26);
        t.prefHeightProperty().bind(javafx.beans.binding.Bindings.size(t.getItems()).multiply(26).add(60));
        t.minHeightProperty().bind(t.prefHeightProperty());
        t.maxHeightProperty().bind(t.prefHeightProperty());
    }

    private static Node grow(Node n) {
        GridPane.setHgrow(n, Priority.ALWAYS);
        GridPane.setVgrow(n, Priority.ALWAYS);
        return n;
    }

    private static Label tooMany(int k) {
        return new Label(k + " classes are too many for a readable confusion matrix; see the metrics instead.");
    }

    private static String label(LeaderRow r) {
        return r == null ? "—" : "#" + r.trialId() + " " + r.algorithm();
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Css.SECTION_TITLE);
        return l;
    }

    private static TableView<MetricRow> metricTable(String leftTitle, String rightTitle, String id) {
        TableView<MetricRow> t = new TableView<>();
        t.setId(id);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("—"));
        t.getColumns().add(column("Metric", MetricRow::metric, String::valueOf));
        // narrow enough that both tables keep every header whole side by side at 1280x800 (a long metric name's
        // cell is cut there, and whole from 1600 wide)
        t.getColumns().get(0).setMinWidth(96);
        t.getColumns().add(column(leftTitle, MetricRow::left, v -> Fmt.number((Double) v)));
        t.getColumns().add(column(rightTitle, MetricRow::right, v -> Fmt.number((Double) v)));
        TableHeaders.fit(t);
        return t;
    }

    private static <T> TableColumn<MetricRow, T> column(String title, Function<MetricRow, T> value,
                                                        Function<Object, String> format) {
        TableColumn<MetricRow, T> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override protected void updateItem(T v, boolean isEmpty) {
                super.updateItem(v, isEmpty);
                setText(isEmpty || v == null ? null : format.apply(v));
            }
        });
        return c;
    }

    private static VBox emptyState() {
        FontIcon icon = new FontIcon(MaterialDesignC.CHART_BAR);
        icon.getStyleClass().add(Css.EMPTY_ICON);
        Label t = new Label("No results yet");
        t.getStyleClass().add(Styles.TITLE_3);
        Label why = new Label("Results appear here when a run in the Run step ends.");
        VBox box = new VBox(10, icon, t, why);
        box.setId("results-empty");
        box.getStyleClass().add(Css.EMPTY_STATE);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
