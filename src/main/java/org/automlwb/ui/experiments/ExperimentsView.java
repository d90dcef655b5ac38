package org.automlwb.ui.experiments;

import atlantafx.base.theme.Styles;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.automlwb.engine.PlainNames;
import org.automlwb.export.ExperimentSummary;
import org.automlwb.ui.Css;
import org.automlwb.ui.Fmt;
import org.automlwb.ui.run.LeaderRow;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

/**
 * The Experiments view: every experiment in the models folder as a table (name, data set, target, metric, best
 * score, test score, chosen model, date, engine, budget), with Open in Results, Compare, Rename, Delete and Open
 * folder; a comparison of two or more shows below the table (metrics, their leaderboards' best rows, and each
 * run's best score over its trials).
 */
public final class ExperimentsView extends StackPane {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private final ExperimentsViewModel vm;
    private final TableView<ExperimentSummary> table = new TableView<>();
    private final VBox comparePane = new VBox(8);
    private final SplitPane split;

    public ExperimentsView(ExperimentsViewModel vm) {
        this.vm = vm;
        setId("experiments-view");
        getStylesheets().add(Css.stylesheet("experiments.css"));

        Label title = new Label("Experiments");
        title.getStyleClass().add(Styles.TITLE_3);
        Label where = new Label("in " + vm.modelsRoot());
        where.setId("experiments-folder");
        where.getStyleClass().add(Styles.TEXT_MUTED);
        where.setTextOverrun(javafx.scene.control.OverrunStyle.LEADING_ELLIPSIS);
        where.setMinWidth(0);
        where.setTooltip(new Tooltip(String.valueOf(vm.modelsRoot())));
        Button refresh = new Button("Refresh", new FontIcon(MaterialDesignR.REFRESH));
        refresh.setId("experiments-refresh");
        refresh.setMinWidth(Region.USE_PREF_SIZE);
        refresh.setOnAction(e -> vm.refresh());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(10, title, where, gap, refresh);
        header.setAlignment(Pos.BASELINE_LEFT);

        buildTable();
        ObservableList<ExperimentSummary> selected = table.getSelectionModel().getSelectedItems();
        Button open = action("Open in Results", MaterialDesignC.CHART_BAR, "experiments-open",
                () -> vm.open(table.getSelectionModel().getSelectedItem()));
        Button compare = action("Compare", MaterialDesignC.COMPARE_HORIZONTAL, "experiments-compare",
                () -> vm.compare(List.copyOf(selected)));
        Button rename = action("Rename…", MaterialDesignR.RENAME_BOX, "experiments-rename",
                () -> vm.rename(table.getSelectionModel().getSelectedItem()));
        Button delete = action("Delete…", MaterialDesignD.DELETE_OUTLINE, "experiments-delete",
                () -> vm.delete(List.copyOf(selected)));
        delete.getStyleClass().add(Styles.DANGER);
        Button folder = action("Open folder", MaterialDesignF.FOLDER_OPEN_OUTLINE, "experiments-open-folder",
                () -> vm.openFolder(table.getSelectionModel().getSelectedItem()));
        open.setDefaultButton(true);
        var none = Bindings.isEmpty(selected);
        var one = Bindings.size(selected).isNotEqualTo(1);
        open.disableProperty().bind(one.or(vm.busyProperty()));
        rename.disableProperty().bind(one.or(vm.busyProperty()));
        folder.disableProperty().bind(one);
        compare.disableProperty().bind(Bindings.size(selected).lessThan(2).or(vm.busyProperty()));
        delete.disableProperty().bind(none.or(vm.busyProperty()));
        Label hint = new Label("Double-click to open · Ctrl+click two or more to compare");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setMinWidth(0);
        HBox actions = new HBox(8, open, compare, rename, folder, delete, hint);
        actions.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("experiments-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());

        VBox top = new VBox(8, header, actions, status, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        top.setPadding(new Insets(12));
        comparePane.setId("experiments-comparison");
        comparePane.setPadding(new Insets(12));
        ScrollPane compareScroll = new ScrollPane(comparePane);
        compareScroll.setFitToWidth(true);
        split = new SplitPane(top);
        split.setOrientation(Orientation.VERTICAL);
        vm.comparisonProperty().addListener((obs, o, c) -> {
            showComparison(c);
            if (c == null) split.getItems().remove(compareScroll);
            else if (!split.getItems().contains(compareScroll)) {
                split.getItems().add(compareScroll);
                split.setDividerPositions(0.42);
            }
        });
        VBox empty = emptyState();
        empty.visibleProperty().bind(Bindings.isEmpty(vm.experiments()));
        split.visibleProperty().bind(empty.visibleProperty().not());
        getChildren().addAll(split, empty);
    }

    private void buildTable() {
        table.setId("experiments-table");
        table.setItems(vm.experiments());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No experiments."));
        // Eleven facts in 1,100 pixels: short headers, the budget and the trials in one column, file names without
        // ".csv"; every cell's whole text is in the row's tooltip.
        table.getColumns().add(column("Name", 175, ExperimentSummary::displayName));
        table.getColumns().add(column("Data set", 110, s -> s.data() == null ? "—"
                : s.data().replaceAll("(?i)\\.csv$", "")));
        table.getColumns().add(column("Target", 80, s -> orDash(s.target())));
        table.getColumns().add(column("Metric", 64, s -> s.metric() == null ? "—" : PlainNames.metric(s.metric())));
        table.getColumns().add(column("Best", 62, s -> s.validation() == null ? "—" : Fmt.number(s.validation())));
        table.getColumns().add(column("Test", 62, s -> s.test() == null ? "—" : Fmt.number(s.test())));
        table.getColumns().add(column("Model", 140, s -> s.leader() == null ? "—" : PlainNames.algorithm(s.leader())));
        table.getColumns().add(column("Date", 136, s -> date(s.created())));
        table.getColumns().add(column("Engine", 90, s -> s.engine()));
        table.getColumns().add(column("Budget", 110, s -> (s.budgetSeconds() == null ? "no limit"
                : TimeWords.seconds(s.budgetSeconds())) + " · " + s.trials() + " trials"));
        table.setRowFactory(t -> {
            TableRow<ExperimentSummary> row = new TableRow<>() {
                @Override protected void updateItem(ExperimentSummary s, boolean empty) {
                    super.updateItem(s, empty);
                    // A damaged or unfinished experiment says why, where the person looks at it.
                    setTooltip(empty || s == null ? null : new Tooltip(tooltip(s)));
                    pseudoClassStateChanged(PROBLEM, !empty && s != null && s.problem() != null);
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) vm.open(row.getItem());
            });
            return row;
        });
    }

    private static final javafx.css.PseudoClass PROBLEM = javafx.css.PseudoClass.getPseudoClass("problem");

    private static String tooltip(ExperimentSummary s) {
        StringBuilder b = new StringBuilder(s.displayName().equals(s.id()) ? s.id() : s.displayName() + " (" + s.id()
                + ")");
        b.append("\n").append(orDash(s.data())).append(" → ").append(orDash(s.target()));
        if (s.leader() != null) b.append(" · ").append(PlainNames.algorithm(s.leader()));
        b.append(" · ").append(date(s.created()));
        if (s.metric() != null) b.append("\n").append(PlainNames.meaning(s.metric()));
        if (s.problem() != null) b.append("\n").append(s.problem());
        b.append("\n").append(s.dir().toAbsolutePath().normalize());
        return b.toString();
    }

    private void showComparison(Comparison c) {
        comparePane.getChildren().clear();
        if (c == null) return;
        Button close = new Button("Close comparison");
        close.setId("experiments-close-comparison");
        close.setOnAction(e -> vm.closeComparison());
        Label heading = new Label("Comparing " + c.experiments().size() + " experiments");
        heading.getStyleClass().add(Css.SECTION_TITLE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, heading, gap, close);
        top.setAlignment(Pos.CENTER_LEFT);

        TableView<CompareRow> metrics = new TableView<>();
        metrics.setId("experiments-compare-metrics");
        metrics.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<CompareRow, String> name = new TableColumn<>("Metric (validation)");
        name.setMinWidth(150);
        name.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(PlainNames.metric(f.getValue().metric())));
        name.setCellFactory(col -> new TableCell<>() {
            @Override protected void updateItem(String v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty ? null : v);
                CompareRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setTooltip(r == null ? null : new Tooltip(PlainNames.meaning(r.metric())));
            }
        });
        metrics.getColumns().add(name);
        for (int i = 0; i < c.experiments().size(); i++) {
            int at = i;
            TableColumn<CompareRow, String> col = new TableColumn<>(c.experiments().get(i).displayName());
            col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(Fmt.number(f.getValue().values().get(at))));
            col.getStyleClass().add("num");
            metrics.getColumns().add(col);
        }
        metrics.getItems().setAll(c.metrics());
        metrics.setFixedCellSize(26);
        metrics.setPrefHeight(c.metrics().size() * 26 + 48); // rows and the header, no scroll bar
        metrics.setMinHeight(Region.USE_PREF_SIZE);

        HBox boards = new HBox(10);
        for (int i = 0; i < c.experiments().size(); i++) {
            VBox one = new VBox(4, smallHeading(c.experiments().get(i).displayName()), board(c.leaderboards().get(i)));
            HBox.setHgrow(one, Priority.ALWAYS);
            one.setPrefWidth(220);
            boards.getChildren().add(one);
        }
        comparePane.getChildren().addAll(top, metrics, smallHeading("Best " + Comparison.TOP + " of each leaderboard"),
                boards, chart(c));
    }

    private static TableView<LeaderRow> board(List<LeaderRow> rows) {
        TableView<LeaderRow> t = new TableView<>();
        t.getStyleClass().add("experiments-board");
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<LeaderRow, String> algo = new TableColumn<>("Model");
        algo.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(PlainNames.algorithm(f.getValue().algorithm())));
        TableColumn<LeaderRow, String> score = new TableColumn<>("Score");
        score.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(Fmt.number(f.getValue().score())));
        score.setMinWidth(64);
        score.setMaxWidth(90);
        t.getColumns().setAll(List.of(algo, score));
        t.getItems().setAll(rows);
        t.setFixedCellSize(26);
        t.setPrefHeight(Math.max(1, rows.size()) * 26 + 48);
        t.setMinHeight(Region.USE_PREF_SIZE);
        t.setPlaceholder(new Label("No scored trials."));
        return t;
    }

    private static Node chart(Comparison c) {
        if (c.metric() == null) {
            Label l = new Label("The experiments optimised different metrics, so their scores over the trials are "
                    + "not drawn on one axis: compare the table above.");
            l.setWrapText(true);
            return l;
        }
        NumberAxis x = new NumberAxis();
        x.setLabel("Trial");
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setLabel("Best " + PlainNames.metric(c.metric()) + " so far (" + PlainNames.direction(c.metric()) + ")");
        y.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(x, y);
        chart.setId("experiments-compare-chart");
        chart.setTitle("Best score as the trials finished");
        chart.setCreateSymbols(false);
        chart.setAnimated(false);
        chart.setMinHeight(260);
        chart.setPrefHeight(300);
        for (int i = 0; i < c.experiments().size(); i++) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(c.experiments().get(i).displayName());
            for (Comparison.Best b : c.bestSoFar().get(i)) s.getData().add(new XYChart.Data<>(b.trial(), b.score()));
            chart.getData().add(s);
        }
        return chart;
    }

    private static Label smallHeading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("experiments-subheading");
        l.setTooltip(new Tooltip(text));
        return l;
    }

    private static Button action(String text, org.kordamp.ikonli.Ikon icon, String id, Runnable run) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.setOnAction(e -> run.run());
        return b;
    }

    private static <T> TableColumn<ExperimentSummary, String> column(String title, double width,
                                                                     Function<ExperimentSummary, String> value) {
        TableColumn<ExperimentSummary, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 56));
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        c.setComparator(String::compareTo);
        return c;
    }

    /** An ISO-8601 start time as "3 Dec 2026 17:15" in the run's own offset; the raw text if it does not parse. */
    static String date(String created) {
        if (created == null) return "—";
        try {
            return DATE.format(OffsetDateTime.parse(created));
        } catch (DateTimeParseException e) {
            return created;
        }
    }

    private static String orDash(String s) { return s == null ? "—" : s; }

    private VBox emptyState() {
        FontIcon icon = new FontIcon(MaterialDesignF.FOLDER_OUTLINE);
        icon.getStyleClass().add(Css.EMPTY_ICON);
        Label t = new Label("No experiments yet");
        t.getStyleClass().add(Styles.TITLE_3);
        Label why = new Label("Every run is saved in " + vm.modelsRoot() + "; it appears here when it ends.");
        why.setWrapText(true);
        Button refresh = new Button("Refresh", new FontIcon(MaterialDesignR.REFRESH));
        refresh.setOnAction(e -> vm.refresh());
        VBox box = new VBox(10, icon, t, why, refresh);
        box.setId("experiments-empty");
        box.getStyleClass().add(Css.EMPTY_STATE);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
