package org.automlwb.engine.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import org.automlwb.common.Json;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.junit.jupiter.api.Test;

class StackingMetalearnerTest {
    @Test
    void regressionIsInterceptPlusWeightedSum() {
        StackingMetalearner s = StackingMetalearner.regression(new double[] {0.5, 0, 2}, 1, 0.01);
        Predictions out = s.combine(Arrays.asList(Predictions.ofValues(new double[] {2, 4}), null,
                Predictions.ofValues(new double[] {1, -1})));
        assertArrayEquals(new double[] {1 + 1 + 2, 1 + 2 - 2}, out.values(), 1e-12);
        assertArrayEquals(new int[] {0, 2}, s.usedMembers());
    }

    @Test
    void classificationIsSoftmaxOfBiasPlusWeightedLogProbabilities() {
        double[] biases = {0.2, -0.1, 0};
        StackingMetalearner s = StackingMetalearner.classification(TaskType.MULTICLASS, new double[] {2, 0.5}, biases, 1);
        double[][] a = {{0.7, 0.2, 0.1}, {0, 0, 1}};
        double[][] b = {{0.2, 0.3, 0.5}, {0.1, 0.1, 0.8}};
        Predictions out = s.combine(List.of(Predictions.ofProbabilities(a), Predictions.ofProbabilities(b)));
        for (int i = 0; i < 2; i++) {
            double[] expected = new double[3];
            double sum = 0;
            for (int c = 0; c < 3; c++) {
                double clipA = Math.max(1e-15, Math.min(1 - 1e-15, a[i][c]));
                expected[c] = Math.exp(biases[c] + 2 * Math.log(clipA) + 0.5 * Math.log(b[i][c]));
                sum += expected[c];
            }
            for (int c = 0; c < 3; c++) expected[c] /= sum;
            assertArrayEquals(expected, out.probabilities()[i], 1e-12);
            assertEquals(1.0, Arrays.stream(out.probabilities()[i]).sum(), 1e-12);
        }
    }

    @Test
    void binaryStackIsLogisticRegressionOnLogits() {
        StackingMetalearner s = StackingMetalearner.classification(TaskType.BINARY, new double[] {1.5}, new double[] {0, 0.3}, 0);
        double p = 0.8;
        double[] out = s.combine(List.of(Predictions.ofProbabilities(new double[][] {{1 - p, p}}))).probabilities()[0];
        double logit = Math.log(p / (1 - p));
        assertEquals(1 / (1 + Math.exp(-(0.3 + 1.5 * logit))), out[1], 1e-12);
    }

    @Test
    void noUsedMemberPredictsTheBiasesForEveryRow() {
        StackingMetalearner s = StackingMetalearner.classification(TaskType.BINARY, new double[] {0, 0}, new double[] {0, Math.log(3)}, 1);
        assertEquals(0, s.usedMembers().length);
        Predictions out = s.combine(Arrays.asList(null, Predictions.ofProbabilities(new double[][] {{0.5, 0.5}, {1, 0}})));
        assertArrayEquals(new double[] {0.25, 0.75}, out.probabilities()[1], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> s.combine(Arrays.asList(null, null)));
    }

    @Test
    void invalidStacksAndInputsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> StackingMetalearner.regression(new double[] {-0.1}, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> StackingMetalearner.regression(new double[] {Double.NaN}, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> StackingMetalearner.regression(new double[0], 0, 0));
        assertThrows(IllegalArgumentException.class, () -> StackingMetalearner.regression(new double[] {1}, 0, -1));
        assertThrows(IllegalArgumentException.class,
                () -> new StackingMetalearner(TaskType.BINARY, new double[] {1}, new double[] {0, 0, 0}, 0));
        assertThrows(IllegalArgumentException.class,
                () -> StackingMetalearner.classification(TaskType.REGRESSION, new double[] {1}, new double[] {0}, 0));
        StackingMetalearner s = StackingMetalearner.regression(new double[] {1, 1}, 0, 0);
        assertThrows(IllegalArgumentException.class, () -> s.combine(List.of(Predictions.ofValues(new double[1]))));
        assertThrows(IllegalArgumentException.class,
                () -> s.combine(Arrays.asList(Predictions.ofValues(new double[1]), null)), "a used member is missing");
        assertThrows(IllegalArgumentException.class,
                () -> s.combine(List.of(Predictions.ofValues(new double[1]), Predictions.ofValues(new double[2]))));
    }

    @Test
    void arraysAreCopiedInAndOut() {
        double[] w = {1, 2};
        StackingMetalearner s = StackingMetalearner.regression(w, 0, 0);
        w[0] = 99;
        s.weights()[1] = 99;
        assertArrayEquals(new double[] {1, 2}, s.weights());
        assertEquals(StackingMetalearner.regression(new double[] {1, 2}, 0, 0), s);
        assertFalse(s.equals(StackingMetalearner.regression(new double[] {1, 2}, 0, 0.5)));
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        StackingMetalearner s = StackingMetalearner.classification(TaskType.MULTICLASS, new double[] {0.25, 0, 1.5},
                new double[] {0.1, -0.2, 0.1}, 1e-3);
        String json = Json.pretty(s);
        JsonNode tree = Json.MAPPER.readTree(json);
        assertEquals(List.of("biases", "lambda", "task", "weights"), fieldNames(tree), json);
        StackingMetalearner back = Json.MAPPER.readValue(json, StackingMetalearner.class);
        assertEquals(s, back);
        assertTrue(Json.line(back).equals(Json.line(s)));
        StackingMetalearner r = StackingMetalearner.regression(new double[] {0.7, 0.3}, -2.5, 0.1);
        assertEquals(r, Json.MAPPER.readValue(Json.line(r), StackingMetalearner.class));
    }

    static List<String> fieldNames(JsonNode tree) {
        List<String> names = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        names.sort(null);
        return names;
    }
}
