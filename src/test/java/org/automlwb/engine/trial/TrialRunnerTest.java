package org.automlwb.engine.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.FeaturePipelines;
import org.automlwb.engine.HookedTrainer;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.Metric;
import org.automlwb.engine.NumericPipeline;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TestAlgorithm;
import org.automlwb.engine.TestData;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.space.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import tech.tablesaw.api.Table;

/** Trials on generated data with real Tribuo trainers, and every way a trial can end. */
class TrialRunnerTest {
    private static final Algorithm LOGISTIC = new TestAlgorithm("logistic", true,
            t -> new LogisticRegressionTrainer());
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseBlockedFits() {
        release.countDown(); // lets abandoned fits of the timeout and cancel tests finish
    }

    private static FoldData folds(Table t, ValidationSettings settings) throws Exception {
        LabelledData data = LabelledData.forTraining(t, "y", null);
        ValidationPlan plan = ValidationPlan.create(data.targets(), settings, 42);
        return new FoldData(data, plan, FeaturePipelines.of(new NumericPipeline(false), new NumericPipeline(true)));
    }

    private static TrialRunner runner(FoldData folds, Metric metric) {
        return new TrialRunner(folds, metric, new TrialRunner.Settings(Duration.ofMinutes(5), 1));
    }

    private static TrialSpec spec(int id, Algorithm a) {
        return new TrialSpec(id, a.id(), Config.empty(), 7, "portfolio");
    }

    private static long later() {
        return System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    }

    private static Algorithm hooked(HookedTrainer.Hook hook) {
        return new TestAlgorithm("hooked", false, t -> new HookedTrainer<>(new LogisticRegressionTrainer(), hook));
    }

    @Test
    void binaryLogisticGivesOutOfFoldPredictionsForEveryRow() throws Exception {
        FoldData folds = folds(TestData.binary(400, 1), ValidationSettings.defaults());
        TrialResult r = runner(folds, Metric.AUC).run(spec(1, LOGISTIC), LOGISTIC, Pruner.none(), CancelToken.none(),
                later());
        assertEquals(TrialStatus.OK, r.status(), r.error());
        assertEquals(400, r.oof().size());
        assertTrue(r.score() > 0.85, "AUC " + r.score());
        assertEquals(r.score(), r.metrics().get("auc"));
        assertEquals(List.of("accuracy", "auc", "balanced_accuracy", "logloss", "macro_f1"),
                r.metrics().keySet().stream().sorted().toList());
        assertTrue(r.metrics().get("accuracy") > 0.75, "accuracy " + r.metrics().get("accuracy"));
        for (double[] p : r.oof().probabilities()) assertEquals(1.0, p[0] + p[1], 1e-9);
        assertEquals(1, r.rung()); // fold 0, then all folds
        assertNull(r.error());
    }

    @Test
    void singleTreeWithoutProbabilitiesGivesOneHotRows() throws Exception {
        FoldData folds = folds(TestData.multiclass(300, 2), ValidationSettings.defaults().withFolds(3));
        Algorithm cart = new TestAlgorithm("cart", false, t -> new CARTClassificationTrainer(4));
        TrialResult r = runner(folds, Metric.ACCURACY).run(spec(1, cart), cart, Pruner.none(), CancelToken.none(),
                later());
        assertEquals(TrialStatus.OK, r.status(), r.error());
        assertEquals(300, r.oof().size());
        assertTrue(r.score() > 0.7, "accuracy " + r.score());
        for (double[] p : r.oof().probabilities()) {
            assertEquals(1.0, p[0] + p[1] + p[2], 1e-9);
            assertTrue(p[0] == 1 || p[1] == 1 || p[2] == 1 || p[0] == p[1], "not one-hot");
        }
    }

    @Test
    void regressionTree() throws Exception {
        FoldData folds = folds(TestData.regression(300, 3), ValidationSettings.defaults());
        Algorithm cart = new TestAlgorithm("cart", false, t -> new CARTRegressionTrainer(6));
        TrialResult r = runner(folds, Metric.RMSE).run(spec(1, cart), cart, Pruner.none(), CancelToken.none(),
                later());
        assertEquals(TrialStatus.OK, r.status(), r.error());
        assertEquals(300, r.oof().size());
        assertTrue(r.metrics().get("r2") > 0.7, "r2 " + r.metrics().get("r2"));
        assertEquals(r.score(), r.metrics().get("rmse"));
    }

    @Test
    void failingTrainerFailsWithAOneLineReason() throws Exception {
        FoldData folds = folds(TestData.binary(100, 4), ValidationSettings.defaults());
        Algorithm broken = hooked(() -> {
            throw new IllegalArgumentException("bad lambda\nsecond line");
        });
        TrialResult r = runner(folds, Metric.AUC).run(spec(3, broken), broken, Pruner.none(), CancelToken.none(),
                later());
        assertEquals(TrialStatus.FAILED, r.status());
        assertEquals("IllegalArgumentException: bad lambda", r.error());
        assertTrue(Double.isNaN(r.score()));
        assertNull(r.oof());
    }

    @Test
    void outOfMemoryIsAFailureToo() throws Exception {
        FoldData folds = folds(TestData.binary(100, 4), ValidationSettings.defaults());
        Algorithm hungry = hooked(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        TrialResult r = runner(folds, Metric.AUC).run(spec(3, hungry), hungry, Pruner.none(), CancelToken.none(),
                later());
        assertEquals(TrialStatus.FAILED, r.status());
        assertTrue(r.error().startsWith("out of memory (Java heap space)"), r.error());
    }

    @Test
    void prunerStopsTheTrialAndSeesEveryRung() throws Exception {
        // a subsample on small data, so all three rungs exist: subsample, fold 0, all folds
        FoldData folds = folds(TestData.binary(400, 5), ValidationSettings.defaults().withSubsampleMinRows(100));
        TrialRunner runner = runner(folds, Metric.AUC);
        assertEquals(3, runner.rungs());
        Map<Integer, Double> seen = new ConcurrentHashMap<>();
        List<Integer> rungs = new CopyOnWriteArrayList<>();
        TrialResult ok = runner.run(spec(1, LOGISTIC), LOGISTIC, (id, rung, loss) -> {
            rungs.add(rung);
            seen.put(rung, loss);
            return true;
        }, CancelToken.none(), later());
        assertEquals(TrialStatus.OK, ok.status(), ok.error());
        assertEquals(List.of(0, 1, 2), rungs);
        assertEquals(-ok.score(), seen.get(2), 1e-12); // AUC reported as a loss
        assertEquals(2, ok.rung());

        TrialResult pruned = runner.run(spec(2, LOGISTIC), LOGISTIC, (id, rung, loss) -> rung < 1,
                CancelToken.none(), later());
        assertEquals(TrialStatus.PRUNED, pruned.status());
        assertEquals(1, pruned.rung());
        assertNull(pruned.oof());
    }

    @Test
    void cancelEndsAWaitingTrial() throws Exception {
        FoldData folds = folds(TestData.binary(100, 6), ValidationSettings.defaults());
        CountDownLatch started = new CountDownLatch(1);
        Algorithm blocked = hooked(() -> {
            started.countDown();
            release.await();
        });
        CancelToken cancel = new CancelToken();
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<TrialResult> result = caller.submit(() -> runner(folds, Metric.AUC)
                    .run(spec(1, blocked), blocked, Pruner.none(), cancel, later()));
            started.await();
            cancel.cancel();
            TrialResult r = result.get();
            assertEquals(TrialStatus.CANCELLED, r.status());
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void deadlineGivesTimeout() throws Exception {
        FoldData folds = folds(TestData.binary(100, 7), ValidationSettings.defaults());
        // already past: no fit starts
        TrialResult past = runner(folds, Metric.AUC).run(spec(1, LOGISTIC), LOGISTIC, Pruner.none(),
                CancelToken.none(), System.nanoTime() - 1);
        assertEquals(TrialStatus.TIMEOUT, past.status());
        assertTrue(past.error().contains("time budget"), past.error());
        // a fit that never ends within a tiny per-trial cap
        Algorithm blocked = hooked(release::await);
        TrialRunner capped = new TrialRunner(folds, Metric.AUC, new TrialRunner.Settings(Duration.ofMillis(50), 1));
        TrialResult r = capped.run(spec(2, blocked), blocked, Pruner.none(), CancelToken.none(), later());
        assertEquals(TrialStatus.TIMEOUT, r.status());
        assertTrue(r.error().contains("per-trial cap"), r.error());
    }

    @Test
    void aClassOfOneRowStillWorks() throws Exception {
        Table t = TestData.binary(60, 8);
        // a third class with a single row: the fold that validates it trains without it
        t.stringColumn("y").set(0, "rare");
        FoldData folds = folds(t, ValidationSettings.defaults());
        assertEquals(TaskType.MULTICLASS, folds.data().task());
        TrialResult r = runner(folds, Metric.LOGLOSS).run(spec(1, LOGISTIC), LOGISTIC, Pruner.none(),
                CancelToken.none(), later());
        assertEquals(TrialStatus.OK, r.status(), r.error());
        assertEquals(60, r.oof().size());
    }

    @Test
    void concurrentTrialsShareFoldsAndAgree() throws Exception {
        FoldData folds = folds(TestData.binary(300, 10), ValidationSettings.defaults());
        TrialRunner runner = runner(folds, Metric.AUC);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<TrialResult>> results = new java.util.ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                int id = i;
                results.add(pool.submit(() -> runner.run(spec(id, LOGISTIC), LOGISTIC, Pruner.none(),
                        CancelToken.none(), later())));
            }
            TrialResult first = results.get(0).get();
            assertEquals(TrialStatus.OK, first.status(), first.error());
            for (Future<TrialResult> f : results) {
                TrialResult r = f.get();
                assertEquals(first.score(), r.score(), 0.0); // same seed, same folds: same score
                for (int i = 0; i < 300; i++) {
                    org.junit.jupiter.api.Assertions.assertArrayEquals(first.oof().probabilities()[i],
                            r.oof().probabilities()[i], 0.0);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void foldsArePreparedOnceAndShared() throws Exception {
        FoldData folds = folds(TestData.binary(100, 9), ValidationSettings.defaults());
        PreparedFold a = folds.fold(1, FeatureEncoding.ONE_HOT_SCALED);
        PreparedFold b = folds.fold(1, FeatureEncoding.ONE_HOT_SCALED);
        assertTrue(a == b, "fold prepared twice");
        assertEquals(80, a.train().rows());
        assertEquals(20, a.validation().rows());
        assertEquals(List.of("x1", "x2", "x3"), a.featureNames());
        // the scaled variant is standardised on the fold's training rows only: their mean is 0
        double sum = 0;
        for (int i = 0; i < a.train().rows(); i++) sum += a.train().x().value(i, 1);
        assertEquals(0, sum / a.train().rows(), 1e-6); // features are held as floats
        assertEquals(3, folds.shape().features());
    }
}
