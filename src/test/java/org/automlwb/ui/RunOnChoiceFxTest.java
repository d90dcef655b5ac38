package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.automlwb.ui.load.DataSource;
import org.automlwb.ui.load.LoadState;
import org.automlwb.ui.run.RunOn;
import org.automlwb.ui.run.RunPhase;
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
 * The Run view's "Run on" choice under Monocle: this computer by default, Spark cluster on request, and a Spark run
 * started before Spark is set up in Settings ends in one clear line (through the real Spark launcher), not a hang.
 */
@ExtendWith(ApplicationExtension.class)
class RunOnChoiceFxTest {
    private final FakeDialogService dialogs = new FakeDialogService();
    private WorkbenchViewModel vm;

    @Start
    void start(Stage stage) {
        WorkbenchServices services = new WorkbenchServices(new FxTaskExecutor(2), dialogs,
                new InMemorySettingsStore(Settings.defaults()), DataSource.csv(), List::of);
        vm = WorkbenchShell.show(stage, services, Path.of("sample-data", "iris.csv")).viewModel();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void aSparkRunWithoutSparkSettingsSaysWhatToSetUp(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.load().getState() == LoadState.READY);
        robot.interact(() -> vm.session().targetProperty().set("species"));
        robot.clickOn("#nav-run");
        @SuppressWarnings("unchecked")
        ChoiceBox<RunOn> runOn = robot.lookup("#run-on").queryAs(ChoiceBox.class);
        assertEquals(List.of(RunOn.THIS_COMPUTER, RunOn.SPARK_CLUSTER), runOn.getItems());
        assertEquals(RunOn.THIS_COMPUTER, runOn.getValue(), "runs stay on this computer unless asked");

        robot.interact(() -> runOn.setValue(RunOn.SPARK_CLUSTER));
        assertEquals(RunOn.SPARK_CLUSTER, vm.run().runOnProperty().get());
        robot.clickOn("#run-start");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !dialogs.errors.isEmpty());

        assertEquals(RunPhase.FAILED, vm.run().getPhase());
        String line = dialogs.errors.get(0).details();
        assertTrue(line.startsWith("no Spark home is set") && !line.contains("\n"), line);
        assertTrue(!runOn.isDisabled(), "the choice is free again once the run ended");
    }
}
