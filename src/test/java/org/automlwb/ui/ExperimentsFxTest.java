package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.automlwb.common.CancelToken;
import org.automlwb.data.CsvLoader;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.experiment.Experiments;
import org.automlwb.ui.load.DataSource;
import org.automlwb.ui.settings.Settings;
import org.automlwb.ui.task.FxTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * After a restart: Results offers the latest saved experiment instead of saying there are none, opens it in plain
 * words, and the Experiments view lists it; all in the real window under Monocle.
 */
@ExtendWith(ApplicationExtension.class)
class ExperimentsFxTest {
    @TempDir
    static Path models;
    @TempDir
    static Path data;
    private final FakeDialogService dialogs = new FakeDialogService();
    private WorkbenchViewModel vm;

    @BeforeAll
    static void aSavedExperiment() throws Exception {
        Path f = data.resolve("flowers.csv");
        Random rng = new Random(2);
        StringBuilder sb = new StringBuilder("petal,sepal,kind\n");
        for (int i = 0; i < 90; i++) {
            int k = i % 2;
            sb.append(String.format(Locale.ROOT, "%.3f,%.3f,%s%n", k * 2 + rng.nextGaussian(), rng.nextGaussian(),
                    k == 0 ? "setosa" : "virginica"));
        }
        Files.writeString(f, sb.toString());
        RunSpec spec = new RunSpec("kind", null, null, null, 2, 1, 5L, "auto", List.of("liblinear"), 3, 10_000, 0,
                false, null);
        Experiments.run(CsvLoader.load(f), null, RunPlan.tribuo(spec), null, models, CancelToken.none());
    }

    @Start
    void start(Stage stage) {
        WorkbenchServices services = new WorkbenchServices(new FxTaskExecutor(2), dialogs,
                new InMemorySettingsStore(Settings.defaults()), DataSource.csv(), List::of);
        vm = WorkbenchShell.show(new Stage(), services, null).viewModel();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void resultsOffersTheLatestAndExperimentsListsIt(FxRobot robot) throws Exception {
        robot.interact(() -> {
            vm.session().modelsRootProperty().set(models);
            vm.stepProperty().set(Step.RESULTS);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.experiments().latestProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("No experiment open", robot.lookup("#results-empty-title").queryAs(Label.class).getText());
        Button latest = robot.lookup("#results-open-latest").queryButton();
        assertTrue(latest.isVisible() && latest.getText().startsWith("Open the latest: "), latest.getText());

        robot.clickOn(latest);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.results().resultsProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();
        String headline = robot.lookup("#results-headline").queryAs(Label.class).getText();
        assertTrue(headline.startsWith("Right for "), headline);
        assertEquals("LIBLINEAR linear model", robot.lookup("#results-title").queryAs(Label.class).getText());
        assertFalse(robot.lookup("#results-leaderboard").queryAs(TableView.class).getItems().isEmpty());

        robot.clickOn("#nav-experiments");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#experiments-table").queryAs(TableView.class);
        assertEquals(1, table.getItems().size());
    }
}
