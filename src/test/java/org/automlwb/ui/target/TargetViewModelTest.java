package org.automlwb.ui.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.automlwb.data.ColumnKind;
import org.automlwb.engine.TaskType;
import org.automlwb.ui.QueuedTaskExecutor;
import org.automlwb.ui.TestData;
import org.automlwb.ui.session.Session;
import org.junit.jupiter.api.Test;

class TargetViewModelTest {
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final Session session = new Session();
    private final List<Map<String, ColumnKind>> reloads = new ArrayList<>();
    private final TargetViewModel vm = new TargetViewModel(executor, session, reloads::add);

    private void open() {
        session.dataProperty().set(TestData.small(Path.of("small.csv")));
        session.profileProperty().set(TestData.smallProfile());
        executor.runAll();
    }

    @Test
    void preselectsTheSuggestedTargetAndDetectsTheTaskInTheBackground() {
        session.dataProperty().set(TestData.small(Path.of("small.csv")));
        assertEquals(List.of("price", "city"), vm.columns());
        session.profileProperty().set(TestData.smallProfile());
        assertEquals("city", vm.targetProperty().get());
        assertTrue(vm.detectingProperty().get());
        assertNull(vm.taskProperty().get(), "nothing is known before the job ran");
        executor.runAll();
        assertEquals(TaskType.BINARY, vm.taskProperty().get());
        assertEquals("", vm.problemProperty().get());
    }

    @Test
    void anUnusableTargetIsExplainedInline() {
        open();
        vm.targetProperty().set("price");
        executor.runAll();
        // price has two values 3.5 and 1.25: decimals, so regression; forcing binary works, multiclass too.
        assertEquals(TaskType.REGRESSION, vm.taskProperty().get());
        vm.taskOverrideProperty().set(TaskType.REGRESSION);
        vm.targetProperty().set("city");
        executor.runAll();
        assertNull(vm.taskProperty().get());
        assertTrue(vm.problemProperty().get().startsWith("Regression needs numbers"), vm.problemProperty().get());
        assertEquals(TaskType.BINARY, vm.detectedTaskProperty().get());
    }

    @Test
    void aTypeOverrideReloadsAndIsKeptForTheSameFile() {
        open();
        vm.overrideType("price", ColumnKind.TEXT);
        assertEquals(List.of(Map.of("price", ColumnKind.TEXT)), reloads);
        vm.overrideType("price", ColumnKind.DECIMAL); // what it already is: nothing to do
        session.dataProperty().set(TestData.small(Path.of("small.csv")));
        assertEquals(Map.of("price", ColumnKind.TEXT), vm.typeOverrides());
        session.dataProperty().set(TestData.small(Path.of("other.csv")));
        assertEquals(Map.of(), vm.typeOverrides());
    }
}
