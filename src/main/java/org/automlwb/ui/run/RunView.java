package org.automlwb.ui.run;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.layout.ColumnConstraints;
import org.automlwb.ui.Css;
import org.automlwb.ui.task.FxThrottle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The Run step: Start/Stop, progress against the budget, live leaderboard, three live charts and the log.
 * Engine events are applied by {@link RunViewModel#drain()} at most ten times a second.
 */
public final class RunView extends StackPane {
    private static final long DRAIN_MILLIS = 100;
    private static final KeyCombination START = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination STOP = new KeyCodeCombination(KeyCode.PERIOD, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination ESCAPE = new KeyCodeCombination(KeyCode.ESCAPE);

    /**
     * @param goToData   shows the Data step (when no target is chosen yet)
     * @param goToResult shows the Results step
     */
    public RunView(RunViewModel vm, Runnable goToData, Runnable goToResult) {
        setId("run-view");
        getStylesheets().add(Css.stylesheet("run.css"));
        BorderPane main = new BorderPane();
        main.setTop(toolbar(vm, goToResult));
        main.setCenter(body(vm));
        VBox needsTarget = needsTarget(goToData);
        needsTarget.visibleProperty().bind(vm.needsTargetBinding().and(
                Bindings.createBooleanBinding(() -> !vm.getPhase().active(), vm.phaseProperty())));
        main.visibleProperty().bind(needsTarget.visibleProperty().not());
        getChildren().addAll(main, needsTarget);

        FxThrottle drain = new FxThrottle(DRAIN_MILLIS, vm::drain);
        vm.phaseProperty().addListener((obs, o, p) -> {
            if (p.active() && !(o != null && o.active())) drain.setRunning(true);
            else if (!p.active()) drain.stop();
        });
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) old.getAccelerators().keySet().removeAll(java.util.List.of(START, STOP, ESCAPE));
            if (scene != null) installShortcuts(scene, vm);
        });
    }

    private static void installShortcuts(Scene scene, RunViewModel vm) {
        scene.getAccelerators().put(START, vm::start);
        scene.getAccelerators().put(STOP, vm::stop);
        scene.getAccelerators().put(ESCAPE, vm::stop);
    }

    private static HBox toolbar(RunViewModel vm, Runnable goToResult) {
        // Where the run goes: a Spark cluster runs it through spark-submit (File › Settings…), followed live here
        javafx.scene.control.ChoiceBox<RunOn> runOn = new javafx.scene.control.ChoiceBox<>();
        runOn.setId("run-on");
        runOn.getItems().setAll(RunOn.values());
        runOn.valueProperty().bindBidirectional(vm.runOnProperty());
        runOn.setTooltip(new Tooltip("Run on this computer, or on the Spark cluster set in File › Settings…"));
        runOn.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.getPhase().active(), vm.phaseProperty()));
        // Compact, and never squeezed to "..." by a busy toolbar: the bar gives way instead (below)
        runOn.setPrefWidth(135);
        runOn.setMinWidth(Region.USE_PREF_SIZE);
        Label runOnLabel = new Label("Run on");
        runOnLabel.setMinWidth(Region.USE_PREF_SIZE);
        Button start = new Button("Start", new FontIcon(MaterialDesignP.PLAY));
        start.setId("run-start");
        start.getStyleClass().add(Styles.ACCENT);
        start.setTooltip(new Tooltip("Start a run (Ctrl+R)"));
        start.setOnAction(e -> vm.start());
        start.disableProperty().bind(Bindings.createBooleanBinding(
                () -> !vm.getPhase().canStart() || vm.needsTargetBinding().get(), vm.phaseProperty(),
                vm.needsTargetBinding()));
        Button stop = new Button("Stop", new FontIcon(MaterialDesignS.STOP));
        stop.setId("run-stop");
        stop.getStyleClass().add(Styles.DANGER);
        stop.setTooltip(new Tooltip("Stop searching and keep the best model (Ctrl+. or Esc)"));
        stop.setOnAction(e -> vm.stop());
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> !vm.getPhase().canStop(), vm.phaseProperty()));
        Button results = new Button("See results");
        results.setId("run-see-results");
        results.setOnAction(e -> goToResult.run());
        results.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> vm.getPhase() == RunPhase.FINISHED || vm.getPhase() == RunPhase.STOPPED, vm.phaseProperty()));
        results.managedProperty().bind(results.visibleProperty());
        for (Button b : java.util.List.of(start, stop, results)) b.setMinWidth(Region.USE_PREF_SIZE);

        ProgressBar bar = new ProgressBar();
        bar.setId("run-progress");
        bar.progressProperty().bind(vm.progressProperty());
        bar.setPrefWidth(260);
        bar.setMinWidth(80); // the first thing to give way when the toolbar is full, so "See results" stays in view
        Label elapsed = bound(vm.elapsedProperty(), "run-elapsed");
        Label remaining = bound(vm.remainingProperty(), "run-remaining");
        Label trials = bound(vm.trialsProperty(), "run-trials");
        Label best = bound(vm.bestProperty(), "run-best");
        best.getStyleClass().add(Styles.TEXT_BOLD);
        // A long best line ("Log loss 0.0523 · trial 41 Logistic regression ...") gives way before the buttons do:
        // cut with "..." when the toolbar is full, whole in its tooltip
        best.setMinWidth(160);
        Tooltip bestWhole = new Tooltip();
        bestWhole.textProperty().bind(vm.bestProperty());
        best.setTooltip(bestWhole);
        Label stage = bound(vm.stageProperty(), "run-stage");
        stage.getStyleClass().add(Styles.TEXT_MUTED);
        stage.setMinWidth(0);
        HBox.setHgrow(stage, Priority.ALWAYS);
        stage.setMaxWidth(Double.MAX_VALUE);
        // The bar is narrow: the whole line (the best model, where it was saved) is in the tooltip.
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(vm.stageProperty());
        whole.setWrapText(true);
        whole.setMaxWidth(600);
        stage.setTooltip(whole);
        HBox top = new HBox(10, runOnLabel, runOn, start, stop, bar, elapsed, remaining, trials, best, stage, results);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("run-toolbar");
        return top;
    }

    private static Label bound(javafx.beans.property.StringProperty text, String id) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static SplitPane body(RunViewModel vm) {
        String metric = vm.metricName();
        XYChart<?, ?> best = RunCharts.bestSoFar(vm.bestSteps(), metric);
        best.setId("run-best-chart");
        XYChart<?, ?> trials = RunCharts.trials(vm.trialPoints(), metric);
        trials.setId("run-trials-chart");
        XYChart<?, ?> spread = RunCharts.spread(vm.spreads(), metric);
        spread.setId("run-spread-chart");
        vm.metricProperty().addListener((obs, o, m) -> {
            for (XYChart<?, ?> c : java.util.List.of(best, trials, spread)) RunCharts.setMetric(c, vm.metricName());
        });
        GridPane charts = new GridPane();
        charts.getStyleClass().add("run-charts");
        for (int i = 0; i < 3; i++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100 / 3.0);
            cc.setHgrow(Priority.ALWAYS);
            charts.getColumnConstraints().add(cc);
        }
        charts.addRow(0, best, trials, spread);

        LeaderboardTable table = new LeaderboardTable(vm.rows(), "Score");
        table.setId("run-leaderboard");
        ListView<String> log = new ListView<>(vm.log());
        log.setId("run-log");
        log.getStyleClass().add("run-log");
        log.setFixedCellSize(20);
        // Follow the newest line while the run goes.
        vm.log().addListener((javafx.collections.ListChangeListener<String>) c -> {
            if (!vm.log().isEmpty()) log.scrollTo(vm.log().size() - 1);
        });
        SplitPane bottom = new SplitPane(table, log);
        bottom.setDividerPositions(0.68);
        SplitPane split = new SplitPane(charts, bottom);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.42);
        split.setPadding(new Insets(0, 8, 8, 8));
        return split;
    }

    private static VBox needsTarget(Runnable goToData) {
        FontIcon icon = new FontIcon(MaterialDesignP.PLAY_CIRCLE_OUTLINE);
        icon.getStyleClass().add(Css.EMPTY_ICON);
        Label title = new Label("Nothing to run yet");
        title.getStyleClass().add(Styles.TITLE_3);
        Label why = new Label("Open a CSV file and choose the column to predict in Data, then come back here.");
        Button go = new Button("Go to Data");
        go.setId("run-go-to-data");
        go.getStyleClass().add(Styles.ACCENT);
        go.setOnAction(e -> goToData.run());
        VBox box = new VBox(10, icon, title, why, go);
        box.setId("run-needs-target");
        box.getStyleClass().add(Css.EMPTY_STATE);
        box.setAlignment(Pos.CENTER);
        return box;
    }
}
