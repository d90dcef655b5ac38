package org.automlwb.ui.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;
import org.junit.jupiter.api.Test;

class CurvesTest {
    @Test
    void rocOfAKnownExampleHasAucThreeQuarters() {
        // The scikit-learn roc_auc_score example: AUC 0.75.
        Curve c = Curves.roc("p", new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true});
        assertEquals(0.75, c.area(), 1e-12);
        assertArrayEquals(new double[] {0, 0, 0.5, 0.5, 1}, c.x(), 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, c.y(), 1e-12);
    }

    @Test
    void perfectReversedAndTiedScores() {
        boolean[] pos = {true, true, false, false};
        assertEquals(1.0, Curves.roc("", new double[] {0.9, 0.8, 0.2, 0.1}, pos).area(), 1e-12);
        assertEquals(0.0, Curves.roc("", new double[] {0.1, 0.2, 0.8, 0.9}, pos).area(), 1e-12);
        assertEquals(0.5, Curves.roc("", new double[] {0.5, 0.5, 0.5, 0.5}, pos).area(), 1e-12);
    }

    @Test
    void averagePrecisionOfTheKnownExample() {
        // scikit-learn average_precision_score on the same data: 0.8333.
        Curve c = Curves.precisionRecall("p", new double[] {0.1, 0.4, 0.35, 0.8},
                new boolean[] {false, false, true, true});
        assertEquals(5.0 / 6, c.area(), 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5, 1, 1}, c.x(), 1e-12);
        assertArrayEquals(new double[] {1, 0.5, 2.0 / 3, 0.5}, c.y(), 1e-12);
    }

    @Test
    void binaryGivesOneCurveForThePositiveClassMulticlassOnePerClass() {
        Targets two = Targets.classes(new int[] {0, 1, 1, 0}, List.of("no", "yes"));
        Predictions p2 = Predictions.ofProbabilities(new double[][] {{0.9, 0.1}, {0.2, 0.8}, {0.4, 0.6}, {0.7, 0.3}});
        List<Curve> curves = Curves.perClass(two, p2, true);
        assertEquals(List.of("yes"), curves.stream().map(Curve::name).toList());
        assertEquals(1.0, curves.get(0).area(), 1e-12);

        Targets three = Targets.classes(new int[] {0, 1, 2}, List.of("a", "b", "c"));
        Predictions p3 = Predictions.ofProbabilities(new double[][] {{0.8, 0.1, 0.1}, {0.1, 0.8, 0.1}, {0.6, 0.1, 0.3}});
        assertEquals(List.of("a", "b", "c"), Curves.perClass(three, p3, false).stream().map(Curve::name).toList());
    }

    @Test
    void longCurvesAreThinnedForDrawingButTheAreaUsesEveryPoint() {
        int n = 10_000;
        double[] score = new double[n];
        boolean[] pos = new boolean[n];
        for (int i = 0; i < n; i++) {
            score[i] = i;
            pos[i] = i % 3 == 0;
        }
        Curve c = Curves.roc("", score, pos);
        assertEquals(Curves.MAX_POINTS, c.size());
        assertEquals(0.0, c.x()[0]);
        assertEquals(1.0, c.x()[c.size() - 1]);
        assertEquals(0.5, c.area(), 0.01);
    }

    @Test
    void confusionCountsTruthAgainstArgmax() {
        Targets truth = Targets.classes(new int[] {0, 0, 1, 2, 2, 2}, List.of("a", "b", "c"));
        Predictions p = Predictions.ofProbabilities(new double[][] {
                {0.9, 0.05, 0.05}, {0.2, 0.7, 0.1}, {0.1, 0.8, 0.1}, {0.1, 0.1, 0.8}, {0.5, 0.2, 0.3}, {0.2, 0.2, 0.6}});
        ConfusionMatrix m = ConfusionMatrix.of(truth, p);
        assertArrayEquals(new int[] {1, 1, 0}, m.counts()[0]);
        assertArrayEquals(new int[] {0, 1, 0}, m.counts()[1]);
        assertArrayEquals(new int[] {1, 0, 2}, m.counts()[2]);
        assertEquals(3, m.rowTotal(2));
        assertEquals(4.0 / 6, m.accuracy(), 1e-12);
    }

    @Test
    void regressionPointsAreASeededSampleOfAtMostTheLimit() {
        double[] a = new double[12_000];
        double[] p = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
            p[i] = i + 1;
        }
        RegressionPoints s = RegressionPoints.sample(a, p, RegressionPoints.LIMIT, 42);
        assertEquals(RegressionPoints.LIMIT, s.size());
        assertEquals(-1.0, s.residual(17));
        assertArrayEquals(s.actual(), RegressionPoints.sample(a, p, RegressionPoints.LIMIT, 42).actual());
        assertEquals(3, RegressionPoints.sample(new double[] {1, 2, 3}, new double[] {1, 2, 3}, 5000, 1).size());
        assertEquals(a.length, java.util.Arrays.stream(s.actual()).distinct().count() + (a.length - s.size()),
                "no row drawn twice");
    }
}
