package org.automlwb.engine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.automlwb.engine.Targets;
import org.junit.jupiter.api.Test;

class FoldsTest {
    private static Targets classes(int n, int k) {
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = i % 10 == 0 ? (i % 20 == 0 ? -1 : k - 1) : i % (k - 1);
        return Targets.classes(y, java.util.stream.IntStream.range(0, k).mapToObj(c -> "c" + c).toList());
    }

    @Test
    void foldsPartitionTheRowsAndAreStratified() {
        Targets t = classes(1000, 4);
        int[] foldOf = Folds.assign(t, 5, 11);
        int total = 0;
        for (int f = 0; f < 5; f++) {
            int[] in = Folds.rowsIn(foldOf, f);
            int[] out = Folds.rowsNotIn(foldOf, f);
            assertEquals(1000, in.length + out.length);
            total += in.length;
            assertTrue(in.length >= 199 && in.length <= 201, "balanced: " + in.length);
            for (int c = 0; c < 4; c++) {
                int cc = c;
                long inFold = Arrays.stream(in).filter(i -> t.classIndex()[i] == cc).count();
                long all = Arrays.stream(t.classIndex()).filter(x -> x == cc).count();
                assertEquals(all / 5.0, inFold, 1.0, "class " + c + " in fold " + f);
            }
            int[] sorted = in.clone();
            Arrays.sort(sorted);
            assertArrayEquals(sorted, in, "ascending");
        }
        assertEquals(1000, total);
    }

    @Test
    void sameSeedSameFoldsOtherSeedOtherFolds() {
        Targets t = Targets.regression(new double[500]);
        assertArrayEquals(Folds.assign(t, 5, 1), Folds.assign(t, 5, 1));
        assertFalse(Arrays.equals(Folds.assign(t, 5, 1), Folds.assign(t, 5, 2)));
    }

    @Test
    void everyFoldHasARowEvenWhenFoldsEqualRows() {
        Targets t = Targets.classes(new int[] {0, 1, 1}, List.of("a", "b"));
        int[] foldOf = Folds.assign(t, 3, 5);
        for (int f = 0; f < 3; f++) assertEquals(1, Folds.rowsIn(foldOf, f).length);
        assertThrows(IllegalArgumentException.class, () -> Folds.assign(t, 4, 5));
        assertThrows(IllegalArgumentException.class, () -> Folds.assign(t, 1, 5));
    }

    @Test
    void subsampleKeepsClassSharesAndEveryClass() {
        int[] y = new int[10_000];
        y[0] = 2; // a class with a single row
        for (int i = 1; i < y.length; i++) y[i] = i % 4 == 0 ? 1 : 0;
        Targets t = Targets.classes(y, List.of("a", "b", "c"));
        int[] sub = Folds.subsample(t, 1000, 9);
        assertEquals(1000, sub.length, 2);
        long ones = Arrays.stream(sub).filter(i -> y[i] == 1).count();
        assertEquals(250, ones, 2);
        assertTrue(Arrays.stream(sub).anyMatch(i -> y[i] == 2), "the rare class is kept");
        assertArrayEquals(sub, Folds.subsample(t, 1000, 9));
        assertEquals(10_000, Folds.subsample(t, 20_000, 9).length);
    }
}
