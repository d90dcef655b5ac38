package org.automlwb.ui.run;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;

/** The Run view's three live charts, each following one of the view model's lists. */
final class RunCharts {
    private RunCharts() { }

    /** Best score so far against run time, as a step line. */
    static LineChart<Number, Number> bestSoFar(ObservableList<ScorePoint> steps, String metric) {
        LineChart<Number, Number> chart = new LineChart<>(secondsAxis(), scoreAxis(metric));
        prepare(chart, "Best score so far");
        chart.setCreateSymbols(false);
        chart.setLegendVisible(false);
        XYChart.Series<Number, Number> series = new XYChart.Series<>();
        series.setName("best");
        chart.getData().add(series);
        follow(steps, series.getData(), p -> new XYChart.Data<>(p.seconds(), p.score()));
        return chart;
    }

    /** Every trial's score against the time it finished, one colour per algorithm. */
    static ScatterChart<Number, Number> trials(ObservableList<ScorePoint> points, String metric) {
        ScatterChart<Number, Number> chart = new ScatterChart<>(secondsAxis(), scoreAxis(metric));
        prepare(chart, "Every trial");
        Map<String, XYChart.Series<Number, Number>> byAlgorithm = new LinkedHashMap<>();
        Runnable rebuild = () -> {
            byAlgorithm.clear();
            chart.getData().clear();
            add(chart, byAlgorithm, points);
        };
        points.addListener((ListChangeListener<ScorePoint>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) { rebuild.run(); return; }
                if (c.wasAdded()) add(chart, byAlgorithm, c.getAddedSubList());
            }
        });
        rebuild.run();
        return chart;
    }

    /** Lowest, median and highest score per algorithm. */
    static ScatterChart<String, Number> spread(ObservableList<AlgorithmSpread> spreads, String metric) {
        ScatterChart<String, Number> chart = new ScatterChart<>(new CategoryAxis(), scoreAxis(metric));
        prepare(chart, "Score spread per algorithm");
        chart.getStyleClass().add("spread-chart");
        // Fresh series with their data each time (a handful of points): the legend needs a first data node.
        Runnable refresh = () -> chart.getData().setAll(spreads.isEmpty() ? List.of() : List.of(
                named("max", spreads, AlgorithmSpread::max),
                named("median", spreads, AlgorithmSpread::median),
                named("min", spreads, AlgorithmSpread::min)));
        spreads.addListener((ListChangeListener<AlgorithmSpread>) c -> refresh.run());
        refresh.run();
        return chart;
    }

    /** Relabels the score axes once the run's metric is known. */
    static void setMetric(XYChart<?, ?> chart, String metric) {
        chart.getYAxis().setLabel(metric);
    }

    private static void add(ScatterChart<Number, Number> chart, Map<String, XYChart.Series<Number, Number>> byAlgorithm,
                            List<? extends ScorePoint> points) {
        for (ScorePoint p : points) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(p.seconds(), p.score());
            XYChart.Series<Number, Number> s = byAlgorithm.get(p.algorithm());
            if (s != null) {
                s.getData().add(d);
                continue;
            }
            // A series joins the chart with its first point: the legend takes its symbol from the first data node.
            s = new XYChart.Series<>();
            s.setName(p.algorithm());
            s.getData().add(d);
            byAlgorithm.put(p.algorithm(), s);
            chart.getData().add(s);
        }
    }

    private static <T, D> void follow(ObservableList<T> source, ObservableList<D> target, java.util.function.Function<T, D> map) {
        source.addListener((ListChangeListener<T>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) { target.setAll(source.stream().map(map).toList()); return; }
                if (c.wasAdded()) target.addAll(c.getAddedSubList().stream().map(map).toList());
            }
        });
        target.setAll(source.stream().map(map).toList());
    }

    private static XYChart.Series<String, Number> named(String name, List<AlgorithmSpread> spreads,
                                                        java.util.function.ToDoubleFunction<AlgorithmSpread> value) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().setAll(spreads.stream()
                .map(a -> new XYChart.Data<String, Number>(a.algorithm(), value.applyAsDouble(a))).toList());
        return s;
    }

    private static void prepare(XYChart<?, ?> chart, String title) {
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.getStyleClass().add("run-chart");
        chart.setMinSize(200, 160);
    }

    private static NumberAxis secondsAxis() {
        NumberAxis a = new NumberAxis();
        a.setLabel("seconds");
        a.setForceZeroInRange(true);
        return a;
    }

    private static NumberAxis scoreAxis(String metric) {
        NumberAxis a = new NumberAxis();
        a.setLabel(metric);
        a.setForceZeroInRange(false);
        return a;
    }
}
