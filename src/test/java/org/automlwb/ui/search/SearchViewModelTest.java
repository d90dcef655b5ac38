package org.automlwb.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.space.RealParam;
import org.automlwb.engine.space.SpaceFile;
import org.automlwb.ui.FakeDialogService;
import org.automlwb.ui.QueuedTaskExecutor;
import org.automlwb.ui.session.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchViewModelTest {
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final Session session = new Session();
    private final SimpleObjectProperty<TaskType> task = new SimpleObjectProperty<>(TaskType.BINARY);
    private final SearchViewModel vm = new SearchViewModel(executor, dialogs, session, task);

    private AlgorithmEditor algo(String id) {
        return vm.algorithms().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }

    private ParamEditor firstReal(AlgorithmEditor a) {
        return a.params().stream().filter(p -> p.declared() instanceof RealParam).findFirst().orElseThrow();
    }

    @Test
    void offersTheTasksAlgorithmsAndMetrics() {
        assertTrue(vm.algorithms().stream().anyMatch(a -> a.id().equals("xgboost")));
        assertEquals(Metric.forTask(TaskType.BINARY), vm.metrics());
        assertEquals(Metric.AUC, vm.metricProperty().get());
        task.set(TaskType.REGRESSION);
        assertEquals(Metric.RMSE, vm.metricProperty().get());
        assertFalse(vm.algorithms().stream().anyMatch(a -> a.id().equals("naive_bayes")), "no NB for regression");
    }

    @Test
    void theTickedEnginesGoIntoTheSessionInOrderAndOneMustBeTicked() {
        EngineChoice tribuo = engine(EngineKind.TRIBUO);
        EngineChoice h2o = engine(EngineKind.H2O);
        assertTrue(tribuo.selectedProperty().get());
        assertFalse(h2o.selectedProperty().get());
        h2o.selectedProperty().set(true);
        assertEquals(List.of(EngineKind.TRIBUO, EngineKind.H2O), session.enginesProperty().get());
        assertEquals(List.of(EngineKind.TRIBUO, EngineKind.H2O), session.runPlan().engines());
        tribuo.selectedProperty().set(false);
        h2o.selectedProperty().set(false);
        assertEquals("Tick at least one engine.", vm.problemProperty().get());
        assertEquals(List.of(EngineKind.H2O), session.enginesProperty().get(), "the last good choice is kept");
    }

    @Test
    void anEngineThatCannotRunHereIsUntickedWithWhy() {
        EngineChoice h2o = engine(EngineKind.H2O);
        h2o.selectedProperty().set(true);
        h2o.markUnavailable("H2O 3.44 does not start on Java 25: run with Java 17");
        assertFalse(h2o.selectedProperty().get());
        assertEquals("H2O 3.44 does not start on Java 25: run with Java 17", h2o.unavailableProperty().get());
        assertEquals(List.of(EngineKind.TRIBUO), session.enginesProperty().get());
    }

    private EngineChoice engine(EngineKind kind) {
        return vm.engines().stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void rangesAreCheckedAsTyped() {
        ParamEditor p = firstReal(algo("xgboost"));
        p.logProperty().set(false);
        p.lowProperty().set("abc");
        assertEquals("Low 'abc' is not a number.", p.errorProperty().get());
        assertFalse(vm.problemProperty().get().isEmpty());
        p.lowProperty().set("5");
        p.highProperty().set("1");
        assertEquals("Low (5) is above high (1).", p.errorProperty().get());
        p.lowProperty().set("0");
        p.logProperty().set(true);
        assertEquals("A log scale needs a low above 0.", p.errorProperty().get());
        p.lowProperty().set("0.5");
        assertTrue(p.isValid());
        assertEquals("", vm.problemProperty().get());

        ParamEditor whole = algo("xgboost").params().stream().filter(ParamEditor::isInteger).findFirst().orElseThrow();
        whole.highProperty().set("2.5");
        assertEquals("High must be a whole number.", whole.errorProperty().get());
    }

    @Test
    void anInvalidRangeKeepsTheLastGoodSettingsInTheSession() {
        RunSpec before = session.settingsProperty().get();
        firstReal(algo("xgboost")).highProperty().set("");
        assertEquals(before, session.settingsProperty().get());
        assertEquals("One range needs fixing.", vm.problemProperty().get());
    }

    @Test
    void presetsSetBudgetAndAlgorithms() {
        vm.applyPreset(SearchPreset.THOROUGH);
        assertEquals(1800, vm.budgetSecondsProperty().get());
        assertTrue(vm.algorithms().stream().allMatch(a -> a.enabledProperty().get()));
        assertEquals(Duration.ofMinutes(30), session.settingsProperty().get().budget());

        vm.applyPreset(SearchPreset.FAST);
        assertEquals(60, vm.budgetSecondsProperty().get());
        assertFalse(algo("random_forest").enabledProperty().get());
        assertTrue(algo("xgboost").enabledProperty().get());
        assertFalse(session.settingsProperty().get().space().isEnabled("random_forest"));

        vm.applyPreset(SearchPreset.QUICK);
        assertEquals(Duration.ofSeconds(30), session.settingsProperty().get().budget());
        assertTrue(algo("xgboost").enabledProperty().get());
        assertFalse(algo("random_forest").enabledProperty().get());
        assertEquals("Quick: 30 s, cheap algorithms", SearchPreset.QUICK.summary());
        assertEquals("Fast: 1 min, cheap algorithms", SearchPreset.FAST.summary());

        vm.applyPreset(SearchPreset.BALANCED);
        assertEquals(SearchPreset.BALANCED, vm.presetProperty().get());
        vm.budgetSecondsProperty().set(120);
        assertEquals(null, vm.presetProperty().get(), "a change by hand leaves the preset");
    }

    @Test
    void runSettingsGoToTheSession() {
        vm.foldsProperty().set(3);
        vm.seedProperty().set(7);
        vm.ensembleProperty().set(false);
        vm.metricProperty().set(Metric.ACCURACY);
        vm.maxTrialsProperty().set(20);
        RunSpec s = session.settingsProperty().get();
        assertEquals(3, s.folds());
        assertEquals(7, s.seed());
        assertFalse(s.ensemble());
        assertEquals(Metric.ACCURACY, s.metric());
        assertEquals(20, s.maxTrials());
        vm.budgetSecondsProperty().set(0);
        assertEquals(null, session.settingsProperty().get().budget());
        vm.maxTrialsProperty().set(0);
        assertEquals("Set a time budget or a number of trials.", vm.problemProperty().get());
    }

    @Test
    void spaceFileRoundTripsThroughJson(@TempDir Path dir) throws Exception {
        algo("knn").enabledProperty().set(false);
        ParamEditor p = firstReal(algo("xgboost"));
        p.lowProperty().set("0.02");
        p.highProperty().set("0.2");
        SpaceFile edited = vm.spaceFile().orElseThrow();

        Path file = dir.resolve("space.json");
        dialogs.jsonToSave = file;
        vm.save();
        executor.runAll();
        assertEquals(edited, SpaceFile.parse(Files.readString(file)));

        Session other = new Session();
        SearchViewModel fresh = new SearchViewModel(executor, dialogs, other, new SimpleObjectProperty<>(TaskType.BINARY));
        dialogs.jsonToOpen = file;
        fresh.open();
        executor.runAll();
        assertEquals(edited, fresh.spaceFile().orElseThrow());
        assertEquals(edited, other.settingsProperty().get().space());
    }
}
