package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.ui.load.DataSource;
import org.automlwb.ui.load.LoadState;
import org.automlwb.ui.run.RunPhase;
import org.automlwb.ui.settings.Settings;
import org.automlwb.ui.task.FxTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole flow under Monocle with the real engine: open a sample CSV, choose the target through the Session,
 * start a 10 s run from the Run view, see leaderboard rows, then a chart on the Results view. Also records the
 * UI thread's frame gaps while two trial threads are busy (logged, not asserted: timing depends on the machine).
 */
@ExtendWith(ApplicationExtension.class)
class RunFlowFxTest {
    private static final Logger LOG = LoggerFactory.getLogger(RunFlowFxTest.class);
    private final FakeDialogService dialogs = new FakeDialogService();
    private WorkbenchViewModel vm;
    @TempDir
    Path models;

    @Start
    void start(Stage stage) {
        WorkbenchServices services = new WorkbenchServices(new FxTaskExecutor(2), dialogs,
                new InMemorySettingsStore(Settings.defaults()), DataSource.csv(), List::of);
        vm = WorkbenchShell.show(ownStage(), services, Path.of("sample-data", "iris.csv")).viewModel();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void runsOnTheSessionAndShowsLeaderboardAndResults(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.load().getState() == LoadState.READY
                || !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.isEmpty(), () -> "loading failed: " + dialogs.errors);

        // The Data view preselects the suggested target; without one the Run view says what is missing. The
        // suggestion is worked out in the background: wait for it, or it lands after the null below on a busy machine.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.session().targetProperty().get() != null);
        robot.interact(() -> vm.session().targetProperty().set(null));
        robot.clickOn("#nav-run");
        assertTrue(robot.lookup("#run-needs-target").query().isVisible(), "no target yet: the view says so");
        robot.interact(() -> {
            vm.session().targetProperty().set("species");
            vm.session().modelsRootProperty().set(models);
            vm.session().settingsProperty().set(RunSpec.defaults("").withBudget(Duration.ofSeconds(10)).withThreads(2));
        });
        assertFalse(robot.lookup("#run-needs-target").query().isVisible());

        FrameGaps gaps = new FrameGaps();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long[] fxCpu = new long[1];
        long wall0 = System.nanoTime();
        robot.interact(() -> {
            fxCpu[0] = mx.getCurrentThreadCpuTime();
            gaps.start();
        });
        robot.clickOn("#run-start");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.run().getPhase() == RunPhase.RUNNING);
        // Generous bound for a 10 s budget plus the final refit on a busy machine.
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.run().getPhase().active());
        robot.interact(() -> {
            gaps.stop();
            fxCpu[0] = mx.getCurrentThreadCpuTime() - fxCpu[0];
        });
        long wall = System.nanoTime() - wall0;
        LOG.info("Frame gaps during a 10 s run with two trial threads: {}", gaps.summary());
        FrameGaps.record("Monocle, 10 s iris run, 2 trial threads: " + gaps.summary() + ", "
                + vm.run().rows().size() + " trials; UI thread busy " + fxCpu[0] / 1_000_000 + " ms CPU of "
                + wall / 1_000_000 + " ms wall; longest drain " + vm.run().longestDrainNanos() / 1_000 + " µs; load "
                + java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        assertTrue(dialogs.errors.isEmpty(), () -> "run failed: " + dialogs.errors);
        assertTrue(vm.run().getPhase() == RunPhase.FINISHED, () -> "ended " + vm.run().getPhase());

        TableView<?> board = robot.lookup("#run-leaderboard").queryAs(TableView.class);
        assertFalse(board.getItems().isEmpty(), "the live leaderboard has rows");
        assertFalse(vm.run().bestSteps().isEmpty(), "the best-so-far chart has points");

        robot.clickOn("#run-see-results");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#results-roc").tryQuery().isPresent(), "a ROC chart for a classifier");
        assertTrue(robot.lookup("#results-confusion").tryQuery().isPresent());
        assertFalse(robot.lookup("#results-leaderboard").queryAs(TableView.class).getItems().isEmpty());
        assertTrue(Files.list(models).findAny().isPresent(), "the experiment was written");

        // Predict a file from the Results view with the exported model, then open the report.
        Path iris = Path.of("sample-data", "iris.csv").toAbsolutePath();
        Path predictions = models.resolve("iris-predictions.csv");
        dialogs.fileToChoose = iris;
        dialogs.csvToSave = predictions;
        robot.clickOn("#results-predict");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !dialogs.confirmations.isEmpty()
                || !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.isEmpty(), () -> "predict failed: " + dialogs.errors);
        assertEquals(List.of("Predictions saved"), dialogs.confirmations, "the done message offers Open folder");
        assertTrue(dialogs.opened.contains(predictions.toAbsolutePath().getParent()), "and opens it when asked");
        List<String> lines = Files.readAllLines(predictions);
        assertEquals(151, lines.size(), "a header and a line per row");
        assertTrue(lines.get(0).startsWith("sepal_length,"), "the file's own columns first: " + lines.get(0));
        robot.clickOn("#results-open-report");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> dialogs.opened.size() > 1 || !dialogs.errors.isEmpty());
        Path report = dialogs.opened.get(dialogs.opened.size() - 1);
        assertTrue(report.getFileName().toString().equals("report.html"), dialogs.opened.toString());
        assertTrue(Files.exists(report));
    }

    /**
     * A fresh window per test: TestFX hands every test the same primary stage, and a hide left over from the
     * previous test's clean-up would close this test's window model (and shut its executor) mid-test.
     */
    private static Stage ownStage() {
        return new Stage();
    }
}
