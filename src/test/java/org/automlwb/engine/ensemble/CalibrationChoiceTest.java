package org.automlwb.engine.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.automlwb.common.Json;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.Targets;
import org.junit.jupiter.api.Test;

class CalibrationChoiceTest {
    @Test
    void calibratedPredictionsAreLeftAlone() {
        CalibrationTest.Binary b = CalibrationTest.Binary.draw(4000, 1);
        CalibrationChoice binary = CalibrationChoice.choose(TaskType.BINARY, Metric.LOGLOSS, b.targets(),
                b.distorted(1, 0), 5, 1);
        assertFalse(binary.helps(), binary::toString);
        assertEquals(Calibration.identity(), binary.calibration());
        assertTrue(binary.calibrated() >= binary.uncalibrated() - CalibrationChoice.MIN_IMPROVEMENT);

        CalibrationTest.Multi m = CalibrationTest.Multi.draw(4000, 4, 2);
        CalibrationChoice multi = CalibrationChoice.choose(TaskType.MULTICLASS, Metric.LOGLOSS, m.targets(),
                m.withSharpness(1), 5, 2);
        assertFalse(multi.helps(), multi::toString);
    }

    @Test
    void miscalibratedPredictionsAreCalibrated() {
        CalibrationTest.Binary b = CalibrationTest.Binary.draw(4000, 3);
        CalibrationChoice binary = CalibrationChoice.choose(TaskType.BINARY, Metric.LOGLOSS, b.targets(),
                b.distorted(0.4, 0.5), 5, 3);
        assertTrue(binary.helps(), binary::toString);
        assertEquals(Calibration.Kind.PLATT, binary.calibration().kind());
        assertTrue(binary.calibrated() < binary.uncalibrated() - 0.01);
        assertEquals(Calibration.fit(TaskType.BINARY, b.targets(), b.distorted(0.4, 0.5)), binary.calibration(),
                "the calibration to use is the one fitted on every row");

        CalibrationTest.Multi m = CalibrationTest.Multi.draw(4000, 4, 4);
        CalibrationChoice multi = CalibrationChoice.choose(TaskType.MULTICLASS, Metric.LOGLOSS, m.targets(),
                m.withSharpness(2), 5, 4);
        assertTrue(multi.helps(), multi::toString);
        assertEquals(2, multi.calibration().temperature(), 0.15);
    }

    @Test
    void metricsThatCalibrationCannotChangeNeverChooseIt() {
        CalibrationTest.Binary b = CalibrationTest.Binary.draw(3000, 5);
        CalibrationChoice auc = CalibrationChoice.choose(TaskType.BINARY, Metric.AUC, b.targets(), b.distorted(0.3, 0), 5, 5);
        assertFalse(auc.helps());
        assertEquals(auc.uncalibrated(), auc.calibrated(), 0.0);
        // temperature never changes the most probable class, so never accuracy
        CalibrationTest.Multi m = CalibrationTest.Multi.draw(3000, 3, 6);
        CalibrationChoice accuracy = CalibrationChoice.choose(TaskType.MULTICLASS, Metric.ACCURACY, m.targets(),
                m.withSharpness(3), 5, 6);
        assertFalse(accuracy.helps());
        assertEquals(accuracy.uncalibrated(), accuracy.calibrated(), 0.0);
    }

    @Test
    void regressionIsNeverCalibrated() {
        Targets t = Targets.regression(new double[] {1, 2, 3});
        CalibrationChoice c = CalibrationChoice.choose(TaskType.REGRESSION, Metric.RMSE, t,
                Predictions.ofValues(new double[] {1, 2, 4}), 5, 1);
        assertFalse(c.helps());
        assertThrows(IllegalArgumentException.class, () -> CalibrationChoice.choose(TaskType.REGRESSION, Metric.LOGLOSS, t,
                Predictions.ofValues(new double[3]), 5, 1));
    }

    @Test
    void deterministicAndRoundTripsThroughJson() throws Exception {
        CalibrationTest.Multi m = CalibrationTest.Multi.draw(2000, 3, 7);
        CalibrationChoice a = CalibrationChoice.choose(TaskType.MULTICLASS, Metric.LOGLOSS, m.targets(), m.withSharpness(0.5), 5, 7);
        CalibrationChoice b = CalibrationChoice.choose(TaskType.MULTICLASS, Metric.LOGLOSS, m.targets(), m.withSharpness(0.5), 5, 7);
        assertEquals(a, b);
        String json = Json.line(a);
        assertEquals(List.of("calibrated", "calibration", "metric", "uncalibrated"),
                StackingMetalearnerTest.fieldNames(Json.MAPPER.readTree(json)), json);
        assertEquals(a, Json.MAPPER.readValue(json, CalibrationChoice.class));
    }
}
