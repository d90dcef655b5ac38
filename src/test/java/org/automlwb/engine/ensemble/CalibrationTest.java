package org.automlwb.engine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.automlwb.common.Json;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.Targets;
import org.junit.jupiter.api.Test;

class CalibrationTest {
    /** Calibrated binary predictions and labels drawn from them: p1 = σ(l), l ~ N(0, 2²). */
    record Binary(double[] logits, Targets targets) {
        static Binary draw(int n, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            double[] l = new double[n];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                l[i] = 2 * rng.nextGaussian();
                y[i] = rng.nextDouble() < 1 / (1 + Math.exp(-l[i])) ? 1 : 0;
            }
            return new Binary(l, Targets.classes(y, List.of("no", "yes")));
        }

        /** The model's predictions when it reports σ((l - shift) / scale) instead of σ(l). */
        Predictions distorted(double scale, double shift) {
            double[][] p = new double[logits.length][];
            for (int i = 0; i < p.length; i++) {
                double q = 1 / (1 + Math.exp(-(logits[i] - shift) / scale));
                p[i] = new double[] {1 - q, q};
            }
            return Predictions.ofProbabilities(p);
        }
    }

    /** Calibrated multiclass scores η (k classes) and labels drawn from softmax(η). */
    record Multi(double[][] scores, Targets targets) {
        static Multi draw(int n, int k, long seed) {
            SplittableRandom rng = new SplittableRandom(seed);
            double[][] eta = new double[n][k];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < k; c++) eta[i][c] = 1.5 * rng.nextGaussian();
                y[i] = Synthetic.draw(Synthetic.softmax(eta[i]), rng);
            }
            return new Multi(eta, Targets.classes(y, Synthetic.classNames(k)));
        }

        /** softmax(sharpness · η): above 1 overconfident (true temperature = sharpness), below 1 underconfident. */
        Predictions withSharpness(double sharpness) {
            double[][] p = new double[scores.length][];
            for (int i = 0; i < p.length; i++) {
                double[] s = scores[i].clone();
                for (int c = 0; c < s.length; c++) s[c] *= sharpness;
                p[i] = Synthetic.softmax(s);
            }
            return Predictions.ofProbabilities(p);
        }
    }

    @Test
    void plattRecoversTheDistortion() {
        Binary b = Binary.draw(20_000, 1);
        // q = σ((l - 0.5) / 2): calibrated again by σ(2 logit(q) + 0.5)
        Calibration c = Calibration.fit(TaskType.BINARY, b.targets(), b.distorted(2, 0.5));
        assertEquals(Calibration.Kind.PLATT, c.kind());
        assertEquals(2, c.slope(), 0.1);
        assertEquals(0.5, c.intercept(), 0.06);
        Calibration under = Calibration.fit(TaskType.BINARY, b.targets(), b.distorted(0.5, 0));
        assertEquals(0.5, under.slope(), 0.03);
        assertEquals(0, under.intercept(), 0.05);
    }

    @Test
    void plattLowersLogLossAndKeepsRowsSummingToOne() {
        Binary b = Binary.draw(5000, 2);
        Predictions bad = b.distorted(0.4, -1);
        Calibration c = Calibration.fit(TaskType.BINARY, b.targets(), bad);
        Predictions fixed = c.apply(bad);
        assertTrue(Metric.LOGLOSS.compute(b.targets(), fixed) < Metric.LOGLOSS.compute(b.targets(), bad) - 0.05);
        for (double[] row : fixed.probabilities()) assertEquals(1.0, row[0] + row[1], 1e-12);
        assertEquals(Metric.AUC.compute(b.targets(), bad), Metric.AUC.compute(b.targets(), fixed), 1e-12,
                "a positive slope keeps the order");
    }

    @Test
    void plattStaysFiniteWhenTheRowsSeparate() {
        double[][] p = {{0.9, 0.1}, {0.8, 0.2}, {0.3, 0.7}, {0.1, 0.9}};
        Targets t = Targets.classes(new int[] {0, 0, 1, 1}, List.of("a", "b"));
        Calibration c = Calibration.fit(TaskType.BINARY, t, Predictions.ofProbabilities(p));
        assertTrue(Double.isFinite(c.slope()) && c.slope() > 1, c::toString);
    }

    @Test
    void temperatureRecoversOverAndUnderconfidence() {
        Multi m = Multi.draw(20_000, 5, 3);
        Calibration over = Calibration.fit(TaskType.MULTICLASS, m.targets(), m.withSharpness(2.5));
        assertEquals(Calibration.Kind.TEMPERATURE, over.kind());
        assertEquals(2.5, over.temperature(), 0.08);
        Calibration under = Calibration.fit(TaskType.MULTICLASS, m.targets(), m.withSharpness(0.5));
        assertEquals(0.5, under.temperature(), 0.02);
        Calibration fine = Calibration.fit(TaskType.MULTICLASS, m.targets(), m.withSharpness(1));
        assertEquals(1, fine.temperature(), 0.03);
    }

    @Test
    void temperatureKeepsTheMostProbableClassAndSumsToOne() {
        Multi m = Multi.draw(2000, 4, 4);
        Predictions p = m.withSharpness(3);
        Predictions t = Calibration.temperature(3).apply(p);
        assertArrayEquals(p.argmax(), t.argmax());
        for (double[] row : t.probabilities()) assertEquals(1.0, Arrays.stream(row).sum(), 1e-12);
        // p^(1/3) renormalised is softmax(η) again
        assertArrayEquals(Synthetic.softmax(m.scores()[0]), t.probabilities()[0], 1e-12);
    }

    @Test
    void anUninformativeModelGetsTheLargestTemperatureNotAnInfiniteOne() {
        Multi m = Multi.draw(3000, 3, 5);
        // predictions that point away from the truth: flattening them all the way is best
        Predictions wrong = m.withSharpness(-1);
        Calibration c = Calibration.fit(TaskType.MULTICLASS, m.targets(), wrong);
        assertTrue(c.temperature() > 100 && c.temperature() <= Calibration.MAX_TEMPERATURE, c::toString);
    }

    @Test
    void regressionIsNeverCalibrated() {
        Predictions v = Predictions.ofValues(new double[] {1, 2});
        Calibration c = Calibration.fit(TaskType.REGRESSION, Targets.regression(new double[] {1, 3}), v);
        assertEquals(Calibration.identity(), c);
        assertSame(v, c.apply(v));
        assertThrows(IllegalArgumentException.class, () -> Calibration.temperature(2).apply(v));
    }

    @Test
    void rowsOfUnseenClassesAreLeftOutOfTheFit() {
        Binary b = Binary.draw(5000, 6);
        int[] y = b.targets().classIndex().clone();
        for (int i = 0; i < y.length; i += 7) y[i] = -1;
        Calibration c = Calibration.fit(TaskType.BINARY, Targets.classes(y, b.targets().classNames()), b.distorted(2, 0));
        assertEquals(2, c.slope(), 0.2);
        int[] none = new int[10];
        Arrays.fill(none, -1);
        assertEquals(Calibration.identity(), Calibration.fit(TaskType.BINARY, Targets.classes(none, List.of("a", "b")),
                Predictions.ofProbabilities(new double[10][2])));
    }

    @Test
    void invalidCalibrationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Calibration.temperature(0));
        assertThrows(IllegalArgumentException.class, () -> Calibration.temperature(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Calibration.platt(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> new Calibration(Calibration.Kind.IDENTITY, 2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Calibration(Calibration.Kind.PLATT, 2, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> new Calibration(Calibration.Kind.TEMPERATURE, 1, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> Calibration.platt(1, 0)
                .apply(Predictions.ofProbabilities(new double[][] {{0.2, 0.3, 0.5}})));
        Multi m = Multi.draw(10, 3, 7);
        assertThrows(IllegalArgumentException.class, () -> Calibration.fit(TaskType.BINARY, m.targets(), m.withSharpness(1)));
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        for (Calibration c : List.of(Calibration.identity(), Calibration.platt(1.7, -0.3), Calibration.temperature(2.25))) {
            String json = Json.line(c);
            assertEquals(List.of("intercept", "kind", "slope", "temperature"),
                    StackingMetalearnerTest.fieldNames(Json.MAPPER.readTree(json)), json);
            assertEquals(c, Json.MAPPER.readValue(json, Calibration.class));
        }
    }

    @Test
    void deterministic() {
        Multi m = Multi.draw(3000, 4, 8);
        assertEquals(Calibration.fit(TaskType.MULTICLASS, m.targets(), m.withSharpness(2)),
                Calibration.fit(TaskType.MULTICLASS, m.targets(), m.withSharpness(2)));
    }
}
