package org.automlwb.ui.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.automlwb.data.ColumnKind;
import org.automlwb.prep.EncodeStep;
import org.automlwb.prep.Step;
import org.automlwb.prep.TargetEncodeStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The generic step form on steps whose records gained components: each renders, and its choices edit the step. */
@ExtendWith(ApplicationExtension.class)
class StepFormFxTest {
    private final StackPane root = new StackPane();
    private final List<Step> changes = new ArrayList<>();

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(root, 500, 900));
        stage.show();
    }

    private static Map<String, ColumnKind> columns() {
        Map<String, ColumnKind> columns = new LinkedHashMap<>();
        columns.put("city", ColumnKind.TEXT);
        columns.put("age", ColumnKind.DECIMAL);
        columns.put("label", ColumnKind.TEXT);
        return columns;
    }

    private void show(FxRobot robot, Step step) {
        robot.interact(() -> root.getChildren().setAll(new StepForm(step, columns(), "label", changes::add)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void encodeModeIsAChoiceThatSwitchesToCodes(FxRobot robot) {
        show(robot, StepKind.ENCODE.create(columns(), "label"));
        @SuppressWarnings("unchecked")
        ComboBox<Object> mode = robot.lookup("#step-choice-mode").queryAs(ComboBox.class);
        assertEquals(EncodeStep.Mode.ONE_HOT, mode.getValue());
        robot.interact(() -> mode.getSelectionModel().select(EncodeStep.Mode.CODES));
        assertEquals(1, changes.size());
        EncodeStep changed = (EncodeStep) changes.get(0);
        assertEquals(EncodeStep.Mode.CODES, changed.mode());
        assertEquals(EncodeStep.DEFAULT_MAX_LEVELS, changed.maxLevels());
        assertTrue(changed.describe().startsWith("Code every text and boolean column"), changed.describe());
    }

    @Test
    void targetEncodeRendersAndEditsItsSmoothing(FxRobot robot) {
        Step created = StepKind.TARGET_ENCODE.create(columns(), "label");
        assertEquals(TargetEncodeStep.of(List.of()), created);
        show(robot, created);
        assertEquals(2, robot.lookup(".spinner").queryAll().size()); // folds and seed
        TextField smoothing = robot.lookup("#step-field-smoothing").queryAs(TextField.class);
        assertEquals("10", smoothing.getText());
        robot.interact(() -> {
            smoothing.setText("2.5");
            smoothing.fireEvent(new javafx.event.ActionEvent());
        });
        assertEquals(new TargetEncodeStep(List.of(), 2.5, 5, true, 42), changes.get(changes.size() - 1));
        assertEquals("Target encode", StepKind.of(created).title());
    }
}
