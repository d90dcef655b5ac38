package org.automlwb.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.JsonNode;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.Json;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.LoadedData;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.experiment.Experiments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trained model folder: never overwritten, all or nothing, ensembles laid out by member, loaded back. */
class ModelExportTest {
    @TempDir
    static Path dir;
    static ExperimentOutcome outcome;
    static LoadedData train;

    @BeforeAll
    static void run() throws Exception {
        Path f = dir.resolve("sales.csv");
        Random rng = new Random(8);
        StringBuilder sb = new StringBuilder("x1,x2,region,y\n");
        String[] regions = {"north", "south", "east"};
        for (int i = 0; i < 200; i++) {
            double x1 = rng.nextGaussian();
            double x2 = rng.nextGaussian();
            int r = rng.nextInt(3);
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%s,%.4f%n", x1, x2, regions[r],
                    3 * x1 - 2 * x2 + r + 0.3 * rng.nextGaussian()));
        }
        Files.writeString(f, sb.toString());
        train = CsvLoader.load(f);
        RunSpec spec = new RunSpec("y", null, null, null, 2, 1, 3L, "auto", List.of("elastic_net"), 3, 10_000, 0,
                false, null);
        outcome = Experiments.run(train, null, RunPlan.tribuo(spec), null, dir.resolve("models"), CancelToken.none());
    }

    @Test
    void experimentsExportTheChosenModelUnderTheExperimentId() throws Exception {
        ModelExport.ExportedModel m = outcome.trainedModel();
        assertEquals(outcome.folder().id(), m.id());
        ModelLoader.LoadedModel loaded = ModelLoader.load(m.dir());
        assertEquals("y", loaded.metadata().target());
        assertTrue(Files.exists(m.dir().resolve("model.onnx")), "elastic net exports to ONNX");
        Predictions a = outcome.result().model().predict(train.table());
        Predictions b = loaded.model().predict(train.table());
        assertArrayEquals(a.values(), b.values());
    }

    @Test
    void anExistingModelIsNeverOverwritten() throws Exception {
        Path root = dir.resolve("again");
        ModelExport.ExportedModel first = ModelExport.export(outcome.result(), root, "My Model!");
        ModelExport.ExportedModel second = ModelExport.export(outcome.result(), root, "My Model!");
        assertEquals("my_model", first.id());
        assertEquals("my_model-2", second.id());
        JsonNode meta = Json.MAPPER.readTree(Files.readString(second.dir().resolve("model_metadata.json")));
        assertEquals("my_model-2", meta.get("model_id").asText());
        assertEquals(List.of("my_model", "my_model-2"), names(root.resolve("trained_models")));
    }

    @Test
    void anEnsembleHasOneFolderPerMemberAndLoadsBackExactly() throws Exception {
        RunResult r = outcome.result();
        SingleModel only = r.model().members().get(0).model();
        ModelBundle ensemble = ModelBundle.weighted(List.of(new ModelBundle.Member(only, 1),
                new ModelBundle.Member(only, 2)));
        RunResult withEnsemble = new RunResult(r.summary(), r.leaderboard(), ensemble, r.weights(), r.plan(),
                r.data(), r.testPredictions(), r.validationTargets(), r.validationPredictions(), null, null);
        ModelExport.ExportedModel m = ModelExport.export(withEnsemble, dir.resolve("ens"), "ens");
        for (String member : List.of("members/1", "members/2")) {
            assertTrue(Files.exists(m.dir().resolve(member).resolve("model_artifact.tribuo")), member);
            assertTrue(Files.exists(m.dir().resolve(member).resolve("preprocessing_pipeline.json")), member);
        }
        ModelLoader.LoadedModel loaded = ModelLoader.load(m.dir());
        assertEquals("ensemble", loaded.metadata().kind());
        assertArrayEquals(ensemble.predict(train.table()).values(), loaded.model().predict(train.table()).values());
    }

    @Test
    void aFailedExportLeavesNothingBehind() throws Exception {
        Path root = dir.resolve("blocked");
        Files.createDirectories(root);
        Files.writeString(root.resolve("trained_models"), "a file where the folder should be");
        BadInputException e = assertThrows(BadInputException.class,
                () -> ModelExport.export(outcome.result(), root, "x"));
        assertTrue(e.oneLine().contains("cannot write"), e.oneLine());
        assertEquals(List.of("trained_models"), names(root));
    }

    @Test
    void aReadOnlyFolderIsBadInputAndLeavesNothing() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes into read-only folders");
        Path root = dir.resolve("readonly");
        Files.createDirectories(root.resolve("trained_models"));
        Files.setPosixFilePermissions(root.resolve("trained_models"), PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assertThrows(BadInputException.class, () -> ModelExport.export(outcome.result(), root, "x"));
            assertEquals(List.of(), names(root.resolve("trained_models")));
        } finally {
            Files.setPosixFilePermissions(root.resolve("trained_models"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void deployingTwiceMakesANewVersion() throws Exception {
        Path deployment = dir.resolve("deployment-twice");
        Deployment.Deployed a = Deployment.deploy(outcome.trainedModel().dir(), deployment);
        Deployment.Deployed b = Deployment.deploy(outcome.trainedModel().dir(), deployment);
        assertEquals("v1", a.serving().getFileName().toString());
        assertEquals("v2", b.serving().getFileName().toString());
        assertEquals(a.monitoring(), b.monitoring());
        ModelLoader.LoadedModel served = ModelLoader.load(b.serving());
        assertArrayEquals(outcome.result().model().predict(train.table()).values(),
                served.model().predict(train.table()).values());
    }

    @Test
    void anExperimentFolderExportsTheSameModel() throws Exception {
        ModelExport.ExportedModel m = ModelExport.export(outcome.folder().dir(), dir.resolve("from-folder"), "again");
        ModelLoader.LoadedModel loaded = ModelLoader.load(m.dir());
        assertArrayEquals(outcome.result().model().predict(train.table()).values(),
                loaded.model().predict(train.table()).values());
        assertEquals(outcome.folder().id(), loaded.metadata().json().get("experiment").asText());
        assertTrue(loaded.reference() != null, "the training file is still there: the profile is rebuilt");
    }

    @Test
    void aChangedTrainingProfileIsRefused() throws Exception {
        Path copy = dir.resolve("changed-profile");
        AtomicDirs.copyTree(outcome.trainedModel().dir(), copy);
        Path profile = copy.resolve(MonitoringReference.FILE);
        String text = Files.readString(profile);
        int digit = text.indexOf("0.");
        assertTrue(digit > 0, "the profile holds decimals");
        // still valid JSON: only the recorded hash can tell that drift would now be measured against other figures
        Files.writeString(profile, text.substring(0, digit) + "1." + text.substring(digit + 2));
        BadInputException e = assertThrows(BadInputException.class, () -> ModelLoader.load(copy));
        assertTrue(e.oneLine().contains("training_profile.json: changed since it was written"), e.oneLine());
    }

    @Test
    void aFolderThatIsNotAModelIsBadInput() {
        BadInputException e = assertThrows(BadInputException.class, () -> ModelLoader.load(dir));
        assertTrue(e.oneLine().contains("model_metadata.json"), e.oneLine());
        assertFalse(e.oneLine().contains("Exception"));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
