package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.automlwb.ui.load.DataSource;
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
 * The real window under Monocle, with the real CSV loader and profiler: a file given at start shows its rows
 * in the grid and the first column's profile in the side panel; clicking a cell switches the profile.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchWindowFxTest {
    private final FakeDialogService dialogs = new FakeDialogService();
    private final InMemorySettingsStore store = new InMemorySettingsStore(Settings.defaults());

    @Start
    void start(Stage stage) throws Exception {
        Path csv = Path.of(WorkbenchWindowFxTest.class.getResource("shell-sample.csv").toURI());
        WorkbenchServices services = new WorkbenchServices(new FxTaskExecutor(2), dialogs, store,
                DataSource.csv(), List::of);
        WorkbenchShell.show(ownStage(), services, csv);
    }

    @AfterEach
    void closeWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void showsRowsAndTheSelectedColumnsProfile(FxRobot robot) throws Exception {
        // Loading and profiling run on worker threads; wait for them (not a timing assertion: the bound is generous).
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#data-grid").tryQuery().isPresent() || !dialogs.errors.isEmpty());
        assertTrue(dialogs.errors.isEmpty(), () -> "loading failed: " + dialogs.errors);
        TableView<?> grid = robot.lookup("#data-grid").queryAs(TableView.class);
        assertEquals(6, grid.getItems().size());
        assertEquals(5, grid.getColumns().size(), "row number column + 4 data columns");

        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#profile-column-name").tryQuery().isPresent());
        Label name = robot.lookup("#profile-column-name").queryAs(Label.class);
        assertEquals("id", name.getText());

        TableCell<?, ?> lima = robot.lookup(".table-cell").match(
                (TableCell<?, ?> c) -> "Lima".equals(c.getText())).query();
        robot.clickOn(lima);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("city", robot.lookup("#profile-column-name").queryAs(Label.class).getText());
        assertEquals("Most frequent values", robot.lookup(".chart-title").queryAs(Label.class).getText(),
                "a text column charts its top values");
        assertEquals(List.of(csv().toString()), store.saved.recentFiles());

        // A header click sorts through a row permutation, in the background; the missing price goes last.
        robot.clickOn(robot.lookup(".column-header").match(
                (javafx.scene.control.skin.TableColumnHeader h) -> h.getTableColumn() != null && "price".equals(h.getTableColumn().getText()))
                .queryAs(javafx.scene.control.skin.TableColumnHeader.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> grid.getItems().get(0).equals(2));
        assertEquals(List.of(2, 4, 0, 5, 3, 1), List.copyOf(grid.getItems()));
        assertEquals(1, grid.getSortOrder().size(), "the header keeps showing the sort");
    }

    private static Path csv() throws Exception {
        return Path.of(WorkbenchWindowFxTest.class.getResource("shell-sample.csv").toURI()).toAbsolutePath().normalize();
    }

    /**
     * A fresh window per test: TestFX hands every test the same primary stage, and a hide left over from the
     * previous test's clean-up would close this test's window model (and shut its executor) mid-test.
     */
    private static Stage ownStage() {
        return new Stage();
    }
}
