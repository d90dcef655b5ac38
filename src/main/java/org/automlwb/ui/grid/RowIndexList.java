package org.automlwb.ui.grid;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The rows of the grid as indices into the Tablesaw table, without copying any row: either 0..n-1 or a
 * permutation from a sort. This is the whole of the grid's item list, so a million rows cost one int each
 * at most.
 */
public final class RowIndexList extends AbstractList<Integer> implements RandomAccess {
    private final int size;
    private final int[] order; // null means identity

    private RowIndexList(int size, int[] order) {
        this.size = size;
        this.order = order;
    }

    /** Rows in file order. */
    public static RowIndexList identity(int size) {
        return new RowIndexList(size, null);
    }

    /** Rows in the given order; the array is owned by the list from now on. */
    public static RowIndexList of(int[] order) {
        return new RowIndexList(order.length, order);
    }

    @Override
    public Integer get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return order == null ? index : order[index];
    }

    @Override
    public int size() { return size; }
}
