package org.automlwb.engine.trial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.FeaturePipelines;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.Metric;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.NumericPipeline;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TestAlgorithm;
import org.automlwb.engine.TestData;
import org.automlwb.engine.TrainedModel;
import org.automlwb.engine.algo.Algorithm;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.space.Config;
import org.automlwb.export.bundle.ModelCodecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import tech.tablesaw.api.Table;

/** Refit on all rows, predict raw rows, and the protobuf round trip. */
class RefitterTest {
    private static final FeaturePipelines PIPELINES =
            FeaturePipelines.of(new NumericPipeline(false), new NumericPipeline(true));

    private static long later() {
        return System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    }

    private static SingleModel refit(LabelledData data, Algorithm algorithm) throws Exception {
        return new Refitter(data, PIPELINES).refit(algorithm, Config.empty(), 11, 1, CancelToken.none(), later());
    }

    /** The model through its format's codec, as a model bundle saves it. */
    private static SingleModel roundTrip(SingleModel model, Path dir) throws Exception {
        Path file = dir.resolve("model_artifact." + model.model().format().extension());
        ModelCodecs.of(model.model().format()).write(model.model(), file);
        assertTrue(Files.size(file) > 0);
        TrainedModel back = ModelCodecs.of(model.model().format()).read(file, model.task(), model.classNames());
        return new SingleModel(NumericPipeline.Fitted.fromJson(model.features().toJson()), back, model.algorithmId(),
                model.config(), model.task(), model.classNames());
    }

    @Test
    void classificationRefitPredictsAndRoundTrips(@TempDir Path dir) throws Exception {
        LabelledData data = LabelledData.forTraining(TestData.binary(300, 1), "y", null);
        Algorithm logistic = new TestAlgorithm("logistic", true, t -> new LogisticRegressionTrainer());
        SingleModel model = refit(data, logistic);
        assertEquals(List.of("no", "yes"), model.classNames());
        // fresh rows from the same generator, target column included (and ignored)
        Table fresh = TestData.binary(200, 2);
        Predictions p = model.predict(fresh);
        assertEquals(200, p.size());
        LabelledData truth = LabelledData.forScoring(fresh, "y", TaskType.BINARY, model.classNames());
        assertTrue(Metric.AUC.compute(truth.targets(), p) > 0.85);

        SingleModel back = roundTrip(model, dir);
        Predictions q = back.predict(fresh.removeColumns("y"));
        for (int i = 0; i < p.size(); i++) assertArrayEquals(p.probabilities()[i], q.probabilities()[i], 0.0);
    }

    @Test
    void xgboostRoundTrips(@TempDir Path dir) throws Exception {
        LabelledData data = LabelledData.forTraining(TestData.multiclass(300, 3), "y", null);
        Algorithm xgb = new TestAlgorithm("xgboost", false, t -> new XGBoostClassificationTrainer(20));
        SingleModel model = refit(data, xgb);
        Table fresh = TestData.multiclass(50, 4);
        Predictions p = model.predict(fresh);
        Predictions q = roundTrip(model, dir).predict(fresh);
        for (int i = 0; i < p.size(); i++) assertArrayEquals(p.probabilities()[i], q.probabilities()[i], 0.0);
    }

    @Test
    void regressionRefitRoundTrips(@TempDir Path dir) throws Exception {
        LabelledData data = LabelledData.forTraining(TestData.regression(200, 5), "y", null);
        SingleModel model = refit(data, new TestAlgorithm("cart", false, t -> new CARTRegressionTrainer(6)));
        Table fresh = TestData.regression(40, 6);
        Predictions p = model.predict(fresh);
        assertArrayEquals(p.values(), roundTrip(model, dir).predict(fresh).values(), 0.0);
    }

    @Test
    void aClassificationFileIsNotARegressionModel(@TempDir Path dir) throws Exception {
        LabelledData data = LabelledData.forTraining(TestData.binary(100, 7), "y", null);
        SingleModel model = refit(data, new TestAlgorithm("logistic", false, t -> new LogisticRegressionTrainer()));
        Path file = dir.resolve("model_artifact.tribuo");
        ModelCodecs.of(ModelFormat.TRIBUO).write(model.model(), file);
        assertThrows(java.io.IOException.class, () -> ModelCodecs.of(ModelFormat.TRIBUO).read(file,
                TaskType.REGRESSION, List.of()));
    }

    @Test
    void refitHonoursTheDeadline() throws Exception {
        LabelledData data = LabelledData.forTraining(TestData.binary(100, 8), "y", null);
        FitAbortedException e = assertThrows(FitAbortedException.class, () -> new Refitter(data, PIPELINES).refit(
                new TestAlgorithm("logistic", false, t -> new LogisticRegressionTrainer()), Config.empty(), 1, 1,
                CancelToken.none(), System.nanoTime() - 1));
        assertEquals(TrialStatus.TIMEOUT, e.status());
    }

    @Test
    void ensembleAveragesWithNormalisedWeights() throws Exception {
        LabelledData data = LabelledData.forTraining(TestData.binary(200, 9), "y", null);
        SingleModel a = refit(data, new TestAlgorithm("logistic", true, t -> new LogisticRegressionTrainer()));
        SingleModel b = refit(data, new TestAlgorithm("xgboost", false, t -> new XGBoostClassificationTrainer(10)));
        ModelBundle ensemble = ModelBundle.weighted(List.of(new ModelBundle.Member(a, 3),
                new ModelBundle.Member(b, 1)));
        assertArrayEquals(new double[] {0.75, 0.25}, ensemble.weights(), 1e-12);
        Table fresh = TestData.binary(20, 10);
        double[][] pa = a.predict(fresh).probabilities();
        double[][] pb = b.predict(fresh).probabilities();
        double[][] pe = ensemble.predict(fresh).probabilities();
        for (int i = 0; i < 20; i++) {
            for (int c = 0; c < 2; c++) assertEquals(0.75 * pa[i][c] + 0.25 * pb[i][c], pe[i][c], 1e-12);
        }
        // values: (1*2 + 3*6) / 4 = 5
        Predictions v = ModelBundle.combine(List.of(Predictions.ofValues(new double[] {2}),
                Predictions.ofValues(new double[] {6})), new double[] {1, 3});
        assertEquals(5.0, v.values()[0], 1e-12);
    }
}
