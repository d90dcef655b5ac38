package org.automlwb.export.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.Json;
import org.automlwb.engine.FeaturePipelines;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.RecipePipeline;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.ensemble.Calibration;
import org.automlwb.engine.ensemble.StackingMetalearner;
import org.automlwb.engine.TestAlgorithm;
import org.automlwb.engine.TestData;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.Refitter;
import org.automlwb.prep.Recipe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import tech.tablesaw.api.Table;

/** One writer, one reader: both layouts, older metadata, and files changed after they were written. */
class BundleRoundTripTest {
    private static SingleModel logistic;
    private static SingleModel xgboost;
    private static Table fresh;

    @BeforeAll
    static void train() throws Exception {
        Table t = TestData.binary(300, 1);
        LabelledData data = LabelledData.forTraining(t, "y", null);
        Recipe recipe = Recipe.automatic(t, "y");
        FeaturePipelines pipelines = FeaturePipelines.of(new RecipePipeline(recipe),
                new RecipePipeline(recipe.withScaling()));
        long later = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        logistic = new Refitter(data, pipelines).refit(new TestAlgorithm("logistic", true,
                task -> new LogisticRegressionTrainer()), Config.empty(), 1, 1, CancelToken.none(), later);
        xgboost = new Refitter(data, pipelines).refit(new TestAlgorithm("xgboost", false,
                task -> new XGBoostClassificationTrainer(20)), Config.of("trees", 20), 2, 1, CancelToken.none(), later);
        fresh = TestData.binary(100, 2);
    }

    private static ModelBundle ensemble() {
        return ModelBundle.weighted(List.of(new ModelBundle.Member(logistic, 3), new ModelBundle.Member(xgboost, 1)));
    }

    private static void assertSamePredictions(ModelBundle expected, ModelBundle actual) {
        double[][] a = expected.predict(fresh).probabilities();
        double[][] b = actual.predict(fresh).probabilities();
        for (int i = 0; i < a.length; i++) assertArrayEquals(a[i], b[i], 0.0, "row " + i);
    }

    @Test
    void bothLayoutsReadBackExactly(@TempDir Path dir) throws Exception {
        for (BundleLayout layout : BundleLayout.values()) {
            Path d = dir.resolve(layout.name());
            Files.createDirectories(d);
            BundleWriter.write(ensemble(), d, layout, Map.of("target", "y"));
            BundleReader.Read back = BundleReader.read(d, layout.metadataFile());
            assertEquals(ModelBundle.Kind.WEIGHTED_ENSEMBLE, back.model().kind());
            assertArrayEquals(new double[] {0.75, 0.25}, back.model().weights(), 1e-15);
            assertEquals("y", back.metadata().get("target").asText());
            assertEquals("tribuo", back.metadata().get("members").get(1).get("artifact_format").asText());
            assertSamePredictions(ensemble(), back.model());
        }
        assertTrue(Files.exists(dir.resolve("EXPERIMENT/model_artifact_2.tribuo")));
        assertTrue(Files.exists(dir.resolve("TRAINED_MODEL/members/2/model_artifact.tribuo")));
    }

    @Test
    void aCalibratedStackReadsBackExactly(@TempDir Path dir) throws Exception {
        ModelBundle stack = ModelBundle.stacked(List.of(logistic, xgboost),
                StackingMetalearner.classification(TaskType.BINARY, new double[] {0.7, 0.5}, new double[] {0.1, -0.1},
                        0.01)).calibrated(Calibration.platt(1.3, -0.2));
        Map<String, Object> doc = BundleWriter.write(stack, dir, BundleLayout.TRAINED_MODEL, Map.of());
        assertEquals("stack", doc.get("kind"));
        ModelBundle back = BundleReader.read(dir, "model_metadata.json").model();
        assertEquals(ModelBundle.Kind.STACK, back.kind());
        assertEquals(Calibration.Kind.PLATT, back.calibration().kind());
        assertEquals("stack of 2 models, calibrated", back.describe());
        assertSamePredictions(stack, back);
    }

    @Test
    void aSingleLinearModelGetsItsOnnxBeside(@TempDir Path dir) throws Exception {
        Map<String, Object> doc = BundleWriter.write(ModelBundle.single(logistic), dir, BundleLayout.TRAINED_MODEL,
                Map.of());
        assertEquals("single", doc.get("kind"));
        assertEquals(OnnxExport.MODEL_FILE, doc.get("onnx"));
        assertTrue(Files.exists(dir.resolve("model_artifact.tribuo")));
        assertSamePredictions(ModelBundle.single(logistic), BundleReader.read(dir, "model_metadata.json").model());
    }

    @Test
    void aChangedArtifactIsRefusedBeforeItIsParsed(@TempDir Path dir) throws Exception {
        BundleWriter.write(ModelBundle.single(xgboost), dir, BundleLayout.TRAINED_MODEL, Map.of());
        Path artifact = dir.resolve("model_artifact.tribuo");
        byte[] bytes = Files.readAllBytes(artifact);
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(artifact, bytes);
        BadInputException e = assertThrows(BadInputException.class,
                () -> BundleReader.read(dir, "model_metadata.json"));
        assertTrue(e.oneLine().contains("changed since it was written: re-export it"), e.oneLine());
        assertTrue(e.oneLine().contains("model_artifact.tribuo"), e.oneLine());
    }

    @Test
    void aChangedPipelineIsRefusedToo(@TempDir Path dir) throws Exception {
        BundleWriter.write(ModelBundle.single(logistic), dir, BundleLayout.EXPERIMENT, Map.of());
        Path pipeline = dir.resolve("preprocessing_pipeline_1.json");
        Files.writeString(pipeline, Files.readString(pipeline).replace("\"x1\"", "\"x9\""));
        BadInputException e = assertThrows(BadInputException.class, () -> BundleReader.read(dir, "final_model.json"));
        assertTrue(e.oneLine().contains("changed since it was written"), e.oneLine());
    }

    @Test
    void aChangedWeightInTheMetadataIsRefused(@TempDir Path dir) throws Exception {
        BundleWriter.write(ensemble(), dir, BundleLayout.TRAINED_MODEL, Map.of("target", "y"));
        Path metadata = dir.resolve("model_metadata.json");
        ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(Files.readString(metadata));
        ObjectNode first = (ObjectNode) doc.get("members").get(0);
        first.put("weight", first.get("weight").asDouble() + 0.1);
        Files.writeString(metadata, Json.pretty(doc));
        BadInputException e = assertThrows(BadInputException.class, () -> BundleReader.read(dir, "model_metadata.json"));
        assertTrue(e.oneLine().contains("model_metadata.json: changed since it was written: re-export it"),
                e.oneLine());
    }

    @Test
    void aChangedCalibrationIsRefused(@TempDir Path dir) throws Exception {
        ModelBundle calibrated = ensemble().calibrated(Calibration.platt(1.3, -0.2));
        BundleWriter.write(calibrated, dir, BundleLayout.EXPERIMENT, Map.of());
        Path metadata = dir.resolve("final_model.json");
        String text = Files.readString(metadata);
        assertTrue(text.contains("1.3"), text);
        Files.writeString(metadata, text.replace("1.3", "1.4"));
        BadInputException e = assertThrows(BadInputException.class, () -> BundleReader.read(dir, "final_model.json"));
        assertTrue(e.oneLine().contains("changed since it was written"), e.oneLine());
    }

    @Test
    void metadataRewrittenWithOtherLayoutOrPeopleFieldsStillReads(@TempDir Path dir) throws Exception {
        BundleWriter.write(ensemble(), dir, BundleLayout.TRAINED_MODEL, Map.of("model_id", "a", "target", "y"));
        Path metadata = dir.resolve("model_metadata.json");
        ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(Files.readString(metadata));
        doc.put("model_id", "renamed"); // what an export does when the folder name is taken
        doc.put("description", "edited by hand");
        Files.writeString(metadata, Json.line(doc)); // one line instead of indented
        assertSamePredictions(ensemble(), BundleReader.read(dir, "model_metadata.json").model());
    }

    @Test
    void metadataOfTheFirstFormatStillReads(@TempDir Path dir) throws Exception {
        // Format 1 of final_model.json named each file and nothing else; format 1 of model_metadata.json named
        // each member's folder, with fixed file names inside it. Neither recorded formats or hashes.
        Path exp = dir.resolve("exp");
        Files.createDirectories(exp);
        BundleWriter.write(ensemble(), exp, BundleLayout.EXPERIMENT, Map.of("target", "y"));
        rewriteAsFirstFormat(exp.resolve("final_model.json"), List.of("path", "artifact_format", "sha256"));
        assertSamePredictions(ensemble(), BundleReader.read(exp, "final_model.json").model());

        Path trained = dir.resolve("trained");
        Files.createDirectories(trained);
        BundleWriter.write(ensemble(), trained, BundleLayout.TRAINED_MODEL, Map.of("target", "y"));
        rewriteAsFirstFormat(trained.resolve("model_metadata.json"),
                List.of("artifact", "pipeline", "artifact_format", "sha256"));
        assertSamePredictions(ensemble(), BundleReader.read(trained, "model_metadata.json").model());
    }

    @Test
    void aMemberPathOutsideTheFolderIsRefused(@TempDir Path dir) throws Exception {
        Path d = dir.resolve("m");
        Files.createDirectories(d);
        BundleWriter.write(ModelBundle.single(logistic), d, BundleLayout.TRAINED_MODEL, Map.of());
        ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(Files.readString(d.resolve("model_metadata.json")));
        ((ObjectNode) doc.get("members").get(0)).put("path", "../../elsewhere");
        doc.remove(MetadataDigest.FIELD); // as a hand-made file would be: the path check is what is under test
        Files.writeString(d.resolve("model_metadata.json"), Json.pretty(doc));
        BadInputException e = assertThrows(BadInputException.class, () -> BundleReader.read(d, "model_metadata.json"));
        assertTrue(e.oneLine().contains("leaves the model folder"), e.oneLine());
    }

    private static void rewriteAsFirstFormat(Path metadata, List<String> dropped) throws Exception {
        ObjectNode doc = (ObjectNode) Json.MAPPER.readTree(Files.readString(metadata));
        doc.put("format", 1);
        doc.remove(MetadataDigest.FIELD);
        for (var m : (ArrayNode) doc.get("members")) dropped.forEach(((ObjectNode) m)::remove);
        Files.writeString(metadata, Json.pretty(doc));
    }
}
