package org.automlwb.ui.run;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import org.automlwb.engine.trial.TrialStatus;
import org.automlwb.ui.Fmt;

/**
 * A leaderboard table: rank, trial, algorithm, hyperparameters, score, fit time, status, error. Sortable by
 * any column; rows stay in rank order when no column is sorted. Virtualised, so thousands of rows are cheap.
 */
public final class LeaderboardTable extends TableView<LeaderRow> {
    private static final java.util.Map<TrialStatus, PseudoClass> STATUS = new java.util.EnumMap<>(TrialStatus.class);

    static {
        for (TrialStatus s : TrialStatus.values()) STATUS.put(s, PseudoClass.getPseudoClass(s.name().toLowerCase(Locale.ROOT)));
    }

    public LeaderboardTable(ObservableList<LeaderRow> rows, String scoreTitle) {
        SortedList<LeaderRow> sorted = new SortedList<>(rows);
        sorted.comparatorProperty().bind(comparatorProperty());
        setItems(sorted);
        getStyleClass().add("leaderboard");
        getStylesheets().add(org.automlwb.ui.Css.stylesheet("run.css")); // status colours, wherever the table shows
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label("No finished trials yet."));
        setFixedCellSize(26); // uniform rows let the virtual flow skip measuring: smooth with thousands of rows

        TableColumn<LeaderRow, Integer> rank = column("#", 48, LeaderRow::rank);
        rank.setCellFactory(c -> text(r -> r == 0 ? "" : Integer.toString(r), "num"));
        TableColumn<LeaderRow, Integer> trial = column("Trial", 56, LeaderRow::trialId);
        trial.setCellFactory(c -> text(String::valueOf, "num"));
        TableColumn<LeaderRow, String> engine = column("Engine", 76, LeaderRow::engine);
        engineColumnWhenSeveral(rows, engine);
        TableColumn<LeaderRow, String> algo = column("Algorithm", 140, LeaderRow::algorithm);
        algo.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(String id, boolean empty) {
                super.updateItem(id, empty);
                setText(empty || id == null ? null : org.automlwb.engine.PlainNames.algorithm(id));
                LeaderRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
                boolean worse = r != null && worseThanBaseline(r);
                pseudoClassStateChanged(WORSE, worse);
                setTooltip(worse ? new Tooltip("Worse than the constant baseline (always the most common class, "
                        + "or the average): this model has learnt nothing usable.") : null);
            }
        });
        TableColumn<LeaderRow, String> params = column("Hyperparameters", 260, LeaderRow::params);
        params.setCellFactory(c -> text(s -> s, "params"));
        TableColumn<LeaderRow, Double> score = column(scoreTitle, 90, LeaderRow::score);
        score.setCellFactory(c -> {
            TableCell<LeaderRow, Double> cell = new TableCell<>() {
                @Override protected void updateItem(Double v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty || v == null ? null : Fmt.number(v));
                    LeaderRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
                    // A dash alone reads as broken: say why there is no score.
                    setTooltip(r != null && Double.isNaN(r.score())
                            ? new Tooltip(org.automlwb.engine.PlainNames.noScore(r.status())) : null);
                }
            };
            cell.getStyleClass().add("num");
            return cell;
        });
        // NaN (no score) sorts after every number whichever way the column is sorted
        score.setComparator(Comparator.nullsLast(Double::compare));
        TableColumn<LeaderRow, Double> fit = column("Fit s", 64, LeaderRow::fitSeconds);
        fit.setCellFactory(c -> text(v -> String.format(Locale.ROOT, "%.2f", v), "num"));
        TableColumn<LeaderRow, TrialStatus> status = column("Status", 84, LeaderRow::status);
        status.setCellFactory(c -> new TableCell<>() {
            private PseudoClass shown;

            @Override protected void updateItem(TrialStatus s, boolean empty) {
                super.updateItem(s, empty);
                PseudoClass next = empty || s == null ? null : STATUS.get(s);
                // A pseudo-class switch is a cheap state change; adding and removing style classes restyles the cell.
                if (next != shown) {
                    if (shown != null) pseudoClassStateChanged(shown, false);
                    if (next != null) pseudoClassStateChanged(next, true);
                    shown = next;
                }
                setText(empty || s == null ? null : org.automlwb.engine.PlainNames.status(s));
                setTooltip(empty || s == null ? null : new Tooltip(org.automlwb.engine.PlainNames.statusMeaning(s)));
            }
        });
        TableColumn<LeaderRow, String> error = column("Error", 200, LeaderRow::error);
        error.setCellFactory(c -> new TableCell<>() {
            @Override protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty ? null : s);
                setTooltip(empty || s == null || s.isEmpty() ? null : new Tooltip(s));
            }
        });
        // JavaFX compares strings with a Collator by default: seconds for 5,000 rows. Plain order is enough here.
        for (TableColumn<LeaderRow, String> c : java.util.List.of(engine, algo, params, error)) c.setComparator(String::compareTo);
        getColumns().setAll(java.util.List.of(rank, trial, engine, algo, params, score, fit, status, error));
        // Numbers and status stay readable when the table is narrow; the hyperparameters and error give way.
        rank.setMinWidth(40);
        trial.setMinWidth(52);
        engine.setMinWidth(70);
        algo.setMinWidth(100);
        score.setMinWidth(72);
        fit.setMinWidth(56);
        status.setMinWidth(84); // "timed out" whole
        params.setMinWidth(80);
    }

    private static final PseudoClass WORSE = PseudoClass.getPseudoClass("worse-than-baseline");

    /**
     * Whether {@code r} scored worse than the constant baseline's row of this table: ranks follow the score in the
     * metric's direction, so a scored row ranked after the baseline is worse (ties share no rank, so a tie counts
     * as not better either way only when it ranks after).
     */
    private boolean worseThanBaseline(LeaderRow r) {
        if (r.rank() == 0 || "baseline".equals(r.algorithm())) return false;
        for (LeaderRow b : getItems()) {
            if ("baseline".equals(b.algorithm()) && b.rank() > 0) return r.rank() > b.rank();
        }
        return false;
    }

    /**
     * The engine column shows only when the rows come from more than one engine: a run of one engine would repeat
     * its name on every line. Rows are only added during a run, so the names seen are kept, not recounted.
     */
    private static void engineColumnWhenSeveral(ObservableList<LeaderRow> rows, TableColumn<LeaderRow, String> c) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        rows.forEach(r -> seen.add(r.engine()));
        c.setVisible(seen.size() > 1);
        rows.addListener((javafx.collections.ListChangeListener<LeaderRow>) change -> {
            while (change.next()) {
                if (change.wasAdded()) change.getAddedSubList().forEach(r -> seen.add(r.engine()));
                if (change.wasRemoved() && rows.isEmpty()) seen.clear();
            }
            c.setVisible(seen.size() > 1);
        });
    }

    private static <T> TableColumn<LeaderRow, T> column(String title, double width, Function<LeaderRow, T> value) {
        TableColumn<LeaderRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    private static <T> TableCell<LeaderRow, T> text(Function<T, String> format, String styleClass) {
        TableCell<LeaderRow, T> cell = new TableCell<>() {
            @Override protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : format.apply(v));
            }
        };
        cell.getStyleClass().add(styleClass);
        return cell;
    }
}
