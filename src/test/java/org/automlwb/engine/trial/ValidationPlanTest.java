package org.automlwb.engine.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.automlwb.common.BadInputException;
import org.automlwb.engine.Targets;
import org.junit.jupiter.api.Test;

/** Stratified folds: disjoint, covering, deterministic, every class in every fold when possible. */
class ValidationPlanTest {
    private static Targets classes(int... counts) {
        int n = Arrays.stream(counts).sum();
        int[] idx = new int[n];
        int i = 0;
        // interleave so class order in the data is not the order of the rows
        for (int c = 0; c < counts.length; c++) for (int r = 0; r < counts[c]; r++) idx[i++] = c;
        int[] shuffled = new int[n];
        for (int r = 0; r < n; r++) shuffled[r] = idx[(int) ((long) r * 7919 % n)];
        String[] names = new String[counts.length];
        for (int c = 0; c < names.length; c++) names[c] = "c" + c;
        return Targets.classes(shuffled, List.of(names));
    }

    private static void assertPartition(ValidationPlan plan, int n) {
        BitSet validated = new BitSet();
        for (ValidationPlan.Fold f : plan.folds()) {
            BitSet train = new BitSet();
            for (int r : f.train()) train.set(r);
            for (int r : f.validation()) {
                assertFalse(train.get(r), "row " + r + " in both train and validation");
                assertFalse(validated.get(r), "row " + r + " validated twice");
                validated.set(r);
            }
            assertEquals(n, f.train().length + f.validation().length);
        }
        assertEquals(n, validated.cardinality());
    }

    @Test
    void stratifiedFoldsHoldEveryClass() throws Exception {
        Targets t = classes(50, 30, 5);
        ValidationPlan plan = ValidationPlan.create(t, ValidationSettings.defaults(), 42);
        assertEquals(ValidationPlan.Kind.CROSS_VALIDATION, plan.kind());
        assertEquals(5, plan.folds().size());
        assertPartition(plan, 85);
        for (ValidationPlan.Fold f : plan.folds()) {
            int[] perClass = new int[3];
            for (int r : f.validation()) perClass[t.classIndex()[r]]++;
            // 50/5, 30/5, 5/5 exactly: the classes are dealt evenly
            assertArrayEquals(new int[] {10, 6, 1}, perClass);
        }
        assertFalse(plan.hasSubsample());
        assertArrayEquals(java.util.stream.IntStream.range(0, 85).toArray(), plan.scoredRows());
    }

    @Test
    void deterministicFromTheSeed() throws Exception {
        Targets t = classes(40, 40);
        ValidationPlan a = ValidationPlan.create(t, ValidationSettings.defaults(), 7);
        ValidationPlan b = ValidationPlan.create(t, ValidationSettings.defaults(), 7);
        ValidationPlan c = ValidationPlan.create(t, ValidationSettings.defaults(), 8);
        for (int f = 0; f < 5; f++) assertArrayEquals(a.folds().get(f).validation(), b.folds().get(f).validation());
        assertFalse(Arrays.equals(a.folds().get(0).validation(), c.folds().get(0).validation()));
    }

    @Test
    void rareClassesStillWork() throws Exception {
        // a class of one row and one of three rows with five folds: no crash, every row validated once
        Targets t = classes(20, 3, 1);
        ValidationPlan plan = ValidationPlan.create(t, ValidationSettings.defaults(), 1);
        assertPartition(plan, 24);
        long foldsWithRare = plan.folds().stream()
                .filter(f -> Arrays.stream(f.validation()).anyMatch(r -> t.classIndex()[r] == 1)).count();
        assertEquals(3, foldsWithRare);
    }

    @Test
    void regressionIsAShuffledKFold() throws Exception {
        Targets t = Targets.regression(new double[23]);
        ValidationPlan plan = ValidationPlan.create(t, ValidationSettings.defaults().withFolds(3), 3);
        assertPartition(plan, 23);
        int[] sizes = plan.folds().stream().mapToInt(f -> f.validation().length).toArray();
        assertArrayEquals(new int[] {8, 8, 7}, sizes);
    }

    @Test
    void largeDataGetsAStratifiedHoldoutAndASubsample() throws Exception {
        Targets t = classes(900, 100, 1);
        ValidationSettings s = ValidationSettings.defaults().withHoldoutAboveRows(500).withSubsampleMinRows(200);
        ValidationPlan plan = ValidationPlan.create(t, s, 5);
        assertEquals(ValidationPlan.Kind.HOLDOUT, plan.kind());
        ValidationPlan.Fold f = plan.folds().get(0);
        int[] perClass = new int[3];
        for (int r : f.validation()) perClass[t.classIndex()[r]]++;
        // 20% of each class; the single-row class stays in training
        assertArrayEquals(new int[] {180, 20, 0}, perClass);
        assertEquals(1001, f.train().length + f.validation().length);
        assertArrayEquals(f.validation(), plan.scoredRows());
        assertTrue(plan.hasSubsample());
        int[] sub = new int[3];
        for (int r : plan.subsample()) {
            assertTrue(Arrays.binarySearch(f.train(), r) >= 0, "subsample row outside fold 0 training");
            sub[t.classIndex()[r]]++;
        }
        // 25% of 720, 80 and at least the 1 row of the rare class
        assertArrayEquals(new int[] {180, 20, 1}, sub);
    }

    @Test
    void fewerRowsThanFoldsIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class,
                () -> ValidationPlan.create(classes(2, 2), ValidationSettings.defaults(), 1));
        assertEquals("only 4 rows have a target, but 5-fold cross-validation needs at least 5. add rows to the file",
                e.oneLine());
    }
}
