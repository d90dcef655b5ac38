package org.automlwb.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import org.automlwb.engine.FeatureImportance;
import org.automlwb.engine.Metric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The Results view's charts say what they show: the diagonal of a perfect model, which way is worse. */
class ResultChartsFxTest {
    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void actualVsPredictedDrawsTheDiagonalOverTheRowsWholeRange() throws Exception {
        List<Object> found = fx(() -> {
            XYChart<Number, Number> chart = ResultCharts.actualVsPredicted(
                    new RegressionPoints(new double[] {1, 5, 3}, new double[] {2, 4, 7}));
            XYChart.Series<Number, Number> diagonal = chart.getData().get(1);
            return List.of(chart.getData().size(), chart.getData().get(0).getData().size(),
                    diagonal.getData().get(0).getXValue(), diagonal.getData().get(0).getYValue(),
                    diagonal.getData().get(1).getXValue(), diagonal.getData().get(1).getYValue());
        });
        assertEquals(List.of(2, 3, 1.0, 1.0, 7.0, 7.0), found, "the rows, then predicted = actual from 1 to 7");
    }

    @Test
    void importanceForAnErrorMetricIsARise() throws Exception {
        FeatureImportance.Result r = new FeatureImportance.Result(
                List.of(new FeatureImportance.Importance("age", 0.4, 0.1)), 100, 3, true);
        assertEquals("worse by (rise in RMSE)",
                fx(() -> ((NumberAxis) ResultCharts.importance(r, Metric.RMSE, 15).getXAxis()).getLabel()));
        assertEquals("worse by (fall in AUC)",
                fx(() -> ((NumberAxis) ResultCharts.importance(r, Metric.AUC, 15).getXAxis()).getLabel()));
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }
}
