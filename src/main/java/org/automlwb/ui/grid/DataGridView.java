package org.automlwb.ui.grid;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.LoadedData;
import org.automlwb.ui.Css;

/**
 * A virtualised grid over the loaded table. Items are row indices ({@link RowIndexList}); each cell reads
 * its text from the Tablesaw column when it becomes visible. Clicking a cell selects its column for the
 * profile panel; clicking a header sorts through {@link DataGridViewModel#sortBy}, never through
 * TableView's own sort (which would copy and sort the item list on the UI thread).
 */
public final class DataGridView extends StackPane {
    private static final PseudoClass MISSING = PseudoClass.getPseudoClass("missing");

    private final DataGridViewModel vm;
    private final TableView<Integer> table = new TableView<>();

    public DataGridView(DataGridViewModel vm) {
        this.vm = vm;
        getStylesheets().add(Css.stylesheet(Css.DATA_GRID));
        table.getStyleClass().addAll(Css.DATA_GRID_TABLE, Styles.DENSE, Styles.BORDERED);
        table.setId("data-grid");
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setPlaceholder(new Label("No rows"));
        table.setItems(vm.rows());
        table.setSortPolicy(t -> {
            vm.sortBy(currentSortKey());
            return true;
        });
        table.getFocusModel().focusedCellProperty().addListener((obs, old, pos) -> selectColumnAt(pos));
        vm.dataProperty().addListener((obs, old, data) -> rebuildColumns(data));
        vm.selectedColumnProperty().addListener((obs, old, name) -> scrollToColumn(name));
        getChildren().add(table);
        rebuildColumns(vm.dataProperty().get());
    }

    /** The TableView, for tests and keyboard focus. */
    public TableView<Integer> table() { return table; }

    private SortKey currentSortKey() {
        if (table.getSortOrder().isEmpty()) return null;
        TableColumn<Integer, ?> c = table.getSortOrder().get(0);
        if (!(c.getUserData() instanceof String name)) return null;
        return new SortKey(name, c.getSortType() == TableColumn.SortType.ASCENDING);
    }

    private void selectColumnAt(TablePosition<Integer, ?> pos) {
        if (pos == null || pos.getTableColumn() == null) return;
        if (pos.getTableColumn().getUserData() instanceof String name) vm.selectedColumnProperty().set(name);
    }

    private void scrollToColumn(String name) {
        if (name == null) return;
        for (TableColumn<Integer, ?> c : table.getColumns()) {
            if (name.equals(c.getUserData())) {
                table.scrollToColumn(c);
                return;
            }
        }
    }

    private void rebuildColumns(LoadedData data) {
        table.getSortOrder().clear();
        table.getColumns().clear();
        if (data == null) return;
        table.getColumns().add(rowNumberColumn());
        List<String> names = vm.columnNames();
        for (int i = 0; i < names.size(); i++) table.getColumns().add(dataColumn(i, names.get(i), vm.kind(i)));
    }

    private TableColumn<Integer, String> rowNumberColumn() {
        TableColumn<Integer, String> c = new TableColumn<>("#");
        c.setSortable(false);
        c.setReorderable(false);
        c.setPrefWidth(64);
        c.getStyleClass().addAll(Css.ROW_NUMBER, Tweaks.ALIGN_RIGHT);
        // The original row number (1-based), so a sorted grid still tells where a row sits in the file.
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(Integer.toString(f.getValue() + 1)));
        return c;
    }

    private TableColumn<Integer, String> dataColumn(int index, String name, ColumnKind kind) {
        TableColumn<Integer, String> c = new TableColumn<>(name);
        c.setUserData(name);
        c.setGraphic(new KindBadge(kind));
        // Room for the badge, the name and the sort arrow; long names are capped and show an ellipsis.
        double badge = 7 * KindNames.shortName(kind).length();
        double header = 56 + badge + 9 * name.length();
        double values = 24 + 8 * vm.widestCell(index, 100); // the first rows stand for the column
        c.setPrefWidth(Math.max(100, Math.min(300, Math.max(header, values))));
        if (kind.isNumeric()) c.getStyleClass().add(Tweaks.ALIGN_RIGHT);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(vm.cell(f.getValue(), index)));
        c.setCellFactory(col -> new ValueCell());
        return c;
    }

    /** Shows a missing value as an empty, greyed cell. */
    private static final class ValueCell extends TableCell<Integer, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item);
            pseudoClassStateChanged(MISSING, !empty && item == null);
        }
    }
}
