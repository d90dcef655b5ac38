package org.automlwb.export.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.automlwb.common.CancelToken;
import org.automlwb.common.Json;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.LoadedData;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.python.PythonEngineKind;
import org.automlwb.engine.python.PythonLocator;
import org.automlwb.engine.python.PythonSearch;
import org.automlwb.engine.run.AutoMLRun;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.export.ModelExport;
import org.automlwb.export.ModelLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scikit-learn model in the trained model folder: written as format {@code sklearn} by the bundle writer, read
 * back through the codec registry, and predicting what the run recorded for the test file. Needs a real Python
 * with scikit-learn (skipped with a message where there is none; CI installs python3-sklearn).
 */
class SklearnCodecTest {
    @TempDir
    static Path dir;
    static RunResult run;
    static LoadedData test;

    @BeforeAll
    static void run() throws Exception {
        PythonLocator.Lookup python = PythonLocator.find();
        assumeTrue(python.found(), "no Python with scikit-learn here (" + python.problem() + ")");
        LoadedData train = CsvLoader.load(write("prices.train.csv", 200, 4));
        test = CsvLoader.load(write("prices.test.csv", 50, 5));
        RunSpec spec = RunSpec.defaults("price").toBuilder().budget(null).maxTrials(2).threads(1).seed(11)
                .ensemble(false).build();
        run = PythonSearch.run(AutoMLRun.prepare(train.table(), test.table(), spec, null), PythonEngineKind.SKLEARN,
                python.runtime(), null, 1, CancelToken.none(), List.of());
        assertNotNull(run.model(), run.summary().message());
    }

    /** A regression with a category: price from size and district. */
    static Path write(String name, int rows, long seed) throws Exception {
        Random rng = new Random(seed);
        StringBuilder sb = new StringBuilder("size,district,price\n");
        String[] districts = {"old town", "harbour", "hills", "station"};
        for (int i = 0; i < rows; i++) {
            double size = 30 + 120 * rng.nextDouble();
            int d = rng.nextInt(districts.length);
            sb.append(String.format(Locale.ROOT, "%.1f,%s,%.0f%n", size, districts[d],
                    1000 * size * (1 + 0.3 * d) + 5000 * rng.nextGaussian()));
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }

    @Test
    void theExportedModelPredictsWhatTheRunRecorded() throws Exception {
        ModelExport.ExportedModel exported = ModelExport.export(run, dir.resolve("models"), "prices");
        JsonNode meta = Json.MAPPER.readTree(Files.readString(exported.dir().resolve("model_metadata.json")));
        JsonNode member = meta.get("members").get(0);
        assertEquals("sklearn", member.get("artifact_format").asText());
        assertEquals("model_artifact.joblib", member.get("artifact").asText());
        assertTrue(Files.size(exported.dir().resolve("model_artifact.joblib")) > 0);

        Predictions loaded = ModelLoader.load(exported.dir()).model().predict(test.table());
        assertArrayEquals(run.testPredictions().values(), loaded.values(), 1e-9);
    }

    @Test
    void aPredictionWorkerThatDiedIsStartedAgain() throws Exception {
        ModelExport.ExportedModel exported = ModelExport.export(run, dir.resolve("worker"), "prices");
        var model = ModelLoader.load(exported.dir()).model();
        Predictions first = model.predict(test.table());
        List<ProcessHandle> workers = ProcessHandle.current().descendants()
                .filter(h -> h.info().commandLine().orElse("").contains("automl_engine.py serve")).toList();
        assertTrue(!workers.isEmpty(), "the model predicts through a worker that stays up");
        workers.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle h : workers) h.onExit().get();
        assertArrayEquals(first.values(), model.predict(test.table()).values(), 0.0);
    }

    @Test
    void aChangedModelFileIsRefusedBeforePythonUnpicklesIt() throws Exception {
        ModelExport.ExportedModel exported = ModelExport.export(run, dir.resolve("changed"), "prices");
        Path artifact = exported.dir().resolve("model_artifact.joblib");
        byte[] bytes = Files.readAllBytes(artifact);
        bytes[bytes.length / 2] ^= 1;
        Files.write(artifact, bytes);
        assertThrows(ModelFileChangedException.class, () -> ModelLoader.load(exported.dir()));
    }
}
