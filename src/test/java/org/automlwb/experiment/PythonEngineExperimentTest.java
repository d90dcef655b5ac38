package org.automlwb.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.automlwb.common.CancelToken;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.LoadedData;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.api.EngineRegistry;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.export.ModelLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python engine as a user meets it: found by the engine registry, run with the Tribuo engine on one split
 * into one experiment folder, its models on the shared leaderboard, and the exported model, whichever engine made
 * it, predicting what the run recorded. Needs a real Python with scikit-learn (CI installs python3-sklearn).
 */
class PythonEngineExperimentTest {
    @TempDir
    Path dir;

    @Test
    void tribuoAndSklearnShareOneExperimentAndItsLeaderboard() throws Exception {
        var sklearn = EngineRegistry.installed().availability(EngineKind.SKLEARN);
        assumeTrue(sklearn.available(), "the sklearn engine cannot run here: " + sklearn.reason());
        LoadedData train = CsvLoader.load(write("shop.train.csv", 240, 21));
        LoadedData test = CsvLoader.load(write("shop.test.csv", 60, 22));
        RunSpec spec = RunSpec.defaults("bought").toBuilder().budget(null).maxTrials(2).threads(1).seed(5)
                .algorithms(List.of("liblinear")).ensemble(false).build();

        ExperimentOutcome outcome = Experiments.runWithoutReport(train, test,
                new RunPlan(List.of(EngineKind.TRIBUO, EngineKind.SKLEARN), spec), null, dir.resolve("models"),
                CancelToken.none());

        List<TrialResult> board = outcome.result().leaderboard();
        assertTrue(board.stream().anyMatch(t -> t.spec().algorithm().startsWith("sklearn.")), board.toString());
        assertTrue(board.stream().anyMatch(t -> t.spec().algorithm().equals("liblinear")), board.toString());
        String csv = Files.readString(outcome.folder().dir().resolve("leaderboard.csv"));
        assertTrue(csv.contains("sklearn."), csv);
        assertNotNull(outcome.trainedModel(), outcome.summary().message());
        Predictions exported = ModelLoader.load(outcome.trainedModel().dir()).model().predict(test.table());
        Predictions recorded = outcome.result().testPredictions();
        for (int i = 0; i < recorded.size(); i++) {
            assertArrayEquals(recorded.probabilities()[i], exported.probabilities()[i], 1e-9);
        }
        assertEquals(test.table().rowCount(), recorded.size());
    }

    private Path write(String name, int rows, long seed) throws Exception {
        Random rng = new Random(seed);
        StringBuilder sb = new StringBuilder("visits,minutes,device,bought\n");
        String[] devices = {"phone", "tablet", "desktop"};
        for (int i = 0; i < rows; i++) {
            int visits = rng.nextInt(20);
            double minutes = 30 * rng.nextDouble();
            int d = rng.nextInt(3);
            boolean bought = 0.2 * visits + 0.1 * minutes + (d == 2 ? 1 : 0) + rng.nextGaussian() > 4;
            sb.append(String.format(Locale.ROOT, "%d,%.2f,%s,%s%n", visits, minutes, devices[d], bought));
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }
}
