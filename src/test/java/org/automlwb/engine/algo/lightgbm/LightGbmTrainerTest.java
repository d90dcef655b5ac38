package org.automlwb.engine.algo.lightgbm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LightGbmTrainerTest {
    private static final int[] NONE = new int[0];

    private static LightGbmTrainer trainer(LightGbmObjective objective, int classes, Synthetic data, int[] categorical,
                                           LightGbmParams params, int threads, long seed) {
        return new LightGbmTrainer(objective, classes, data.names, categorical, params, threads, seed);
    }

    @Test
    void binaryLearnsFarBelowTheConstantLogLoss() {
        Synthetic train = Synthetic.binary(2000, 1);
        Synthetic test = Synthetic.binary(1000, 2);
        LightGbmFit fit = trainer(LightGbmObjective.BINARY, 2, train, NONE, LightGbmParams.DEFAULTS, 1, 7)
                .fit(train.rows(), train.y);
        assertEquals(100, fit.bestIteration());
        assertEquals(LightGbmFit.StopReason.ROUNDS, fit.stopReason());
        try (LightGbmModel model = fit.toModel()) {
            assertEquals(2, model.classes());
            assertEquals(100, model.iterations());
            double[][] p = model.predictProbabilities(test.rows());
            for (double[] row : p) assertEquals(1.0, row[0] + row[1], 1e-12);
            double loss = Synthetic.logLoss(p, test.y);
            double constant = Synthetic.constantLogLoss(train.y, test.y, 2);
            assertTrue(loss < 0.6 * constant, "log loss " + loss + " vs constant " + constant);
        }
    }

    @Test
    void multiclassLearnsFarBelowTheConstantLogLoss() {
        Synthetic train = Synthetic.multiclass(2000, 3);
        Synthetic test = Synthetic.multiclass(1000, 4);
        LightGbmFit fit = trainer(LightGbmObjective.MULTICLASS, 3, train, NONE, LightGbmParams.DEFAULTS, 1, 7)
                .fit(train.rows(), train.y, test.rows(), test.y);
        assertEquals(3, fit.classes());
        double[][] p = fit.validationProbabilities();
        assertEquals(1000, p.length);
        for (double[] row : p) {
            assertEquals(3, row.length);
            assertEquals(1.0, row[0] + row[1] + row[2], 1e-12);
        }
        double loss = Synthetic.logLoss(p, test.y);
        double constant = Synthetic.constantLogLoss(train.y, test.y, 3);
        assertTrue(loss < 0.5 * constant, "log loss " + loss + " vs constant " + constant);
        assertEquals(loss, fit.bestValidationLoss(), 1e-9);
        assertNull(fit.validationValues());
    }

    @Test
    void regressionLearnsFarBelowTheVariance() {
        Synthetic train = Synthetic.regression(2000, 5);
        Synthetic test = Synthetic.regression(1000, 6);
        LightGbmFit fit = trainer(LightGbmObjective.REGRESSION, 1, train, NONE, LightGbmParams.DEFAULTS, 1, 7)
                .fit(train.rows(), train.y, test.rows(), test.y);
        double mse = Synthetic.mse(fit.validationValues(), test.y);
        double variance = Synthetic.variance(test.y);
        assertTrue(mse < 0.1 * variance, "mse " + mse + " vs variance " + variance);
        assertEquals(mse, fit.bestValidationLoss(), 1e-9 * variance);
        assertNull(fit.validationProbabilities());
    }

    @Test
    void aManyLevelCategoryIsSplitNatively() {
        Synthetic train = Synthetic.category(1500, 8, 0.0);
        Synthetic test = Synthetic.category(1500, 9, 0.0);
        LightGbmParams small = LightGbmParams.builder().rounds(30).numLeaves(4).build();
        LightGbmFit asCategory = trainer(LightGbmObjective.BINARY, 2, train, new int[] {0}, small, 1, 1)
                .fit(train.rows(), train.y, test.rows(), test.y);
        LightGbmFit asNumber = trainer(LightGbmObjective.BINARY, 2, train, NONE, small, 1, 1)
                .fit(train.rows(), train.y, test.rows(), test.y);
        double cat = Synthetic.logLoss(asCategory.validationProbabilities(), test.y);
        double num = Synthetic.logLoss(asNumber.validationProbabilities(), test.y);
        assertTrue(cat < num - 0.03, "categorical " + cat + " vs codes as numbers " + num);
        assertTrue(asCategory.modelString().contains("num_cat=1"), "the model has categorical splits");
        assertTrue(asCategory.modelString().contains("categorical_feature: 0"));
    }

    @Test
    void aMissingCategoryIsPredictedLikeNaN() {
        Synthetic train = Synthetic.category(1500, 10, 0.1);
        LightGbmFit fit = trainer(LightGbmObjective.BINARY, 2, train, new int[] {0},
                LightGbmParams.builder().rounds(20).build(), 1, 1).fit(train.rows(), train.y);
        double[][] rows = {{-1, 0.5}, {-7, 0.5}, {Double.NaN, 0.5}, {3, 0.5}, {1000, 0.5}};
        try (LightGbmModel model = fit.toModel()) {
            double[][] p = model.predictProbabilities(DenseRows.of(rows));
            for (double[] row : p) assertTrue(row[1] > 0 && row[1] < 1);
            assertEquals(p[0][1], p[1][1]);
            assertEquals(p[0][1], p[2][1]);
        }
    }

    @Test
    void earlyStoppingKeepsTheBestRoundAndItsPredictions() {
        Synthetic train = Synthetic.binary(300, 11);
        Synthetic valid = Synthetic.binary(300, 12);
        LightGbmParams overfit = LightGbmParams.builder().rounds(500).learningRate(0.3).numLeaves(63)
                .minDataInLeaf(2).build();
        LightGbmFit fit = trainer(LightGbmObjective.BINARY, 2, train, NONE, overfit, 1, 3).withPatience(20)
                .fit(train.rows(), train.y, valid.rows(), valid.y);
        assertEquals(LightGbmFit.StopReason.EARLY_STOPPED, fit.stopReason());
        assertTrue(fit.roundsTrained() < 500);
        assertEquals(fit.bestIteration() + 20, fit.roundsTrained());
        double[] losses = fit.validationLosses();
        assertEquals(fit.roundsTrained(), losses.length);
        for (int i = 0; i < losses.length; i++) {
            assertTrue(losses[i] >= fit.bestValidationLoss(), "round " + (i + 1) + " beats the best");
        }
        assertTrue(losses[losses.length - 1] > fit.bestValidationLoss(), "the loss rose after the best round");
        try (LightGbmModel model = fit.toModel()) {
            assertEquals(fit.bestIteration(), model.iterations());
            double[][] again = model.predictProbabilities(valid.rows());
            for (int i = 0; i < again.length; i++) assertArrayEquals(fit.validationProbabilities()[i], again[i], 0.0);
        }
        assertEquals(Synthetic.logLoss(fit.validationProbabilities(), valid.y), fit.bestValidationLoss(), 1e-12);
    }

    @Test
    void defaultPatienceIsTenOrATenthOfTheRounds() {
        Synthetic d = Synthetic.binary(10, 1);
        LightGbmTrainer t = trainer(LightGbmObjective.BINARY, 2, d, NONE, LightGbmParams.DEFAULTS, 1, 1);
        assertEquals(10, t.patience());
        assertEquals(50, t.withParams(LightGbmParams.DEFAULTS.withRounds(500)).patience());
        assertEquals(7, t.withPatience(7).patience());
    }

    @Test
    void theSameSeedGivesTheSamePredictionsAndAnotherSeedOthers() {
        Synthetic train = Synthetic.regression(1500, 13);
        Synthetic test = Synthetic.regression(500, 14);
        LightGbmParams random = LightGbmParams.builder().rounds(50).featureFraction(0.6).bagging(0.7, 1)
                .extraTrees(true).build();
        double[] a = trainer(LightGbmObjective.REGRESSION, 1, train, NONE, random, 1, 42)
                .fit(train.rows(), train.y, test.rows(), test.y).validationValues();
        double[] b = trainer(LightGbmObjective.REGRESSION, 1, train, NONE, random, 1, 42)
                .fit(train.rows(), train.y, test.rows(), test.y).validationValues();
        double[] c = trainer(LightGbmObjective.REGRESSION, 1, train, NONE, random, 1, 43)
                .fit(train.rows(), train.y, test.rows(), test.y).validationValues();
        assertArrayEquals(a, b, 0.0);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void oneAndTwoThreadsGiveTheSamePredictions() {
        // Enough rows for LightGBM's parallel paths (leaf sums in blocks from 1,024 rows). Kept small: two OpenMP
        // threads on a busy 2-core machine wait for each other at every parallel region.
        Synthetic train = Synthetic.binary(3000, 15);
        Synthetic test = Synthetic.binary(500, 16);
        LightGbmParams p = LightGbmParams.builder().rounds(20).bagging(0.8, 1).featureFraction(0.8).build();
        LightGbmFit one = trainer(LightGbmObjective.BINARY, 2, train, NONE, p, 1, 5)
                .fit(train.rows(), train.y, test.rows(), test.y);
        LightGbmFit two = trainer(LightGbmObjective.BINARY, 2, train, NONE, p, 2, 5)
                .fit(train.rows(), train.y, test.rows(), test.y);
        assertEquals(one.bestIteration(), two.bestIteration());
        for (int i = 0; i < 500; i++) {
            assertArrayEquals(one.validationProbabilities()[i], two.validationProbabilities()[i], 0.0);
        }
        assertEquals(strip(one.modelString()), strip(two.modelString()));
    }

    @Test
    void fitsRunningAtOnceWithMixedThreadCountsMatchFitsRunAlone() throws Exception {
        Synthetic train = Synthetic.binary(1200, 22);
        Synthetic test = Synthetic.binary(300, 23);
        LightGbmParams p = LightGbmParams.builder().rounds(10).bagging(0.8, 1).build();
        int fits = 4;
        double[][][] alone = new double[fits][][];
        for (int i = 0; i < fits; i++) {
            alone[i] = trainer(LightGbmObjective.BINARY, 2, train, NONE, p, 1, i)
                    .fit(train.rows(), train.y, test.rows(), test.y).validationProbabilities();
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<double[][]>> together = new java.util.ArrayList<>();
            for (int i = 0; i < fits; i++) {
                LightGbmTrainer t = trainer(LightGbmObjective.BINARY, 2, train, NONE, p, 1 + i % 2, i);
                together.add(pool.submit(() -> t.fit(train.rows(), train.y, test.rows(), test.y)
                        .validationProbabilities()));
            }
            for (int i = 0; i < fits; i++) {
                double[][] got = together.get(i).get();
                for (int r = 0; r < got.length; r++) assertArrayEquals(alone[i][r], got[r], 0.0);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The trees, without the parameters section (which records num_threads). */
    private static String strip(String model) {
        return model.substring(0, model.indexOf("parameters:"));
    }

    @Test
    void withoutValidationRowsTrainsExactlyTheRequestedRounds() {
        Synthetic train = Synthetic.binary(500, 17);
        LightGbmFit fit = trainer(LightGbmObjective.BINARY, 2, train, NONE, LightGbmParams.DEFAULTS.withRounds(37), 1,
                1).fit(train.rows(), train.y);
        assertEquals(37, fit.bestIteration());
        assertEquals(37, fit.roundsTrained());
        assertTrue(fit.toString().startsWith("LightGbmFit[BINARY, best iteration 37 of 37 (ROUNDS), model "),
                fit.toString());
        assertEquals(0, fit.validationLosses().length);
        assertTrue(Double.isNaN(fit.bestValidationLoss()));
        assertNull(fit.validationProbabilities());
    }

    @Test
    void trainingStopsWhenNoTreeCanSplit() {
        double[][] x = new double[50][1];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i][0] = i % 2;
            y[i] = i % 2;
        }
        // The residuals halve each round; once a split gains less than 0.01 no tree can grow.
        LightGbmFit fit = new LightGbmTrainer(LightGbmObjective.REGRESSION, 1, List.of("a"), NONE,
                LightGbmParams.builder().rounds(100).learningRate(0.5).minDataInLeaf(1).minGainToSplit(0.01).build(),
                1, 1).fit(DenseRows.of(x), y);
        assertEquals(LightGbmFit.StopReason.NO_MORE_SPLITS, fit.stopReason());
        assertTrue(fit.bestIteration() < 100);
        try (LightGbmModel m = fit.toModel()) {
            double[] p = m.predictValues(DenseRows.of(new double[][] {{0}, {1}}));
            assertEquals(0, p[0], 0.05);
            assertEquals(1, p[1], 0.05);
        }
    }

    @Test
    void theStopCheckStopsALongFit() {
        Synthetic train = Synthetic.binary(1000, 18);
        AtomicInteger asked = new AtomicInteger();
        LightGbmTrainer t = trainer(LightGbmObjective.BINARY, 2, train, NONE, LightGbmParams.DEFAULTS.withRounds(100_000),
                1, 1).withStopCheck(() -> asked.incrementAndGet() > 25);
        LightGbmStoppedException e = assertThrows(LightGbmStoppedException.class, () -> t.fit(train.rows(), train.y));
        assertEquals(25, e.roundsDone());
    }

    @Test
    void anInterruptStopsAFitAndStaysSet() {
        Synthetic train = Synthetic.binary(200, 19);
        LightGbmTrainer t = trainer(LightGbmObjective.BINARY, 2, train, NONE, LightGbmParams.DEFAULTS, 1, 1);
        Thread.currentThread().interrupt();
        try {
            assertThrows(LightGbmStoppedException.class, () -> t.fit(train.rows(), train.y));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void badInputIsRefusedBeforeLightGbmSeesIt() {
        Synthetic d = Synthetic.binary(20, 1);
        LightGbmTrainer t = trainer(LightGbmObjective.BINARY, 2, d, NONE, LightGbmParams.DEFAULTS, 1, 1);
        double[] three = d.y.clone();
        three[3] = 2;
        assertThrows(IllegalArgumentException.class, () -> t.fit(d.rows(), three));
        assertThrows(IllegalArgumentException.class, () -> t.fit(d.rows(), new double[5]));
        double[][] x = d.x.clone();
        x[0] = new double[] {1.5, 0, 0, 0};
        LightGbmTrainer cat = trainer(LightGbmObjective.BINARY, 2, d, new int[] {0}, LightGbmParams.DEFAULTS, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> cat.fit(DenseRows.of(x), d.y));
        x[0] = new double[] {LightGbmTrainer.MAX_CATEGORY_CODE + 1.0, 0, 0, 0};
        assertThrows(IllegalArgumentException.class, () -> cat.fit(DenseRows.of(x), d.y));
        assertThrows(IllegalArgumentException.class,
                () -> trainer(LightGbmObjective.BINARY, 3, d, NONE, LightGbmParams.DEFAULTS, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> trainer(LightGbmObjective.BINARY, 2, d, new int[] {4}, LightGbmParams.DEFAULTS, 1, 1));
    }

    @Test
    void namesLightGbmRefusesAreMadeSafeAndTheCallersNamesKept() {
        assertArrayEquals(new String[] {"a_b", "x_1_", "f2", "a_b_3", "ok.name-1"},
                LightGbmTrainer.lightGbmNames(List.of("a b", "x[1]", "", "a:b", "ok.name-1")));
        Synthetic d = Synthetic.binary(200, 1);
        LightGbmFit fit = trainer(LightGbmObjective.BINARY, 2, d, NONE, LightGbmParams.DEFAULTS.withRounds(3), 1, 1)
                .fit(d.rows(), d.y);
        assertEquals(d.names, fit.featureNames());
        assertTrue(fit.modelString().contains("feature_names=x0 x1 noise_1 noise_2"));
        try (LightGbmModel m = fit.toModel()) {
            assertEquals(List.of("x0", "x1", "noise_1", "noise_2"), m.featureNames());
        }
    }

    @Test
    void theParameterStringIsDeterministicAndComplete() {
        Synthetic d = Synthetic.category(10, 1, 0);
        String p = trainer(LightGbmObjective.BINARY, 2, d, new int[] {0}, LightGbmParams.DEFAULTS, 2, 123L)
                .lightGbmParameters(300);
        for (String s : new String[] {"objective=binary", "metric=none", "deterministic=true", "force_col_wise=true",
                "num_threads=2", "seed=123", "verbosity=-1", "categorical_feature=0", "max_cat_to_onehot=4",
                "min_data_per_group=20", "cat_smooth=10.0", "cat_l2=10.0", "max_cat_threshold=32",
                "min_sum_hessian_in_leaf=0.001"}) {
            assertTrue(p.contains(s), s + " in " + p);
        }
        assertEquals(100, trainer(LightGbmObjective.BINARY, 2, d, new int[] {0}, LightGbmParams.DEFAULTS, 1, 1)
                .minDataPerGroup(100_000));
    }
}
