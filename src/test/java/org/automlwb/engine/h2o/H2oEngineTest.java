package org.automlwb.engine.h2o;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.automlwb.common.CancelToken;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.LoadedData;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.experiment.Experiments;
import org.automlwb.export.ModelLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H2O AutoML through the engine API, in its worker JVM: its models reach the leaderboard as they finish, its best
 * is exported as a MOJO that predicts what the run recorded, and a stopped run leaves no H2O process behind.
 * Bounded by model count, not time (each run: about 15 s on 2 cores, most of it H2O's start).
 */
class H2oEngineTest {
    @TempDir
    static Path dir;
    static LoadedData train;
    static LoadedData test;

    @BeforeAll
    static void data() throws Exception {
        Random rng = new Random(3);
        Files.writeString(dir.resolve("churn.train.csv"), rows(rng, 300));
        Files.writeString(dir.resolve("churn.test.csv"), rows(rng, 90));
        train = CsvLoader.load(dir.resolve("churn.train.csv"));
        test = CsvLoader.load(dir.resolve("churn.test.csv"));
    }

    /** A numeric signal, a categorical signal (with a level only the test file has), missing ages, noise. */
    private static String rows(Random rng, int n) {
        StringBuilder sb = new StringBuilder("age,plan,usage,noise,churn\n");
        String[] plans = {"basic", "plus", "pro"};
        for (int i = 0; i < n; i++) {
            String plan = n < 100 && i % 30 == 0 ? "enterprise" : plans[rng.nextInt(3)];
            double usage = rng.nextGaussian() * 10 + 50;
            double z = 0.08 * (usage - 50) + (plan.equals("basic") ? 0.8 : -0.4) + rng.nextGaussian() * 0.7;
            sb.append(rng.nextInt(10) == 0 ? "" : String.valueOf(18 + rng.nextInt(60))).append(',').append(plan)
                    .append(',').append(String.format(Locale.ROOT, "%.2f,%.3f,", usage, rng.nextDouble()))
                    .append(z > 0 ? "yes" : "no").append('\n');
        }
        return sb.toString();
    }

    private static RunSpec spec(int models) {
        return RunSpec.defaults("churn").toBuilder().budget(null).maxTrials(models).threads(2).seed(5).build();
    }

    @Test
    void itsBestModelIsExportedAsAMojoThatPredictsWhatTheRunRecorded() throws Exception {
        List<RunEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExperimentOutcome out = Experiments.runWithoutReport(train, test, new RunPlan(List.of(EngineKind.H2O), spec(3)),
                null,
                dir.resolve("models"), CancelToken.none(), events::add);

        RunSummary s = out.summary();
        assertEquals(RunSummary.Outcome.MAX_TRIALS, s.outcome(), s.message());
        assertTrue(s.leader().spec().algorithm().startsWith("h2o."), s.leader().spec().algorithm());
        assertTrue(s.validation().get("auc") > 0.7, "validation AUC " + s.validation());
        assertTrue(out.result().leaderboard().size() >= 3, "models " + out.result().leaderboard().size());
        for (TrialResult r : out.result().leaderboard()) {
            assertEquals(EngineKind.H2O, EngineKind.ofAlgorithm(r.spec().algorithm()));
            assertFalse(r.spec().config().values().isEmpty(), "hyperparameters of " + r.spec().algorithm());
        }
        long live = events.stream().filter(e -> e instanceof RunEvent.TrialFinished).count();
        assertEquals(out.result().leaderboard().size(), live, "every model is said as it finishes");

        Path model = out.trainedModel().dir();
        assertTrue(Files.exists(model.resolve("model_artifact.zip")));
        ModelLoader.LoadedModel loaded = ModelLoader.load(model);
        SingleModel member = loaded.model().members().get(0).model();
        assertEquals(ModelFormat.H2O_MOJO, member.model().format());
        // The exported MOJO, read back from disk by h2o-genmodel through the saved preprocessing, gives what H2O
        // itself predicted for the test rows during the run.
        Predictions fromDisk = loaded.model().predict(test.table());
        Predictions recorded = out.result().testPredictions();
        assertNotNull(recorded);
        assertTrue(H2oRun.maxDifference(fromDisk, recorded) < 1e-6,
                "MOJO vs run: " + H2oRun.maxDifference(fromDisk, recorded));
        assertTrue(s.test().get("auc") > 0.7, "test AUC " + s.test());
    }

    @Test
    void regressionRunsOnAHoldoutAndPredictsTheSameValues() throws Exception {
        StringBuilder sb = new StringBuilder("x,colour,price\n");
        Random rng = new Random(8);
        for (int i = 0; i < 400; i++) {
            double x = rng.nextGaussian();
            String c = rng.nextBoolean() ? "red" : "blue";
            sb.append(String.format(Locale.ROOT, "%.4f,%s,%.4f%n", x, c, 3 * x + (c.equals("red") ? 2 : 0)
                    + rng.nextGaussian() * 0.3));
        }
        Path file = dir.resolve("price.csv");
        Files.writeString(file, sb);
        LoadedData data = CsvLoader.load(file);
        RunSpec spec = RunSpec.defaults("price").toBuilder().budget(null).maxTrials(2).threads(2).holdoutAbove(100)
                .build();
        ExperimentOutcome out = Experiments.runWithoutReport(data, data, new RunPlan(List.of(EngineKind.H2O), spec), null,
                dir.resolve("models-regression"), CancelToken.none());

        assertTrue(out.result().plan().describe().contains("holdout"), out.result().plan().describe());
        assertTrue(out.summary().validation().get("r2") > 0.8, "validation " + out.summary().validation());
        Predictions fromDisk = ModelLoader.load(out.trainedModel().dir()).model().predict(data.table());
        assertTrue(H2oRun.maxDifference(fromDisk, out.result().testPredictions()) < 1e-6);
    }

    /** Every column text (as in the car data set): H2O must still read the files' first line as their header. */
    @Test
    void dataWhoseColumnsAreAllCategoriesIsReadWithItsHeader() throws Exception {
        StringBuilder sb = new StringBuilder("buying,doors,safety,class\n");
        Random rng = new Random(4);
        String[] levels = {"low", "med", "high"};
        for (int i = 0; i < 240; i++) {
            int b = rng.nextInt(3);
            int s = rng.nextInt(3);
            sb.append(levels[b]).append(',').append(rng.nextBoolean() ? "two" : "four").append(',').append(levels[s])
                    .append(',').append(s == 0 ? "unacc" : b == 2 ? "acc" : "good").append('\n');
        }
        Path file = dir.resolve("cars.csv");
        Files.writeString(file, sb);
        LoadedData data = CsvLoader.load(file);
        RunSpec spec = RunSpec.defaults("class").toBuilder().budget(null).maxTrials(1).threads(2).build();
        ExperimentOutcome out = Experiments.runWithoutReport(data, data, new RunPlan(List.of(EngineKind.H2O), spec),
                null, dir.resolve("models-cars"), CancelToken.none());

        assertEquals(RunSummary.Outcome.MAX_TRIALS, out.summary().outcome(), out.summary().message());
        assertEquals(240, out.result().validationTargets().size());
        assertEquals(240, out.result().testPredictions().size());
    }

    @Test
    void aStoppedRunLeavesNoH2oProcessAndKeepsTheModelsItHad() throws Exception {
        CancelToken cancel = CancelToken.none();
        CountDownLatch firstModel = new CountDownLatch(1);
        RunSpec spec = RunSpec.defaults("churn").toBuilder().budget(Duration.ofMinutes(10)).threads(2).build();
        Thread stopper = new Thread(() -> {
            try {
                if (firstModel.await(3, TimeUnit.MINUTES)) cancel.cancel();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        stopper.start();
        ExperimentOutcome out = Experiments.runWithoutReport(train, null, new RunPlan(List.of(EngineKind.H2O), spec),
                null,
                dir.resolve("models-stopped"), cancel, e -> {
                    if (e instanceof RunEvent.TrialFinished) firstModel.countDown();
                });
        stopper.join();

        assertEquals(RunSummary.Outcome.CANCELLED, out.summary().outcome(), out.summary().message());
        assertFalse(out.result().leaderboard().isEmpty());
        assertNull(out.trainedModel());
        assertEquals(0, ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).count(),
                "no H2O worker is left running");
        assertEquals(out.result().leaderboard().size(),
                Files.readAllLines(out.folder().journal()).size(), "every model it finished is in the journal");
    }
}
