package org.automlwb.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validation_predictions.csv reads back what was written, class names with commas and quotes included. */
class PredictionsCsvTest {
    @Test
    void classificationRoundTrips(@TempDir Path dir) throws Exception {
        List<String> classes = List.of("no, never", "yes \"sure\"", "maybe");
        Targets truth = Targets.classes(new int[] {0, 2, 1}, classes);
        Predictions p = Predictions.ofProbabilities(new double[][] {{0.7, 0.2, 0.1}, {0.1, 0.3, 0.6}, {0, 1, 0}});
        Path f = Files.writeString(dir.resolve("v.csv"), PredictionsCsv.format(new int[] {4, 9, 12}, truth, p));
        PredictionsCsv.Loaded back = PredictionsCsv.read(f);
        assertArrayEquals(new int[] {4, 9, 12}, back.rows());
        assertEquals(classes, back.truth().classNames());
        assertArrayEquals(truth.classIndex(), back.truth().classIndex());
        for (int i = 0; i < 3; i++) assertArrayEquals(p.probabilities()[i], back.predictions().probabilities()[i], 1e-6);
    }

    @Test
    void regressionRoundTrips(@TempDir Path dir) throws Exception {
        Targets truth = Targets.regression(new double[] {1.5, -2e6, 3.25});
        Predictions p = Predictions.ofValues(new double[] {1.4, -1.9e6, 3.0});
        Path f = Files.writeString(dir.resolve("v.csv"), PredictionsCsv.format(new int[] {0, 1, 2}, truth, p));
        PredictionsCsv.Loaded back = PredictionsCsv.read(f);
        assertArrayEquals(truth.values(), back.truth().values(), 1e-6 * 2e6);
        assertArrayEquals(p.values(), back.predictions().values(), 1e-6 * 2e6);
    }
}
