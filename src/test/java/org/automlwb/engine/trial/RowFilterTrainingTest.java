package org.automlwb.engine.trial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.FeaturePipelines;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.RecipePipeline;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.Targets;
import org.automlwb.engine.TestAlgorithm;
import org.automlwb.engine.TestData;
import org.automlwb.engine.algo.TribuoModel;
import org.automlwb.engine.space.Config;
import org.automlwb.prep.FilterRowsStep;
import org.automlwb.prep.Recipe;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * A recipe's "filter training rows" step acts where models learn: in every fold's training rows and in the final
 * refit, with each kept row keeping its own label; validation rows are all scored, as new rows would be.
 */
class RowFilterTrainingTest {
    /** Keeps rows with x1 in [0, 10]: about half of a standard normal column. */
    private static final Recipe FILTER = Recipe.of(new FilterRowsStep("x1", true, 0.0, 10.0));
    private static final FeaturePipelines PIPELINES = FeaturePipelines.of(new RecipePipeline(FILTER),
            new RecipePipeline(FILTER));

    @Test
    void foldTrainingRowsAreFilteredAndKeepTheirLabels() throws Exception {
        Table t = TestData.binary(400, 5);
        LabelledData data = LabelledData.forTraining(t, "y", null);
        ValidationPlan plan = ValidationPlan.create(data.targets(), ValidationSettings.defaults(), 42);
        FoldData folds = new FoldData(data, plan, PIPELINES);
        DoubleColumn x1 = t.doubleColumn("x1");
        for (int f = 0; f < plan.folds().size(); f++) {
            ValidationPlan.Fold fold = plan.folds().get(f);
            PreparedFold prepared = folds.fold(f, FeatureEncoding.ONE_HOT);
            long expected = java.util.Arrays.stream(fold.train()).filter(r -> x1.getDouble(r) >= 0).count();
            assertEquals(expected, prepared.train().rows(), "fold " + f + " trains on the kept rows only");
            assertEquals(fold.validation().length, prepared.validation().rows(), "every validation row is scored");
            Targets labels = prepared.train().targets();
            for (int i = 0; i < prepared.train().rows(); i++) {
                int row = prepared.trainRows()[i];
                assertTrue(x1.getDouble(row) >= 0);
                assertEquals(t.stringColumn("y").get(row), labels.classNames().get(labels.classIndex()[i]),
                        "row " + row + " keeps its label");
            }
        }
    }

    @Test
    void theRefitLearnsFromTheKeptRowsOnly() throws Exception {
        Table t = TestData.binary(300, 6);
        LabelledData data = LabelledData.forTraining(t, "y", null);
        SingleModel model = new Refitter(data, PIPELINES).refit(
                new TestAlgorithm("logistic", false, task -> new LogisticRegressionTrainer()), Config.empty(), 3, 1,
                CancelToken.none(), System.nanoTime() + TimeUnit.MINUTES.toNanos(5));
        long kept = t.doubleColumn("x1").asList().stream().filter(v -> v >= 0).count();
        assertEquals(kept, ((TribuoModel) model.model()).model().getProvenance().getDatasetProvenance()
                .getNumExamples());
        assertEquals(300, model.predict(t).size(), "predictions cover every row: filters act on training only");
    }
}
