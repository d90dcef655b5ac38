package org.automlwb.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.FeatureImportance.Importance;
import org.automlwb.engine.FeatureImportance.Settings;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.Refitter;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.regression.rtree.CARTRegressionTrainer;

/** Permutation importance ranks the signal first and puts noise near zero. */
class FeatureImportanceTest {
    private static final FeaturePipelines PIPELINES =
            FeaturePipelines.of(new NumericPipeline(false), new NumericPipeline(true));

    private static SingleModel fit(LabelledData data, TestAlgorithm algorithm) throws Exception {
        return new Refitter(data, PIPELINES).refit(algorithm, Config.empty(), 3, 1, CancelToken.none(),
                System.nanoTime() + TimeUnit.MINUTES.toNanos(5));
    }

    @Test
    void signalRanksFirstAndNoiseIsNearZeroForClassification() throws Exception {
        LabelledData train = LabelledData.forTraining(TestData.binary(1500, 1), "y", null);
        SingleModel model = fit(train, new TestAlgorithm("logistic", true, t -> new LogisticRegressionTrainer()));
        LabelledData fresh = LabelledData.forScoring(TestData.binary(1500, 2), "y", TaskType.BINARY,
                train.classNames());
        List<Importance> imp = FeatureImportance.compute(model, fresh.table(), fresh.targets(), "y", Metric.AUC,
                new Settings(1000, 3, 7, 600), CancelToken.none()).importances();
        // y depends on x1 + 0.5 (x2 - 1) with sd(x2) = 2: x1 and x2 weigh the same, x3 not at all
        assertEquals("x3", imp.get(2).column(), imp.toString());
        assertTrue(imp.get(0).drop() > 0.1 && imp.get(1).drop() > 0.1, "x1 and x2 carry the signal: " + imp);
        assertTrue(Math.abs(imp.get(2).drop()) < 0.02, "x3 is pure noise: " + imp);
    }

    @Test
    void regressionImportanceIsInTheMetricsUnitsAndSeeded() throws Exception {
        LabelledData train = LabelledData.forTraining(TestData.regression(800, 1), "y", null);
        SingleModel model = fit(train, new TestAlgorithm("cart", false, t -> new CARTRegressionTrainer(6)));
        Settings settings = new Settings(300, 2, 5, 600);
        List<Importance> a = FeatureImportance.compute(model, train.table(), train.targets(), "y", Metric.RMSE,
                settings, CancelToken.none()).importances();
        List<Importance> b = FeatureImportance.compute(model, train.table(), train.targets(), "y", Metric.RMSE,
                settings, CancelToken.none()).importances();
        assertEquals(a, b, "same seed, same result");
        // y = 3 x1 - 2 x2: shuffling x1 costs more RMSE than shuffling x2, and both cost a lot
        assertEquals(List.of("x1", "x2"), a.stream().map(Importance::column).toList());
        assertTrue(a.get(1).drop() > 1.0, a.toString());
    }

    @Test
    void aModelTooSlowForTheBudgetGetsFewerRowsOneRepeatAndSaysItIsIncomplete() throws Exception {
        LabelledData train = LabelledData.forTraining(TestData.binary(1500, 1), "y", null);
        SingleModel model = fit(train, new TestAlgorithm("logistic", true, t -> new LogisticRegressionTrainer()));
        // no prediction fits in a nanosecond: the budget logic takes every one of its cuts
        FeatureImportance.Result r = FeatureImportance.compute(model, train.table(), train.targets(), "y",
                Metric.AUC, new Settings(1000, 3, 7, 1e-9), CancelToken.none());
        assertEquals(FeatureImportance.MIN_ROWS, r.rows());
        assertEquals(1, r.repeats());
        assertFalse(r.complete());
    }
}
