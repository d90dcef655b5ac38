package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.automlwb.ui.load.DataSource;
import org.automlwb.ui.prepare.PreviewState;
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
 * The real window under Monocle: switching a recipe step off changes the live preview, and an invalid range
 * typed in the Search view shows its message under the field.
 */
@ExtendWith(ApplicationExtension.class)
class PrepareSearchFxTest {
    private final FakeDialogService dialogs = new FakeDialogService();
    private WorkbenchViewModel vm;

    @Start
    void start(Stage stage) throws Exception {
        Path csv = Path.of(PrepareSearchFxTest.class.getResource("shell-sample.csv").toURI());
        WorkbenchServices services = new WorkbenchServices(new FxTaskExecutor(2), dialogs,
                new InMemorySettingsStore(Settings.defaults()), DataSource.csv(), List::of);
        vm = WorkbenchShell.show(ownStage(), services, csv).viewModel();
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    private void awaitTarget() throws Exception {
        // Loading, profiling and task detection run on worker threads; the bound is generous, not a timing test.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.target().taskProperty().get() != null
                || !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.isEmpty(), () -> "loading failed: " + dialogs.errors);
    }

    private static List<String> previewColumns(FxRobot robot) {
        TableView<?> t = robot.lookup("#recipe-preview").queryAs(TableView.class);
        // Read on the FX thread: the preview rebuilds its columns there, and a read from the test thread raced it.
        try {
            return WaitForAsyncUtils.asyncFx(() -> t.getColumns().stream().map(TableColumn::getText).toList())
                    .get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the preview's columns", e);
        }
    }

    @Test
    void theTargetBarShowsTheTaskAndRereadsAColumnAsAnotherType(FxRobot robot) throws Exception {
        awaitTarget();
        assertEquals("sold", vm.session().targetProperty().get());
        assertEquals("Binary classification", robot.lookup("#detected-task").queryAs(Label.class).getText());
        robot.interact(() -> vm.grid().selectedColumnProperty().set("id"));
        javafx.scene.control.ComboBox<org.automlwb.data.ColumnKind> kind =
                robot.lookup("#column-kind").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> kind.getSelectionModel().select(org.automlwb.data.ColumnKind.TEXT));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.load().getData() != null
                && vm.load().getData().kinds().get("id") == org.automlwb.data.ColumnKind.TEXT);
        assertEquals("sold", vm.session().targetProperty().get(), "a re-read keeps the target");
    }

    @Test
    void switchingAStepOffChangesThePreview(FxRobot robot) throws Exception {
        awaitTarget();
        robot.clickOn("#nav-prepare");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> vm.prepare().previewStateProperty().get() == PreviewState.READY);
        assertTrue(previewColumns(robot).contains("price_missing"), () -> "columns: " + previewColumns(robot));

        Node firstSwitch = robot.lookup("#recipe-steps .list-cell .check-box").query();
        robot.clickOn(firstSwitch);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !previewColumns(robot).contains("price_missing")
                && vm.prepare().previewStateProperty().get() == PreviewState.READY);
        assertTrue(((CheckBox) firstSwitch).isVisible());
        assertEquals(1, vm.prepare().items().stream().filter(i -> !i.enabled()).count());
        assertTrue(previewColumns(robot).contains("price"));
    }

    @Test
    void editingAStepsSettingsChangesThePreview(FxRobot robot) throws Exception {
        awaitTarget();
        robot.clickOn("#nav-prepare");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> vm.prepare().previewStateProperty().get() == PreviewState.READY);
        robot.clickOn("1.  Fill missing values");
        // Choose in the combo box itself (its popup list is not reliably clickable under Monocle).
        javafx.scene.control.ComboBox<Object> indicator =
                robot.lookup("#step-choice-indicator").queryAs(javafx.scene.control.ComboBox.class);
        robot.interact(() -> indicator.getSelectionModel().select(
                org.automlwb.prep.ImputeStep.Indicator.NONE));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !previewColumns(robot).contains("price_missing")
                && vm.prepare().previewStateProperty().get() == PreviewState.READY);
        assertTrue(vm.prepare().canUndoProperty().get());
        robot.clickOn("Undo");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> previewColumns(robot).contains("price_missing"));
    }

    @Test
    void anInvalidRangeShowsItsMessage(FxRobot robot) throws Exception {
        awaitTarget();
        robot.clickOn("#nav-search");
        Node xgb = robot.lookup("#algo-xgboost").query();
        robot.interact(() -> {
            for (Node n = xgb; n != null; n = n.getParent()) {
                if (n instanceof TitledPane p) { p.setExpanded(true); break; }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        TextField low = robot.lookup("#xgboost-max_depth-low").queryAs(TextField.class);
        // Set in place: with LightGBM above it, XGBoost's pane may lie below the visible part of the view.
        robot.interact(() -> {
            low.requestFocus();
            low.setText("20");
        });
        Label error = robot.lookup("#xgboost-max_depth-error").queryAs(Label.class);
        assertEquals("Low (20) is above high (12).", error.getText());
        assertTrue(error.isVisible());
        Label problem = robot.lookup("#search-problem").queryAs(Label.class);
        assertEquals("One range needs fixing.", problem.getText());
    }

    /**
     * A fresh window per test: TestFX hands every test the same primary stage, and a hide left over from the
     * previous test's clean-up would close this test's window model (and shut its executor) mid-test.
     */
    private static Stage ownStage() {
        return new Stage();
    }
}
