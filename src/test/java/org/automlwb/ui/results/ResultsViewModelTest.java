package org.automlwb.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.export.ExperimentFolder;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.ui.run.LeaderRow;
import org.automlwb.ui.run.Trials;
import org.junit.jupiter.api.Test;

class ResultsViewModelTest {
    @Test
    void aClassificationOutcomeGivesMetricsLeaderboardConfusionAndCurves() {
        List<TrialResult> board = List.of(Trials.ok(1, "cart", 0.7), Trials.ok(2, "xgboost", 0.9));
        RunSummary s = new RunSummary(RunSummary.Outcome.BUDGET_USED, TaskType.BINARY, Metric.ACCURACY, 2,
                board.get(1), Map.of("accuracy", 0.9, "auc", 0.95), Map.of("accuracy", 0.85), 10, "budget used");
        Targets truth = Targets.classes(new int[] {0, 1, 1, 0}, List.of("no", "yes"));
        Predictions pred = Predictions.ofProbabilities(new double[][] {{0.9, 0.1}, {0.2, 0.8}, {0.6, 0.4}, {0.7, 0.3}});
        ExperimentOutcome o = new ExperimentOutcome(new ExperimentFolder("e1", Path.of("models", "e1")),
                new RunResult(s, board, null, Map.of(), null, null, null, truth, pred, null, null));

        ResultsViewModel vm = new ResultsViewModel();
        assertNull(vm.resultsProperty().get());
        vm.outcomeProperty().set(o);
        ResultsViewModel.Results r = vm.resultsProperty().get();
        assertEquals("XGBoost", r.title(), "the name a person reads, settings behind Details");
        assertEquals(new MetricRow("accuracy", 0.9, 0.85), r.metrics().stream()
                .filter(m -> m.metric().equals("accuracy")).findFirst().orElseThrow());
        assertTrue(Double.isNaN(r.metrics().stream().filter(m -> m.metric().equals("auc")).findFirst()
                .orElseThrow().right()), "no test AUC");
        assertEquals(List.of(2, 1), vm.rows().stream().map(LeaderRow::trialId).toList());
        assertEquals(3, r.confusion().accuracy() * 4, 1e-12);
        assertEquals(1, r.roc().size());
        assertEquals(1, r.pr().size());
        assertNull(r.regression());

        // The two best entries are compared until the user picks others.
        assertEquals(List.of(new MetricRow("accuracy", 0.9, 0.7)), List.copyOf(vm.comparison()));
        vm.rightProperty().set(null);
        assertTrue(vm.comparison().isEmpty());
    }

    @Test
    void theFolderIsShownWholeAndOpenedOrCopiedWithItsPathAlwaysSaid() throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory("results-folder");
        java.nio.file.Files.writeString(dir.resolve("report.html"), "<html></html>");
        RunSummary s = new RunSummary(RunSummary.Outcome.MAX_TRIALS, TaskType.REGRESSION, Metric.RMSE, 0, null,
                Map.of("rmse", 1.0), Map.of(), 1, "done");
        ExperimentOutcome o = new ExperimentOutcome(new ExperimentFolder(dir.getFileName().toString(), dir),
                new RunResult(s, List.of(), null, Map.of(), null, null, null, null, null, null, null));
        org.automlwb.ui.FakeDialogService dialogs = new org.automlwb.ui.FakeDialogService();
        ResultsViewModel vm = new ResultsViewModel(null, dialogs);
        assertEquals("", vm.folderProperty().get());
        vm.outcomeProperty().set(o);
        String where = dir.toAbsolutePath().normalize().toString();
        assertEquals(where, vm.folderProperty().get());

        vm.openFolder();
        assertEquals(List.of(dir.toAbsolutePath().normalize()), dialogs.opened);
        assertTrue(vm.openedProperty().get().contains(where), vm.openedProperty().get());
        vm.copyPath();
        assertEquals(List.of(where), dialogs.copied);
        // A desktop without a browser opens nothing and says nothing: the report's path is shown all the same.
        vm.openReport();
        assertEquals(dir.toAbsolutePath().normalize().resolve("report.html"), dialogs.opened.get(1));
        assertTrue(vm.openedProperty().get().contains(where + java.io.File.separator + "report.html"),
                vm.openedProperty().get());
        vm.outcomeProperty().set(null);
        assertEquals("", vm.folderProperty().get());
        assertEquals("", vm.openedProperty().get());
    }

    @Test
    void aRegressionOutcomeGivesPointsAndNoClassificationCharts() {
        RunSummary s = new RunSummary(RunSummary.Outcome.MAX_TRIALS, TaskType.REGRESSION, Metric.RMSE, 0, null,
                Map.of("rmse", 1.0), Map.of(), 1, "done");
        ExperimentOutcome o = new ExperimentOutcome(new ExperimentFolder("e2", Path.of("e2")),
                new RunResult(s, List.of(), null, Map.of(), null, null, null,
                        Targets.regression(new double[] {1, 2, 3}), Predictions.ofValues(new double[] {1.5, 2, 2}), null, null));
        ResultsViewModel.Results r = ResultsViewModel.of(o);
        assertNotNull(r.regression());
        assertEquals(3, r.regression().size());
        assertNull(r.confusion());
        assertTrue(r.roc().isEmpty());
    }
}
