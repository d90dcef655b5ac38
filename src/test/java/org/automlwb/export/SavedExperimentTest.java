package org.automlwb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.data.CsvLoader;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.experiment.Experiments;
import org.automlwb.experiment.SavedExperiment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An experiment read back from its folder shows what the run showed: leaderboard, metrics, weights, charts. */
class SavedExperimentTest {
    @TempDir
    static Path dir;
    static Path models;
    static ExperimentOutcome ran;

    @BeforeAll
    static void run() throws Exception {
        Path f = dir.resolve("churn.csv");
        Random rng = new Random(3);
        StringBuilder sb = new StringBuilder("x1,x2,plan,churned\n");
        String[] plans = {"basic", "plus"};
        for (int i = 0; i < 160; i++) {
            double x1 = rng.nextGaussian();
            double x2 = rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s,%s%n", x1, x2, plans[rng.nextInt(2)],
                    x1 + 0.5 * x2 + 0.4 * rng.nextGaussian() > 0 ? "yes" : "no"));
        }
        Files.writeString(f, sb.toString());
        models = dir.resolve("models");
        // Two algorithms and an ensemble over them: the ensemble's row lives only in leaderboard.csv.
        RunSpec spec = new RunSpec("churned", null, null, null, 4, 1, 5L, "auto",
                List.of("liblinear", "naive_bayes"), 3, 10_000, 0, true, null);
        ran = Experiments.run(CsvLoader.load(f), null, RunPlan.tribuo(spec), null, models, CancelToken.none());
    }

    @Test
    void readsBackWhatTheRunShowed() throws Exception {
        ExperimentOutcome back = SavedExperiment.read(ran.folder().dir(), models);
        RunResult r = back.result();
        assertEquals(ran.summary().metric(), back.summary().metric());
        assertEquals(ran.summary().task(), back.summary().task());
        assertEquals(ran.summary().trials(), back.summary().trials());
        for (var e : ran.summary().validation().entrySet()) {
            assertEquals(e.getValue(), back.summary().validation().get(e.getKey()), 1e-9, e.getKey());
        }
        assertEquals(ran.result().leaderboard().size(), r.leaderboard().size(), "every row, the ensemble's too");
        assertNotNull(back.summary().leader());
        assertEquals(ran.summary().leader().spec().trialId(), back.summary().leader().spec().trialId());
        assertEquals(ran.summary().leader().spec().algorithm(), back.summary().leader().spec().algorithm());
        assertEquals(ran.result().weights().keySet(), r.weights().keySet());
        assertEquals(ran.result().validationPredictions().size(), r.validationPredictions().size());
        assertNull(r.model(), "the model is not loaded to show results");
        assertNotNull(back.trainedModel(), "Predict uses the exported model");
        assertEquals(ran.trainedModel().dir(), back.trainedModel().dir());
    }

    @Test
    void aFolderWithoutConfigIsNoExperiment() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("not-an-experiment"));
        assertThrows(BadInputException.class, () -> SavedExperiment.read(empty, models));
    }

    @Test
    void aDisplayNameIsStoredInTheFolderAndListed() throws Exception {
        Path d = ran.folder().dir();
        assertEquals("Churn — first try", ExperimentDisplayName.write(d, "  Churn — first try\n"));
        ExperimentSummary s = ExperimentList.of(models).stream().filter(x -> x.dir().equals(d)).findFirst()
                .orElseThrow();
        assertEquals("Churn — first try", s.displayName());
        assertEquals(ran.folder().id(), s.id(), "the id stays");
        assertNull(ExperimentDisplayName.write(d, " "), "a blank name removes it");
        assertEquals(ran.folder().id(), ExperimentList.of(models).stream().filter(x -> x.dir().equals(d))
                .findFirst().orElseThrow().displayName());
        assertEquals(ExperimentDisplayName.MAX_LENGTH, ExperimentDisplayName.clean("x".repeat(500)).length());
    }

    @Test
    void deletingRemovesTheFolderAndKeepsTheTrainedModel() throws Exception {
        Path copy = models.resolve("experiments").resolve("20000101-000000-copy");
        Files.createDirectories(copy.resolve("sub"));
        Files.copy(ran.folder().configJson(), copy.resolve("config.json"));
        Files.writeString(copy.resolve("sub/file.txt"), "x");
        ExperimentRemoval.delete(copy);
        assertFalse(Files.exists(copy));
        try (Stream<Path> left = Files.list(models.resolve("experiments"))) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().contains("copy")), "nothing hidden left");
        }
        assertTrue(Files.isDirectory(ran.trainedModel().dir()));
        assertThrows(BadInputException.class, () -> ExperimentRemoval.delete(dir.resolve("nowhere")));
    }

    @Test
    void journalledTrialsKeepTheirMetrics() throws Exception {
        ExperimentOutcome back = SavedExperiment.read(ran.folder().dir(), models);
        for (TrialResult t : back.result().leaderboard()) {
            if (t.ok() && !"ensemble".equals(t.spec().origin()) && !"stack".equals(t.spec().origin())) {
                assertFalse(t.metrics().isEmpty(), "trial " + t.spec().trialId());
            }
        }
    }
}
