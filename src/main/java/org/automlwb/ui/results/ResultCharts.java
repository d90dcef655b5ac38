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

    /**
     * Predicted against actual, with the diagonal where they are equal: points above it are predicted too high.
     * A line chart whose row series shows its points and no line, and whose diagonal shows its line and no points.
     */
    static XYChart<Number, Number> actualVsPredicted(RegressionPoints p) {
        LineChart<Number, Number> chart = new LineChart<>(axis("actual"), axis("predicted"));
        prepare(chart, "Actual vs predicted (validation" + (p.size() == RegressionPoints.LIMIT ? ", sample" : "") + ")");
        chart.setAxisSortingPolicy(LineChart.SortingPolicy.NONE);
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName("rows");
        List<XYChart.Data<Number, Number>> data = new ArrayList<>(p.size());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.size(); i++) {
            data.add(new XYChart.Data<>(p.actual()[i], p.predicted()[i]));
            lo = Math.min(lo, Math.min(p.actual()[i], p.predicted()[i]));
            hi = Math.max(hi, Math.max(p.actual()[i], p.predicted()[i]));
        }
        s.getData().setAll(data);
        XYChart.Series<Number, Number> diagonal = new XYChart.Series<>();
        diagonal.setName("predicted = actual");
        if (lo <= hi) diagonal.getData().setAll(List.of(new XYChart.Data<>(lo, lo), new XYChart.Data<>(hi, hi)));
        chart.getData().add(s);
        chart.getData().add(diagonal);
        // the rows as points only; the diagonal as a thin dashed line only
        s.getNode().setStyle("-fx-stroke: transparent;");
        for (XYChart.Data<Number, Number> d : s.getData()) {
            if (d.getNode() != null) d.getNode().setStyle("-fx-background-radius: 3px; -fx-padding: 2.5px;");
        }
        diagonal.getNode().setStyle("-fx-stroke-width: 1.5px; -fx-stroke-dash-array: 6 4;");
        diagonal.getNode().getStyleClass().add("results-diagonal");
        for (XYChart.Data<Number, Number> d : diagonal.getData()) {
            if (d.getNode() != null) d.getNode().setVisible(false);
        }
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
    static BarChart<Number, String> importance(org.automlwb.engine.FeatureImportance.Result result,
                                               org.automlwb.engine.Metric metric, int top) {
        // "rise in RMSE" for an error, "fall in AUC" for a score: a "drop" in an error would read as better
        NumberAxis x = axis(metric == null ? "worse by" : org.automlwb.export.report.MetricWords.worseBy(metric));
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
