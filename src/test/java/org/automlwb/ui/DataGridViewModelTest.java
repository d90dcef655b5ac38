package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.automlwb.ui.grid.DataGridViewModel;
import org.automlwb.ui.grid.RowIndexList;
import org.automlwb.ui.grid.RowSorter;
import org.automlwb.ui.grid.SortKey;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Rows as indices, sorting by permutation, cell text straight from the columns. */
class DataGridViewModelTest {
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final DataGridViewModel vm = new DataGridViewModel(executor);

    @Test
    void rowsAreIndicesNotCopies() {
        RowIndexList million = RowIndexList.identity(1_000_000);
        assertEquals(1_000_000, million.size());
        assertEquals(999_999, million.get(999_999));
        assertEquals(List.of(2, 0, 1), RowIndexList.of(new int[] {2, 0, 1}));
    }

    @Test
    void cellsReadTheTableAndMissingIsNull() {
        vm.setData(TestData.small(Path.of("/d/s.csv")));
        assertEquals("price", vm.selectedColumnProperty().get());
        assertEquals("Oslo", vm.cell(0, 1));
        assertNull(vm.cell(1, 0), "missing price");
        assertEquals(List.of("price", "city"), vm.columnNames());
    }

    @Test
    void sortingPutsMissingLastInBothDirectionsAndKeepsTiesInFileOrder() {
        IntColumn n = IntColumn.create("n", new int[] {3, 1, 0, 2, 1, 0});
        n.setMissing(2);
        n.setMissing(5);
        Table t = Table.create("t", n, StringColumn.create("s", "c", "a", "x", "b", "a", "y"));
        assertEquals(List.of(1, 4, 3, 0, 2, 5), boxed(RowSorter.order(t, "n", true)));
        assertEquals(List.of(0, 3, 1, 4, 2, 5), boxed(RowSorter.order(t, "n", false)));
        assertEquals(List.of(1, 4, 3, 0, 2, 5), boxed(RowSorter.order(t, "s", true)));
    }

    @Test
    void sortRunsInTheBackgroundAndSwapsTheRowOrder() {
        vm.setData(TestData.small(Path.of("/d/s.csv")));
        vm.sortBy(new SortKey("city", true));
        assertTrue(vm.sortingProperty().get());
        assertEquals(List.of(0, 1, 2), vm.rows(), "unchanged until the sort finished");
        executor.runAll();
        assertFalse(vm.sortingProperty().get());
        assertEquals(List.of(1, 0, 2), vm.rows());

        vm.sortBy(new SortKey("city", true));
        assertEquals(0, executor.pending(), "asking for the current sort again does nothing");
        vm.sortBy(null);
        assertEquals(List.of(0, 1, 2), vm.rows());
    }

    @Test
    void aNewOrderArrivesAsOnePermutationOfTheSameList() {
        vm.setData(TestData.small(Path.of("/d/s.csv")));
        var list = vm.rows();
        List<int[]> perms = new java.util.ArrayList<>();
        list.addListener((javafx.collections.ListChangeListener<Integer>) c -> {
            while (c.next()) {
                assertTrue(c.wasPermutated());
                int[] p = new int[c.getTo() - c.getFrom()];
                for (int i = c.getFrom(); i < c.getTo(); i++) p[i] = c.getPermutation(i);
                perms.add(p);
            }
        });
        vm.sortBy(new SortKey("city", true)); // rows 0 Oslo, 1 Lima, 2 Oslo -> 1, 0, 2
        executor.runAll();
        assertEquals(1, perms.size());
        assertEquals(List.of(1, 0, 2), boxed(perms.get(0)), "old position -> new position");
        assertEquals(List.of(1, 0, 2), list);
    }

    @Test
    void aNewTableDropsASortStillRunning() {
        vm.setData(TestData.small(Path.of("/d/s.csv")));
        vm.sortBy(new SortKey("price", false));
        vm.setData(TestData.small(Path.of("/d/other.csv")));
        executor.runAll();
        assertNull(vm.sortProperty().get());
        assertEquals(List.of(0, 1, 2), vm.rows());
    }

    private static List<Integer> boxed(int[] a) {
        return java.util.Arrays.stream(a).boxed().toList();
    }
}
