package org.automlwb.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.automlwb.engine.FeatureMatrix;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.Metric;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.NumericPipeline;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.TrainedModel;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.space.Config;
import org.automlwb.export.ExperimentFolder;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.ui.QueuedTaskExecutor;
import org.automlwb.ui.run.Trials;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ResultsImportanceTest {
    /** Predicts "yes" with a probability that follows column x alone. */
    /** A model whose probability of "yes" follows x (features: x and noise, in that column order). */
    private static final TrainedModel SIGMOID_OF_X = new TrainedModel() {
        @Override public ModelFormat format() { return ModelFormat.TRIBUO; }
        @Override public Map<String, Object> provenance() { return Map.of(); }

        @Override
        public Predictions predict(FeatureMatrix x) {
            double[][] p = new double[x.rows()][];
            for (int i = 0; i < p.length; i++) {
                double yes = 1 / (1 + Math.exp(-4 * x.value(i, 1)));
                p[i] = new double[] {1 - yes, yes};
            }
            return Predictions.ofProbabilities(p);
        }
    };

    private static ModelBundle followsX(Table train) {
        return ModelBundle.single(new SingleModel(new NumericPipeline(false).fit(train, "y"), SIGMOID_OF_X, "follows_x",
                Config.empty(), TaskType.BINARY, List.of("no", "yes")));
    }

    @Test
    void theColumnTheModelFollowsRanksFirstAndTheWorkRunsOnTheExecutor() throws Exception {
        Random rng = new Random(3);
        int n = 400;
        double[] x = new double[n];
        double[] noise = new double[n];
        String[] y = new String[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextGaussian();
            noise[i] = rng.nextGaussian();
            y[i] = x[i] + 0.3 * rng.nextGaussian() > 0 ? "yes" : "no";
        }
        Table t = Table.create("d", DoubleColumn.create("x", x), DoubleColumn.create("noise", noise),
                StringColumn.create("y", y));
        LabelledData data = LabelledData.forTraining(t, "y", null);
        RunSummary s = new RunSummary(RunSummary.Outcome.MAX_TRIALS, TaskType.BINARY, Metric.AUC, 1,
                Trials.ok(1, "logistic", 0.9), Map.of("auc", 0.9), Map.of(), 1, "done");
        ExperimentOutcome o = new ExperimentOutcome(new ExperimentFolder("e", Path.of("e")),
                new RunResult(s, List.of(Trials.ok(1, "logistic", 0.9)), followsX(t), Map.of(), null, data, null,
                        null, null, null, null));

        QueuedTaskExecutor executor = new QueuedTaskExecutor();
        ResultsViewModel vm = new ResultsViewModel(executor, new org.automlwb.ui.FakeDialogService());
        vm.outcomeProperty().set(o);
        assertNull(vm.importanceProperty().get(), "nothing is computed on the calling (UI) thread");
        assertEquals("Measuring which columns the model relies on…", vm.importanceStatusProperty().get());
        assertEquals(1, executor.pending());
        executor.runAll();
        assertEquals("x", vm.importanceProperty().get().importances().get(0).column());
        assertTrue(vm.importanceStatusProperty().get().startsWith("How much AUC worsens"),
                vm.importanceStatusProperty().get());
    }
}
