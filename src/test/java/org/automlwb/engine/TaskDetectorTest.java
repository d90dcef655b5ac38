package org.automlwb.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.automlwb.common.BadInputException;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Task detection, target extraction and each bad-input message. */
class TaskDetectorTest {
    private static Table table(tech.tablesaw.columns.Column<?> target) {
        int n = target.size();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i;
        return Table.create("t", DoubleColumn.create("x", x), target);
    }

    private static String message(Table t, String target, TaskType override) {
        BadInputException e = assertThrows(BadInputException.class, () -> TaskDetector.detect(t, target, override));
        return e.oneLine();
    }

    @Test
    void textIsClassificationAndTwoClassesAreBinary() throws Exception {
        assertEquals(TaskType.BINARY, TaskDetector.detect(table(StringColumn.create("y", "no", "yes", "no")), "y"));
        assertEquals(TaskType.MULTICLASS,
                TaskDetector.detect(table(StringColumn.create("y", "a", "b", "c", "a")), "y"));
    }

    @Test
    void fewIntegersAreClassesManyAreQuantities() throws Exception {
        int[] few = new int[100];
        int[] many = new int[100];
        for (int i = 0; i < 100; i++) {
            few[i] = i % 20;
            many[i] = i % 21;
        }
        assertEquals(TaskType.MULTICLASS, TaskDetector.detect(table(IntColumn.create("y", few)), "y"));
        assertEquals(TaskType.REGRESSION, TaskDetector.detect(table(IntColumn.create("y", many)), "y"));
        // integral doubles count as integers; one fraction makes it a quantity
        assertEquals(TaskType.BINARY, TaskDetector.detect(table(DoubleColumn.create("y", 0.0, 1.0, 1.0)), "y"));
        assertEquals(TaskType.REGRESSION, TaskDetector.detect(table(DoubleColumn.create("y", 0.0, 1.5, 1.0)), "y"));
    }

    @Test
    void overridesWinWhenTheyFit() throws Exception {
        Table ints = table(IntColumn.create("y", 1, 2, 3, 1, 2));
        assertEquals(TaskType.REGRESSION, TaskDetector.detect(ints, "y", TaskType.REGRESSION));
        Table twoClasses = table(StringColumn.create("y", "a", "b", "a"));
        assertEquals(TaskType.MULTICLASS, TaskDetector.detect(twoClasses, "y", TaskType.MULTICLASS));
        Table fractions = table(DoubleColumn.create("y", 0.5, 1.5, 0.5));
        assertEquals(TaskType.BINARY, TaskDetector.detect(fractions, "y", TaskType.BINARY));
    }

    @Test
    void missingColumnListsSimilarNames() {
        Table t = Table.create("t", DoubleColumn.create("Survived", 0, 1), DoubleColumn.create("age", 3, 4));
        String m = message(t, "survived", null);
        assertTrue(m.contains("no target column 'survived'") && m.contains("did you mean 'Survived'"), m);
        String none = message(t, "zzzzzzzzzz", null);
        assertTrue(none.contains("the columns are: Survived, age"), none);
    }

    @Test
    void allBlankTarget() {
        String m = message(table(StringColumn.create("y", "", " ", "")), "y", null);
        assertEquals("column 'y': every value of the target is blank. choose a column that holds what you want"
                + " to predict", m);
    }

    @Test
    void oneClass() {
        String m = message(table(StringColumn.create("y", "a", "", "a")), "y", null);
        assertTrue(m.startsWith("column 'y': the target has only one class, 'a'"), m);
        assertTrue(message(table(IntColumn.create("y", 4, 4)), "y", TaskType.REGRESSION)
                .contains("every row has the same target value '4'"));
    }

    @Test
    void regressionForcedOnText() {
        String m = message(table(StringColumn.create("y", "1", "2", "high")), "y", TaskType.REGRESSION);
        assertTrue(m.contains("regression needs numbers, but the target holds text such as 'high'"), m);
    }

    @Test
    void binaryForcedOnThreeClasses() {
        String m = message(table(StringColumn.create("y", "a", "b", "c")), "y", TaskType.BINARY);
        assertTrue(m.contains("binary classification needs two classes, but the target has 3"), m);
    }

    @Test
    void trainingDropsMissingTargetsAndSortsClasses() throws Exception {
        Table t = table(StringColumn.create("y", "yes", "", "no", "maybe", "yes"));
        LabelledData d = LabelledData.forTraining(t, "y", null);
        assertEquals(TaskType.MULTICLASS, d.task());
        assertEquals(1, d.droppedRows());
        assertEquals(4, d.rows());
        assertEquals(List.of("maybe", "no", "yes"), d.classNames());
        assertArrayEquals(new int[] {2, 1, 0, 2}, d.targets().classIndex());
        // the remaining rows keep their other columns: x was 0, 2, 3, 4
        assertEquals(2.0, d.table().doubleColumn("x").get(1));
    }

    @Test
    void numericClassesSortAsNumbers() throws Exception {
        Table t = table(IntColumn.create("y", 10, 2, 2, 10, 1));
        LabelledData d = LabelledData.forTraining(t, "y", null);
        assertEquals(List.of("1", "2", "10"), d.classNames());
        // integral doubles give the same labels as integers
        LabelledData dd = LabelledData.forTraining(table(DoubleColumn.create("y", 1.0, 0.0, 1.0)), "y", null);
        assertEquals(List.of("0", "1"), dd.classNames());
    }

    @Test
    void scoringMapsUnseenLabelsToMinusOne() throws Exception {
        Table test = table(StringColumn.create("y", "no", "perhaps", "yes"));
        LabelledData d = LabelledData.forScoring(test, "y", TaskType.BINARY, List.of("no", "yes"));
        assertArrayEquals(new int[] {0, -1, 1}, d.targets().classIndex());
    }

    @Test
    void regressionTargets() throws Exception {
        Table t = table(DoubleColumn.create("y", 1.5, Double.NaN, 2.5, 3.25));
        LabelledData d = LabelledData.forTraining(t, "y", null);
        assertEquals(TaskType.REGRESSION, d.task());
        assertArrayEquals(new double[] {1.5, 2.5, 3.25}, d.targets().values());
        BadInputException e = assertThrows(BadInputException.class, () -> LabelledData.forScoring(
                table(StringColumn.create("y", "1", "x")), "y", TaskType.REGRESSION, List.of()));
        assertTrue(e.oneLine().contains("row 2 holds 'x', which is not a finite number"), e.oneLine());
    }
}
