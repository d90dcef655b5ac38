package org.automlwb.ui.grid;

import java.util.RandomAccess;
import javafx.collections.ObservableListBase;

/**
 * The grid's one and only item list: row indices in display order, backed by a {@link RowIndexList}.
 * It is never replaced, only re-ordered, because TableView clears its sort order whenever its item list is
 * swapped for another; a new order arrives as one permutation change, as TableView's own sort would fire.
 */
public final class RowOrderList extends ObservableListBase<Integer> implements RandomAccess {
    private RowIndexList rows = RowIndexList.identity(0);

    @Override
    public Integer get(int index) { return rows.get(index); }

    @Override
    public int size() { return rows.size(); }

    /** Shows other rows (a new table): one replace change. */
    public void reset(RowIndexList next) {
        RowIndexList old = rows;
        rows = next;
        beginChange();
        if (!old.isEmpty()) nextRemove(0, old);
        if (!next.isEmpty()) nextAdd(0, next.size());
        endChange();
    }

    /** Shows the same rows in another order: one permutation change. */
    public void reorder(RowIndexList next) {
        if (next.size() != rows.size()) {
            reset(next);
            return;
        }
        int n = next.size();
        int[] positionOfRow = new int[n];
        for (int i = 0; i < n; i++) positionOfRow[next.get(i)] = i;
        int[] perm = new int[n]; // old position -> new position
        for (int i = 0; i < n; i++) perm[i] = positionOfRow[rows.get(i)];
        rows = next;
        beginChange();
        nextPermutation(0, n, perm);
        endChange();
    }
}
