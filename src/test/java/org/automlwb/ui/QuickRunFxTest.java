package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.automlwb.ui.load.DataSource;
import org.automlwb.ui.load.LoadState;
import org.automlwb.ui.run.RunPhase;
import org.automlwb.ui.search.SearchPreset;
import org.automlwb.ui.settings.Settings;
import org.automlwb.ui.task.FxTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The welcome screen's Quick run under Monocle with the real engine: one click on a sample opens it, takes the
 * catalogue's target, and starts a short run whose leaderboard fills in; a sample whose target cannot be learnt
 * stops on the Data view with the reason instead.
 */
@ExtendWith(ApplicationExtension.class)
class QuickRunFxTest {
    private final FakeDialogService dialogs = new FakeDialogService();
    private WorkbenchViewModel vm;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        // The project's titanic sample beside a generated file whose only class makes it unlearnable.
        dir = Files.createTempDirectory("quick-run");
        Path samples = Files.createDirectories(dir.resolve("sample-data"));
        Files.copy(Path.of("sample-data", "titanic-survival.csv"), samples.resolve("titanic-survival.csv"));
        StringBuilder one = new StringBuilder("x,y\n");
        for (int i = 0; i < 40; i++) one.append(i).append(",same\n");
        Files.writeString(samples.resolve("one-class.csv"), one);
        Files.writeString(samples.resolve(org.automlwb.ui.welcome.SampleFiles.CATALOGUE), """
                {"samples": [
                  {"file": "titanic-survival.csv", "title": "Titanic", "target": "survived", "description": "who survived"},
                  {"file": "one-class.csv", "title": "One class", "target": "y", "description": "nothing to learn"}
                ]}""");
        WorkbenchServices services = new WorkbenchServices(new FxTaskExecutor(2), dialogs,
                new InMemorySettingsStore(Settings.defaults()), DataSource.csv(), () -> List.of(samples));
        vm = WorkbenchShell.show(new Stage(), services, null).viewModel();
        vm.session().modelsRootProperty().set(dir.resolve("models"));
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void oneClickRunsAShortSearchWithALiveLeaderboard(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#sample-run-titanic-survival").tryQuery().isPresent());
        long t0 = System.nanoTime();
        robot.clickOn("#sample-run-titanic-survival");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.run().getPhase() != RunPhase.IDLE || !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.isEmpty(), () -> "quick run failed: " + dialogs.errors);
        assertEquals(Step.RUN, vm.stepProperty().get(), "the Run view shows");
        assertEquals("survived", vm.session().targetProperty().get(), "the catalogue's target");
        assertEquals(SearchPreset.QUICK, vm.search().presetProperty().get());
        assertEquals(Duration.ofSeconds(30), vm.session().runSpec().budget());

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.run().rows().isEmpty() || !vm.run().getPhase().active());
        FrameGaps.record("Monocle, quick run on titanic: first leaderboard row " + (System.nanoTime() - t0) / 1_000_000
                + " ms after the click (open, profile, task detection, first trials)");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> board = robot.lookup("#run-leaderboard").queryAs(TableView.class);
        assertFalse(board.getItems().isEmpty(), "the leaderboard fills in while the run goes");
        assertTrue(vm.run().getPhase().active(), "a 30 s run is still going when its first trials are listed");

        robot.clickOn("#run-stop");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.run().getPhase().active());
        assertEquals(RunPhase.STOPPED, vm.run().getPhase());
        assertTrue(Files.isDirectory(dir.resolve("models/experiments")), "the stopped run was saved");
    }

    @Test
    void aSampleThatCannotBeLearntStopsOnTheDataViewWithTheReason(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#sample-run-one-class").tryQuery().isPresent());
        robot.clickOn("#sample-run-one-class");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !vm.target().problemProperty().get().isEmpty()
                && vm.load().getState() == LoadState.READY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Step.DATA, vm.stepProperty().get());
        assertEquals(RunPhase.IDLE, vm.run().getPhase(), "no run was started");
        assertTrue(vm.target().problemProperty().get().toLowerCase(java.util.Locale.ROOT).contains("one"),
                () -> "says why: " + vm.target().problemProperty().get());
        assertNull(vm.session().lastOutcomeProperty().get());
    }
}
