package org.automlwb.export.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.FeaturePipelines;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.NumericPipeline;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.TestAlgorithm;
import org.automlwb.engine.TestData;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.Refitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.regression.slm.LARSLassoTrainer;
import tech.tablesaw.api.Table;

/** The exported ONNX file loads in ONNX Runtime and agrees with Tribuo on rows it has not seen. */
class OnnxExportTest {
    private static final FeaturePipelines PIPELINES =
            FeaturePipelines.of(new NumericPipeline(true), new NumericPipeline(true));

    private static SingleModel fit(Table table, TestAlgorithm algorithm) throws Exception {
        LabelledData data = LabelledData.forTraining(table, "y", null);
        return new Refitter(data, PIPELINES).refit(algorithm, Config.empty(), 5, 1, CancelToken.none(),
                System.nanoTime() + TimeUnit.MINUTES.toNanos(5));
    }

    private static float[][] runOnnx(Path file, float[][] input) throws Exception {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession session = env.createSession(file.toString(), new OrtSession.SessionOptions());
             OnnxTensor x = OnnxTensor.createTensor(env, input);
             OrtSession.Result out = session.run(Map.of(OnnxExport.INPUT_NAME, x))) {
            return (float[][]) out.get(0).getValue();
        }
    }

    @Test
    void logisticRegressionAgreesWithTribuo(@TempDir Path dir) throws Exception {
        SingleModel model = fit(TestData.binary(600, 1), new TestAlgorithm("linear_sgd", true,
                t -> new LogisticRegressionTrainer()));
        assertTrue(OnnxExport.tryWrite(model, dir));
        assertTrue(Files.size(dir.resolve(OnnxExport.MODEL_FILE)) > 0);
        assertTrue(Files.readString(dir.resolve(OnnxExport.DESCRIPTION_FILE)).contains("PREPROCESSED"));

        Table fresh = TestData.binary(300, 2);
        float[][] onnx = runOnnx(dir.resolve(OnnxExport.MODEL_FILE), OnnxExport.input(model, fresh));
        Predictions tribuo = model.predict(fresh);
        List<String> onnxClasses = OnnxExport.outputClasses(model);
        assertEquals(300, onnx.length);
        for (int r = 0; r < onnx.length; r++) {
            for (int c = 0; c < onnxClasses.size(); c++) {
                int ours = model.classNames().indexOf(onnxClasses.get(c));
                assertEquals(tribuo.probabilities()[r][ours], onnx[r][c], 1e-4, "row " + r + " class " + c);
            }
        }
    }

    @Test
    void lassoRegressionAgreesWithTribuo(@TempDir Path dir) throws Exception {
        SingleModel model = fit(TestData.regression(500, 1), new TestAlgorithm("lars_lasso", true,
                t -> new LARSLassoTrainer(10)));
        assertTrue(OnnxExport.tryWrite(model, dir));
        Table fresh = TestData.regression(300, 3);
        float[][] onnx = runOnnx(dir.resolve(OnnxExport.MODEL_FILE), OnnxExport.input(model, fresh));
        double[] tribuo = model.predict(fresh).values();
        assertEquals(300, onnx.length);
        for (int r = 0; r < tribuo.length; r++) {
            assertEquals(tribuo[r], onnx[r][0], 1e-3 * Math.max(1, Math.abs(tribuo[r])), "row " + r);
        }
    }

    @Test
    void treesDoNotExportAndWriteNothing(@TempDir Path dir) throws Exception {
        SingleModel model = fit(TestData.binary(200, 1), new TestAlgorithm("cart", false,
                t -> new CARTClassificationTrainer(4)));
        assertFalse(OnnxExport.tryWrite(model, dir));
        assertFalse(Files.exists(dir.resolve(OnnxExport.MODEL_FILE)));
    }
}
