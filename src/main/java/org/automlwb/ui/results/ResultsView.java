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
import java.util.List;
import org.automlwb.engine.PlainNames;
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
    private final Label headline = new Label();
    private final Label members = new Label();
    private final Label baseline = new Label();
    private final Label crowded = new Label();
    private final Label details = new Label();
    private final javafx.scene.control.TitledPane detailsPane = new javafx.scene.control.TitledPane(
            "Details: the chosen model's settings", details);
    private final Label legend = new Label();
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
        headline.setId("results-headline");
        headline.getStyleClass().add("results-headline");
        members.setId("results-members");
        baseline.setId("results-baseline");
        baseline.getStyleClass().add("results-warning");
        crowded.setId("results-crowded");
        crowded.getStyleClass().add("results-warning");
        legend.setId("results-legend");
        legend.getStyleClass().add(Styles.TEXT_MUTED);
        for (Label l : List.of(headline, members, baseline, crowded, legend)) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }
        details.setId("results-details");
        details.getStyleClass().add("results-details");
        details.setWrapText(true);
        details.setMinHeight(Region.USE_PREF_SIZE);
        detailsPane.setId("results-details-pane");
        detailsPane.setExpanded(false);
        detailsPane.setAnimated(false);
        detailsPane.managedProperty().bind(details.textProperty().isNotEmpty());
        detailsPane.visibleProperty().bind(detailsPane.managedProperty());
        vm.wordsProperty().addListener((obs, o, w) -> showWords(w));
        showWords(vm.wordsProperty().get());
        vm.rows().addListener((ListChangeListener<LeaderRow>) c -> legend.setText(LeaderboardLegend.of(vm.rows())));

        LeaderboardTable board = new LeaderboardTable(vm.rows(), "Score");
        board.setId("results-leaderboard");
        TableHeaders.fit(board);
        board.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        // Hyperparameters are details: hidden here (the chosen model's are under Details), shown from the table's
        // menu button (+) for whoever wants every trial's.
        board.getColumns().stream().filter(c -> "Hyperparameters".equals(c.getText())).findFirst()
                .ifPresent(c -> c.setVisible(false));
        board.setTableMenuButtonVisible(true);
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
        javafx.scene.control.CheckBox keep = new javafx.scene.control.CheckBox("Keep the file's columns");
        keep.setId("results-keep-columns");
        keep.selectedProperty().bindBidirectional(vm.keepColumnsProperty());
        keep.setTooltip(new javafx.scene.control.Tooltip("Predictions are saved after the predicted file's own "
                + "columns, probabilities rounded to " + ResultsViewModel.PREDICTION_DECIMALS + " decimals. Off: "
                + "only the row number, the prediction and the probabilities."));
        keep.setMinWidth(Region.USE_PREF_SIZE);
        predict.setTooltip(new javafx.scene.control.Tooltip("Predict a CSV with the chosen model. A file that has "
                + "the target column is also scored: its metrics are shown when it is done."));
        HBox actions = new HBox(8, report, predict, keep);
        actions.setAlignment(Pos.CENTER_LEFT);
        VBox left = new VBox(8, title, headline, members, baseline, crowded, detailsPane, summary, savedIn(), actions,
                opened, new DeployBar(vm.deploy()), tables, heading("Leaderboard"), legend, board);
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

    /**
     * Lets the empty state offer the newest saved experiment: after a restart there are results on disk, and "No
     * results yet" alone would say there are none.
     *
     * @param latest the newest experiment with a model, or null
     * @param open   opens an experiment into this view
     */
    public void offerLatest(javafx.beans.value.ObservableValue<org.automlwb.export.ExperimentSummary> latest,
                            java.util.function.Consumer<org.automlwb.export.ExperimentSummary> open) {
        Button b = new Button();
        b.setId("results-open-latest");
        b.getStyleClass().add(Styles.ACCENT);
        b.setOnAction(e -> open.accept(latest.getValue()));
        Label more = new Label("or pick one in Experiments (File › Open Experiment…).");
        more.getStyleClass().add(Styles.TEXT_MUTED);
        Label heading = (Label) empty.lookup("#results-empty-title");
        Runnable update = () -> {
            var s = latest.getValue();
            // Saved experiments are results: "No results yet" would tell the person they have none.
            if (heading != null) heading.setText(s == null ? "No results yet" : "No experiment open");
            b.setText(s == null ? "" : "Open the latest: " + s.displayName());
            b.setVisible(s != null);
            b.setManaged(s != null);
            more.setVisible(s != null);
            more.setManaged(s != null);
        };
        latest.addListener((obs, o, n) -> update.run());
        update.run();
        empty.getChildren().addAll(b, more);
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
        title.setText(r.title());
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

    private void showWords(ResultsViewModel.Words w) {
        headline.setText(w.headline());
        headline.setTooltip(w.headline().isEmpty() ? null : new javafx.scene.control.Tooltip(
                "The same numbers as the table below, in words. Hover over a metric's name there to see what it "
                + "means and which way is better."));
        members.setText(w.members().isEmpty() ? "" : "An ensemble of: " + w.members());
        baseline.setText(w.baseline());
        crowded.setText(w.crowded());
        details.setText(w.details());
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
        return r == null ? "—" : "#" + r.trialId() + " " + PlainNames.algorithm(r.algorithm());
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
        TableColumn<MetricRow, String> name = new TableColumn<>("Metric");
        name.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue().metric()));
        name.setCellFactory(col -> new TableCell<>() {
            @Override protected void updateItem(String key, boolean isEmpty) {
                super.updateItem(key, isEmpty);
                // The key stays in files and JSON; a person reads its name and, on hover, what it means.
                setText(isEmpty || key == null ? null : PlainNames.metric(key));
                String meaning = isEmpty || key == null ? "" : PlainNames.meaning(key);
                setTooltip(meaning.isEmpty() ? null : new javafx.scene.control.Tooltip(meaning));
            }
        });
        t.getColumns().add(name);
        // narrow enough that both tables keep every header whole side by side at 1280x800 (a long metric name's
        // cell is cut there, its tooltip says what it means, and whole from 1600 wide)
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
        t.setId("results-empty-title");
        t.getStyleClass().add(Styles.TITLE_3);
        Label why = new Label("Results appear here when a run in the Run step ends, or when you open a saved "
                + "experiment.");
        why.setWrapText(true);
        VBox box = new VBox(10, icon, t, why);
        box.setId("results-empty");
        box.getStyleClass().add(Css.EMPTY_STATE);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
