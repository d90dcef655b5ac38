package org.automlwb.engine.algo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.FeaturePipelines;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.Metric;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.trial.FoldData;
import org.automlwb.engine.trial.Pruner;
import org.automlwb.engine.trial.PreparedFold;
import org.automlwb.engine.trial.Refitter;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialRunner;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.automlwb.engine.trial.ValidationPlan;
import org.automlwb.engine.trial.ValidationSettings;
import org.automlwb.export.bundle.BundleLayout;
import org.automlwb.export.bundle.BundleReader;
import org.automlwb.export.bundle.BundleWriter;
import org.automlwb.prep.Recipe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** LightGBM as an algorithm of the run: category codes in, early stopping in trials, learnt rounds in the refit. */
class LightGbmAlgorithmTest {
    /** The label depends on a 30-level category and on a number; two more columns are noise. */
    private static Table data(int n, long seed) {
        Random rng = new Random(seed);
        String[] shop = new String[n];
        String[] y = new String[n];
        double[] x = new double[n];
        double[] noise = new double[n];
        for (int i = 0; i < n; i++) {
            int level = rng.nextInt(30);
            shop[i] = "shop" + level;
            x[i] = rng.nextGaussian();
            noise[i] = rng.nextGaussian();
            double z = (level % 3 == 0 ? 1.5 : -0.7) + x[i] + 0.5 * rng.nextGaussian();
            y[i] = z > 0 ? "yes" : "no";
        }
        return Table.create("d", StringColumn.create("shop", shop), DoubleColumn.create("x", x),
                DoubleColumn.create("noise", noise), StringColumn.create("y", y));
    }

    @Test
    void categoriesAreCodesAndTheRefitTrainsTheRoundsTheFoldsChose(@TempDir Path dir) throws Exception {
        Table t = data(1500, 1);
        LabelledData labelled = LabelledData.forTraining(t, "y", null);
        Recipe recipe = Recipe.automatic(t, "y");
        FeaturePipelines pipelines = FeaturePipelines.fromRecipe(recipe);
        ValidationPlan plan = ValidationPlan.create(labelled.targets(), ValidationSettings.defaults(), 42);
        FoldData folds = new FoldData(labelled, plan, pipelines);

        PreparedFold codes = folds.fold(0, FeatureEncoding.CATEGORY_CODES);
        assertEquals(List.of("noise", "shop", "x"), codes.featureNames(), "one code column for the category");
        assertArrayEquals(new int[] {1}, codes.train().x().categoricalIndices());

        Algorithm lightgbm = AlgorithmCatalogue.byId("lightgbm").orElseThrow();
        Config config = lightgbm.portfolio(TaskType.BINARY,
                new org.automlwb.engine.algo.DataShape(TaskType.BINARY, 1500, 3, 2, true)).get(0);
        TrialRunner runner = new TrialRunner(folds, Metric.AUC,
                new TrialRunner.Settings(Duration.ofMinutes(2), 1));
        TrialResult r = runner.run(new TrialSpec(1, "lightgbm", config, 7, "portfolio"), lightgbm, Pruner.none(),
                CancelToken.none(), System.nanoTime() + TimeUnit.MINUTES.toNanos(2));
        assertEquals(TrialStatus.OK, r.status(), r.error());
        assertTrue(r.score() > 0.85, "auc " + r.score());
        int rounds = (int) r.learned().get("rounds");
        assertTrue(rounds > 0 && rounds < 1000, "early stopping chose " + rounds + " rounds");

        SingleModel model = new Refitter(labelled, pipelines).refit(lightgbm, r.refitConfig(), 7, 1,
                CancelToken.none(), System.nanoTime() + TimeUnit.MINUTES.toNanos(2));
        assertEquals(ModelFormat.LIGHTGBM, model.model().format());
        assertEquals(rounds, model.model().provenance().get("rounds"), "the refit trains exactly the learnt rounds");

        // The bundle writes LightGBM's own text and reads it back to the same numbers.
        ModelBundle bundle = ModelBundle.single(model);
        Map<String, Object> doc = BundleWriter.write(bundle, dir, BundleLayout.TRAINED_MODEL, Map.of());
        assertTrue(Files.readString(dir.resolve("model_artifact.lgbm")).startsWith("tree"));
        assertEquals("lightgbm", ((List<Map<String, Object>>) doc.get("members")).get(0).get("artifact_format"));
        Table fresh = data(300, 2);
        double[][] before = bundle.predict(fresh).probabilities();
        double[][] after = BundleReader.read(dir, BundleLayout.TRAINED_MODEL.metadataFile()).model().predict(fresh)
                .probabilities();
        for (int i = 0; i < before.length; i++) assertArrayEquals(before[i], after[i], 0.0, "row " + i);
    }

    @Test
    void aLevelUnseenInTrainingIsPredictedLikeOther() throws Exception {
        Table t = data(600, 3);
        LabelledData labelled = LabelledData.forTraining(t, "y", null);
        FeaturePipelines pipelines = FeaturePipelines.fromRecipe(Recipe.automatic(t, "y"));
        Algorithm lightgbm = AlgorithmCatalogue.byId("lightgbm").orElseThrow();
        SingleModel model = new Refitter(labelled, pipelines).refit(lightgbm, Config.of("rounds", 50), 7, 1,
                CancelToken.none(), System.nanoTime() + TimeUnit.MINUTES.toNanos(2));
        Table fresh = data(5, 4);
        fresh.stringColumn("shop").set(0, "a shop never seen");
        double[][] p = model.predict(fresh).probabilities();
        assertEquals(5, p.length);
        assertEquals(1.0, p[0][0] + p[0][1], 1e-9);
    }
}
