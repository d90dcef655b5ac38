package org.automlwb.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every metric against values worked out by hand (the working is in the comments). */
class MetricsTest {
    private static final double TOL = 1e-9;
    private static final List<String> AB = List.of("a", "b");

    private static double metric(Metric m, int[] truth, double[][] prob) {
        List<String> names = prob[0].length == 2 ? AB : List.of("a", "b", "c");
        return Metrics.compute(m, Targets.classes(truth, names), Predictions.ofProbabilities(prob));
    }

    private static double[][] binary(double... p1) {
        double[][] out = new double[p1.length][];
        for (int i = 0; i < p1.length; i++) out[i] = new double[] {1 - p1[i], p1[i]};
        return out;
    }

    @Test
    void binaryAucByRanks() {
        // scores 0.1(neg) 0.35(pos) 0.4(neg) 0.8(pos) -> ranks 1,2,3,4; positive rank sum 2+4 = 6;
        // U = 6 - 2*3/2 = 3; AUC = 3 / (2*2) = 0.75
        assertEquals(0.75, metric(Metric.AUC, new int[] {0, 0, 1, 1}, binary(0.1, 0.4, 0.35, 0.8)), TOL);
    }

    @Test
    void binaryAucAveragesTiedRanks() {
        // scores 0.5(neg) 0.5(pos) 0.2(neg) 0.9(pos): 0.2 -> rank 1, the two 0.5s -> 2.5 each, 0.9 -> 4;
        // positive rank sum 2.5 + 4 = 6.5; U = 6.5 - 3 = 3.5; AUC = 3.5 / 4 = 0.875
        assertEquals(0.875, metric(Metric.AUC, new int[] {0, 1, 0, 1}, binary(0.5, 0.5, 0.2, 0.9)), TOL);
    }

    @Test
    void aucIsNanWithOneClassOnly() {
        assertTrue(Double.isNaN(metric(Metric.AUC, new int[] {1, 1}, binary(0.2, 0.7))));
    }

    @Test
    void multiclassAucIsMacroOneVsRest() {
        // class a: positives score 0.6, 0.3; negatives 0.4, 0.2 -> pairs won 0.6>0.4, 0.6>0.2, 0.3>0.2 = 3 of 4
        // class b: positive 0.5 beats negatives 0.3, 0.3, 0.2 -> 1; class c: positive 0.6 beats 0.1, 0.4, 0.1 -> 1
        // mean (0.75 + 1 + 1) / 3 = 0.9166...
        double[][] p = {{0.6, 0.3, 0.1}, {0.3, 0.3, 0.4}, {0.4, 0.5, 0.1}, {0.2, 0.2, 0.6}};
        assertEquals(2.75 / 3, metric(Metric.AUC, new int[] {0, 0, 1, 2}, p), TOL);
    }

    @Test
    void accuracyBalancedAccuracyAndMacroF1() {
        // predicted (argmax) 0,0,1,1 against truth 0,0,0,1
        double[][] p = binary(0.1, 0.2, 0.7, 0.9);
        int[] truth = {0, 0, 0, 1};
        // 3 of 4 right
        assertEquals(0.75, metric(Metric.ACCURACY, truth, p), TOL);
        // recall of a = 2/3, recall of b = 1/1 -> (2/3 + 1) / 2
        assertEquals((2.0 / 3 + 1) / 2, metric(Metric.BALANCED_ACCURACY, truth, p), TOL);
        // F1(a) = 2*2 / (2*2 + 0 + 1) = 0.8; F1(b) = 2*1 / (2*1 + 1 + 0) = 2/3; mean = 0.7333...
        assertEquals((0.8 + 2.0 / 3) / 2, metric(Metric.MACRO_F1, truth, p), TOL);
    }

    @Test
    void argmaxTakesTheFirstClassOnTies() {
        // 0.5/0.5 predicts class 0 (index a), which is right for truth 0 and wrong for truth 1
        assertEquals(0.5, metric(Metric.ACCURACY, new int[] {0, 1}, binary(0.5, 0.5)), TOL);
    }

    @Test
    void logLoss() {
        // -(ln 0.8 + ln 0.6) / 2 = (0.2231435513 + 0.5108256238) / 2
        assertEquals((-Math.log(0.8) - Math.log(0.6)) / 2,
                metric(Metric.LOGLOSS, new int[] {0, 1}, new double[][] {{0.8, 0.2}, {0.4, 0.6}}), TOL);
    }

    @Test
    void logLossClipsZeroProbabilities() {
        // p(true) = 0 clips to 1e-15; the row sums to 1e-15 + (1 - 1e-15) = 1, so the loss is -ln(1e-15) = 34.5388
        assertEquals(-Math.log(1e-15), metric(Metric.LOGLOSS, new int[] {0}, new double[][] {{0, 1}}), 1e-6);
    }

    @Test
    void logLossRenormalisesRowsThatDoNotSumToOne() {
        // 0.3 / (0.3 + 0.3) = 0.5 -> ln 2
        assertEquals(Math.log(2), metric(Metric.LOGLOSS, new int[] {0}, new double[][] {{0.3, 0.3}}), TOL);
    }

    @Test
    void unseenLabelsCountAsWrong() {
        // row 1 has a label unseen in training (-1): wrong for accuracy, EPS for log loss, negative for AUC
        int[] truth = {1, -1};
        double[][] p = binary(0.9, 0.2);
        assertEquals(0.5, metric(Metric.ACCURACY, truth, p), TOL);
        assertEquals((-Math.log(0.9) - Math.log(1e-15)) / 2, metric(Metric.LOGLOSS, truth, p), 1e-6);
        // positive 0.9 beats the negative 0.2 -> 1
        assertEquals(1.0, metric(Metric.AUC, truth, p), TOL);
        // class b: recall 1/1; the unseen class: recall 0 -> 0.5
        assertEquals(0.5, metric(Metric.BALANCED_ACCURACY, truth, p), TOL);
        // predicted a for the unseen row: fp(a) = 1 -> F1(a) = 0, F1(b) = 2/2 = 1 -> 0.5
        assertEquals(0.5, metric(Metric.MACRO_F1, truth, p), TOL);
    }

    @Test
    void regressionMetrics() {
        // y 1,2,3,4; yhat 1.5,2,2.5,5: errors -0.5,0,0.5,-1; SSE = 1.5; mean y = 2.5, SST = 5
        Targets y = Targets.regression(new double[] {1, 2, 3, 4});
        Predictions yhat = Predictions.ofValues(new double[] {1.5, 2, 2.5, 5});
        assertEquals(Math.sqrt(1.5 / 4), Metrics.compute(Metric.RMSE, y, yhat), TOL);
        assertEquals(2.0 / 4, Metrics.compute(Metric.MAE, y, yhat), TOL);
        assertEquals(1 - 1.5 / 5, Metrics.compute(Metric.R2, y, yhat), TOL);
    }

    @Test
    void r2IsNanForAConstantTruth() {
        assertTrue(Double.isNaN(Metrics.compute(Metric.R2, Targets.regression(new double[] {3, 3}),
                Predictions.ofValues(new double[] {3, 4}))));
    }

    @Test
    void allGivesEveryApplicableMetricInOrder() {
        Map<String, Double> m = Metrics.all(TaskType.BINARY, Targets.classes(new int[] {0, 0, 1, 1}, AB),
                Predictions.ofProbabilities(binary(0.1, 0.4, 0.35, 0.8)));
        assertEquals(List.of("auc", "accuracy", "balanced_accuracy", "logloss", "macro_f1"), List.copyOf(m.keySet()));
        assertEquals(0.75, m.get("auc"), TOL);
        Map<String, Double> r = Metrics.all(TaskType.REGRESSION, Targets.regression(new double[] {1, 2}),
                Predictions.ofValues(new double[] {1, 2}));
        assertEquals(List.of("rmse", "mae", "r2"), List.copyOf(r.keySet()));
        assertEquals(1.0, r.get("r2"), TOL);
    }

    @Test
    void mismatchedKindsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Metrics.compute(Metric.RMSE,
                Targets.classes(new int[] {0}, AB), Predictions.ofProbabilities(binary(0.5))));
        assertThrows(IllegalArgumentException.class, () -> Metrics.compute(Metric.ACCURACY,
                Targets.classes(new int[] {0, 1}, AB), Predictions.ofProbabilities(binary(0.5))));
    }

    @Test
    void toLossTurnsEveryMetricIntoSomethingToMinimise() {
        assertEquals(-0.9, Metric.AUC.toLoss(0.9), TOL);
        assertEquals(0.3, Metric.LOGLOSS.toLoss(0.3), TOL);
    }
}
