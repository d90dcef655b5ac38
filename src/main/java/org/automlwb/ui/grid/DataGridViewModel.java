package org.automlwb.ui.grid;

import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.LoadedData;
import org.automlwb.ui.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.columns.Column;

/**
 * The data grid: which rows in which order, which column is selected. Cell text is read straight from the
 * Tablesaw columns; rows are never copied.
 */
public final class DataGridViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(DataGridViewModel.class);

    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<LoadedData> data = new ReadOnlyObjectWrapper<>();
    private final RowOrderList rows = new RowOrderList();
    private final ObjectProperty<SortKey> sort = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper sorting = new ReadOnlyBooleanWrapper();
    private final StringProperty selectedColumn = new SimpleStringProperty();
    private Column<?>[] columns = new Column<?>[0];
    private long sortGeneration;

    public DataGridViewModel(TaskExecutor executor) {
        this.executor = Objects.requireNonNull(executor);
    }

    public ReadOnlyObjectProperty<LoadedData> dataProperty() { return data.getReadOnlyProperty(); }
    /** The grid's items: row indices into the table, in display order. Always the same list instance. */
    public ObservableList<Integer> rows() { return rows; }
    /** The current sort, or null for file order. */
    public ReadOnlyObjectProperty<SortKey> sortProperty() { return sort; }
    public ReadOnlyBooleanProperty sortingProperty() { return sorting.getReadOnlyProperty(); }
    /** The column whose profile the side panel shows. */
    public StringProperty selectedColumnProperty() { return selectedColumn; }

    /** Shows {@code loaded} (or nothing when null) in file order, selecting its first column. */
    public void setData(LoadedData loaded) {
        sortGeneration++;
        sorting.set(false);
        sort.set(null);
        columns = loaded == null ? new Column<?>[0] : loaded.table().columns().toArray(new Column<?>[0]);
        rows.reset(RowIndexList.identity(loaded == null ? 0 : loaded.table().rowCount()));
        data.set(loaded);
        selectedColumn.set(columns.length == 0 ? null : columns[0].name());
    }

    /** Column names in table order. */
    public List<String> columnNames() {
        return java.util.Arrays.stream(columns).map(Column::name).toList();
    }

    /** The inferred kind of column {@code index}. */
    public ColumnKind kind(int index) {
        LoadedData d = data.get();
        ColumnKind k = d == null ? null : d.kinds().get(columns[index].name());
        return k == null ? ColumnKind.TEXT : k;
    }

    /** The text of a cell, or null when the cell is missing. Cheap: called for visible cells only. */
    public String cell(int row, int columnIndex) {
        Column<?> c = columns[columnIndex];
        if (row < 0 || row >= c.size() || c.isMissing(row)) return null;
        return c.getString(row);
    }

    /** The length of the longest cell text among the first {@code rows} rows of column {@code index}. */
    public int widestCell(int index, int rows) {
        Column<?> c = columns[index];
        int widest = 0;
        for (int r = 0, n = Math.min(rows, c.size()); r < n; r++) {
            String text = cell(r, index);
            if (text != null) widest = Math.max(widest, text.length());
        }
        return widest;
    }

    /**
     * Sorts by {@code key} in the background (null restores file order). Asking for the current sort again
     * does nothing, so the grid may call this as often as it likes.
     */
    public void sortBy(SortKey key) {
        if (Objects.equals(key, sort.get())) return;
        LoadedData d = data.get();
        long gen = ++sortGeneration;
        sort.set(key);
        if (d == null) return;
        if (key == null) {
            sorting.set(false);
            rows.reorder(RowIndexList.identity(d.table().rowCount()));
            return;
        }
        sorting.set(true);
        executor.submit("sort by " + key.column(),
                () -> RowSorter.order(d.table(), key.column(), key.ascending()),
                order -> {
                    if (gen != sortGeneration) return;
                    sorting.set(false);
                    rows.reorder(RowIndexList.of(order));
                },
                error -> {
                    if (gen != sortGeneration) return;
                    sorting.set(false);
                    LOG.error("Sorting by {} failed", key, error);
                });
    }
}
