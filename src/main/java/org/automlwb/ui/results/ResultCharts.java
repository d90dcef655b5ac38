package org.automlwb.ui.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.automlwb.ui.Fmt;

/** Builds the Results view's charts from view-model data. */
final class ResultCharts {
    private ResultCharts() { }

    /** True class by row, predicted class by column; a cell's shade is its share of its row. */
    static VBox confusion(ConfusionMatrix m) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("confusion");
        grid.setHgap(2);
        grid.setVgap(2);
        int k = m.counts().length;
        for (int j = 0; j < k; j++) {
            Label h = new Label(name(m, j));
            h.getStyleClass().add("confusion-header");
            GridPane.setHalignment(h, HPos.CENTER);
            grid.add(h, j + 1, 0);
        }
        for (int i = 0; i < k; i++) {
            Label rowName = new Label(name(m, i));
            rowName.getStyleClass().add("confusion-header");
            grid.add(rowName, 0, i + 1);
            int total = m.rowTotal(i);
            for (int j = 0; j < k; j++) {
                Region shade = new Region();
                shade.getStyleClass().addAll("heat", i == j ? "heat-right" : "heat-wrong");
                // Colour from CSS; only the intensity is data.
                shade.setOpacity(total == 0 ? 0 : 0.1 + 0.9 * m.counts()[i][j] / (double) total);
                Label count = new Label(Fmt.count(m.counts()[i][j]));
                count.getStyleClass().add("heat-count");
                StackPane cell = new StackPane(shade, count);
                cell.getStyleClass().add("heat-cell");
                cell.setMinSize(44, 30);
                grid.add(cell, j + 1, i + 1);
            }
        }
        Label title = new Label("Confusion matrix (validation) · rows: true class, columns: predicted · accuracy "
                + Fmt.percent(100 * m.accuracy()));
        title.getStyleClass().add("chart-heading");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // a second line rather than a cut one
        VBox box = new VBox(6, title, grid);
        box.setId("results-confusion");
        box.setAlignment(Pos.TOP_LEFT);
        return box;
    }

    /** ROC curves with the chance diagonal. */
    static LineChart<Number, Number> roc(List<Curve> curves) {
        LineChart<Number, Number> chart = curveChart("ROC (validation)", "false positive rate", "true positive rate");
        chart.getData().add(series("chance", new double[] {0, 1}, new double[] {0, 1}));
        for (Curve c : curves) chart.getData().add(series(c.name() + " · AUC " + fmt(c.area()), c.x(), c.y()));
        chart.setId("results-roc");
        chart.getStyleClass().add("roc-chart"); // series 0 is the chance line, drawn muted and dashed
        return chart;
    }

    /** Precision-recall curves. */
    static LineChart<Number, Number> precisionRecall(List<Curve> curves) {
        LineChart<Number, Number> chart = curveChart("Precision-recall (validation)", "recall", "precision");
        for (Curve c : curves) chart.getData().add(series(c.name() + " · AP " + fmt(c.area()), c.x(), c.y()));
        chart.setId("results-pr");
        return chart;
    }

    /** Predicted against actual, with the line where they are equal. */
    static XYChart<Number, Number> actualVsPredicted(RegressionPoints p) {
        ScatterChart<Number, Number> chart = new ScatterChart<>(axis("actual"), axis("predicted"));
        prepare(chart, "Actual vs predicted (validation" + (p.size() == RegressionPoints.LIMIT ? ", sample" : "") + ")");
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName("rows");
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(p.size());
        for (int i = 0; i < p.size(); i++) data.add(new XYChart.Data<>(p.actual()[i], p.predicted()[i]));
        s.getData().setAll(data);
        chart.getData().add(s);
        chart.setLegendVisible(false);
        chart.setId("results-actual-predicted");
        return chart;
    }

    /** Residual (actual − predicted) against predicted. */
    static XYChart<Number, Number> residuals(RegressionPoints p) {
        ScatterChart<Number, Number> chart = new ScatterChart<>(axis("predicted"), axis("residual"));
        prepare(chart, "Residuals (validation)");
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName("rows");
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(p.size());
        for (int i = 0; i < p.size(); i++) data.add(new XYChart.Data<>(p.predicted()[i], p.residual(i)));
        s.getData().setAll(data);
        chart.getData().add(s);
        chart.setLegendVisible(false);
        chart.setId("results-residuals");
        return chart;
    }

    private static String name(ConfusionMatrix m, int i) {
        return i < m.classes().size() ? m.classes().get(i) : "class " + i;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static LineChart<Number, Number> curveChart(String title, String x, String y) {
        NumberAxis xa = new NumberAxis(0, 1, 0.2);
        xa.setLabel(x);
        NumberAxis ya = new NumberAxis(0, 1, 0.2);
        ya.setLabel(y);
        LineChart<Number, Number> chart = new LineChart<>(xa, ya);
        prepare(chart, title);
        chart.setCreateSymbols(false);
        return chart;
    }

    private static XYChart.Series<Number, Number> series(String name, double[] x, double[] y) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(x.length);
        for (int i = 0; i < x.length; i++) data.add(new XYChart.Data<>(x[i], y[i]));
        s.getData().setAll(data);
        return s;
    }

    /** The columns the model relies on most, as horizontal bars (largest at the top). */
    static BarChart<Number, String> importance(org.automlwb.engine.FeatureImportance.Result result, int top) {
        NumberAxis x = axis("worse by (drop in the metric)");
        x.setForceZeroInRange(true);
        CategoryAxis y = new CategoryAxis();
        BarChart<Number, String> chart = new BarChart<>(x, y);
        prepare(chart, "Feature importance");
        chart.setLegendVisible(false);
        XYChart.Series<Number, String> s = new XYChart.Series<>();
        List<org.automlwb.engine.FeatureImportance.Importance> shown =
                result.importances().stream().limit(top).toList();
        for (int i = shown.size() - 1; i >= 0; i--) {
            s.getData().add(new XYChart.Data<>(shown.get(i).drop(), shown.get(i).column()));
        }
        chart.getData().add(s);
        chart.setMinHeight(Math.max(220, 40 + 26 * shown.size()));
        return chart;
    }

    private static void prepare(XYChart<?, ?> chart, String title) {
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.getStyleClass().add("results-chart");
        chart.setMinSize(200, 220);
    }

    private static NumberAxis axis(String label) {
        NumberAxis a = new NumberAxis();
        a.setLabel(label);
        a.setForceZeroInRange(false);
        return a;
    }
}
