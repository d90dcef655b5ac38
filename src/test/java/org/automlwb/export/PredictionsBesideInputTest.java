package org.automlwb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.automlwb.common.CancelToken;
import org.automlwb.data.CsvLoader;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.experiment.Experiments;
import org.automlwb.predict.BatchPredictor;
import org.automlwb.engine.run.RunSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Predictions for people: the file's own columns, rounded probabilities, and metrics when the target is there. */
class PredictionsBesideInputTest {
    @TempDir
    static Path dir;
    static ModelLoader.LoadedModel model;
    static Path labelled;

    @BeforeAll
    static void train() throws Exception {
        labelled = dir.resolve("loans.csv");
        Random rng = new Random(9);
        StringBuilder sb = new StringBuilder("id,income,\"note, free text\",repaid\n");
        for (int i = 0; i < 150; i++) {
            double income = 20 + 60 * rng.nextDouble();
            sb.append(String.format(Locale.ROOT, "L%d,%.2f,\"said \"\"hi\"\", twice\",%s%n", i, income,
                    income + 15 * rng.nextGaussian() > 50 ? "yes" : "no"));
        }
        Files.writeString(labelled, sb.toString());
        RunSpec spec = new RunSpec("repaid", null, null, null, 2, 1, 5L, "auto", List.of("liblinear"), 3, 10_000, 0,
                false, null);
        ExperimentOutcome o = Experiments.run(CsvLoader.load(labelled), null, RunPlan.tribuo(spec), null,
                dir.resolve("models"), CancelToken.none());
        model = ModelLoader.load(o.trainedModel().dir());
    }

    @Test
    void keepsTheColumnsRoundsAndScoresWhenTheTargetIsThere() throws Exception {
        Path raw = dir.resolve("raw.csv");
        BatchPredictor.predict(model, labelled, raw, BatchPredictor.Options.defaults());
        Path out = dir.resolve("loans-predictions.csv");
        PredictionsBesideInput.Result r = PredictionsBesideInput.write(labelled,
                BatchPredictor.Options.defaults().csv(), raw, out, model.metadata(), true, 3);
        assertEquals(150, r.rows());
        assertEquals(150, r.scoredRows());
        assertTrue(r.metrics().containsKey("auc") && r.metrics().containsKey("accuracy"), r.metrics().toString());
        assertTrue(r.metrics().get("accuracy") > 0.6, "a real model on its own training rows");
        List<String> lines = Files.readAllLines(out);
        assertEquals("id,income,\"note, free text\",repaid,prediction,prob_no,prob_yes", lines.get(0));
        assertTrue(lines.get(1).startsWith("L0,"), lines.get(1));
        assertTrue(lines.get(1).contains("\"said \"\"hi\"\", twice\""), "text copied as it was: " + lines.get(1));
        String[] fields = lines.get(1).split(",");
        for (String p : List.of(fields[fields.length - 1], fields[fields.length - 2])) {
            assertTrue(p.matches("0|1|0\\.\\d{1,3}"), "a probability to at most 3 decimals: " + p);
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "nothing half-written");
        }
    }

    @Test
    void withoutTheTargetItSaysSoAndOnlyPredictionsWhenAsked() throws Exception {
        Path unlabelled = dir.resolve("new.csv");
        Files.writeString(unlabelled, "id,income,\"note, free text\"\nA,70,x\nB,21,y\n");
        Path raw = dir.resolve("raw2.csv");
        BatchPredictor.predict(model, unlabelled, raw, BatchPredictor.Options.defaults());
        Path out = dir.resolve("new-predictions.csv");
        PredictionsBesideInput.Result r = PredictionsBesideInput.write(unlabelled,
                BatchPredictor.Options.defaults().csv(), raw, out, model.metadata(), false, 3);
        assertTrue(r.metrics().isEmpty());
        assertTrue(r.note().contains("no column repaid"), r.note());
        assertEquals("row,prediction,prob_no,prob_yes", Files.readAllLines(out).get(0));
        assertFalse(Files.readAllLines(out).get(1).contains("70"), "no input columns when turned off");
    }

    @Test
    void roundsNumbersOnly() {
        assertEquals("0.123", PredictionsBesideInput.round("0.12345678", 3));
        assertEquals("1", PredictionsBesideInput.round("0.99999", 3));
        assertEquals("yes", PredictionsBesideInput.round("yes", 3));
    }
}
