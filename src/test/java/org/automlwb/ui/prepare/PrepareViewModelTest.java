package org.automlwb.ui.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.CsvDialect;
import org.automlwb.data.LoadedData;
import org.automlwb.prep.DropStep;
import org.automlwb.prep.EncodeStep;
import org.automlwb.prep.ImputeStep;
import org.automlwb.prep.Recipe;
import org.automlwb.prep.ScaleStep;
import org.automlwb.ui.FakeDialogService;
import org.automlwb.ui.QueuedTaskExecutor;
import org.automlwb.ui.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class PrepareViewModelTest {
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final Session session = new Session();
    private final List<Runnable> debounced = new ArrayList<>();
    private PrepareViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new PrepareViewModel(executor, dialogs, session, debounced::add);
        session.dataProperty().set(data(3000));
        session.targetProperty().set("label");
        flush();
    }

    /** age (decimal, every 7th missing), city (text), label (text). */
    static LoadedData data(int rows) {
        double[] age = new double[rows];
        String[] city = new String[rows];
        String[] label = new String[rows];
        for (int i = 0; i < rows; i++) {
            age[i] = i % 7 == 0 ? Double.NaN : 20 + i % 50;
            city[i] = i % 3 == 0 ? "Oslo" : "Lima";
            label[i] = i % 2 == 0 ? "yes" : "no";
        }
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        kinds.put("age", ColumnKind.DECIMAL);
        kinds.put("city", ColumnKind.TEXT);
        kinds.put("label", ColumnKind.TEXT);
        Table t = Table.create("t", DoubleColumn.create("age", age), StringColumn.create("city", city),
                StringColumn.create("label", label));
        return new LoadedData(Path.of("t.csv"), t, new CsvDialect(',', '"', true, StandardCharsets.UTF_8, false, true, "\n"), kinds, List.of());
    }

    private void flush() {
        while (!debounced.isEmpty() || executor.pending() > 0) {
            List<Runnable> now = new ArrayList<>(debounced);
            debounced.clear();
            now.forEach(Runnable::run);
            executor.runAll();
        }
    }

    @Test
    void startsFromTheAutomaticRecipeAndPublishesIt() {
        Recipe auto = Recipe.automatic(session.dataProperty().get().table(), "label");
        assertEquals(auto, vm.recipe());
        assertEquals(auto, session.recipeProperty().get());
        assertFalse(vm.canUndoProperty().get(), "the starting recipe is not an edit");
    }

    @Test
    void addRemoveMoveUndoRedo() {
        int n = vm.items().size();
        vm.selectedProperty().set(-1);
        vm.add(StepKind.SCALE);
        assertEquals(n + 1, vm.items().size());
        assertEquals(ScaleStep.standardiseAll(), vm.items().get(n).step());
        assertEquals(n, vm.selectedProperty().get(), "the new step is selected");

        vm.move(n, 0);
        assertEquals(ScaleStep.standardiseAll(), vm.items().get(0).step());
        vm.remove(0);
        assertEquals(n, vm.items().size());

        vm.undo();
        assertEquals(ScaleStep.standardiseAll(), vm.items().get(0).step(), "undo brings back the removed step");
        vm.undo();
        assertEquals(ScaleStep.standardiseAll(), vm.items().get(n).step(), "undo reverses the move");
        vm.redo();
        assertEquals(ScaleStep.standardiseAll(), vm.items().get(0).step());
        assertTrue(vm.canRedoProperty().get());
        vm.add(StepKind.DROP);
        assertFalse(vm.canRedoProperty().get(), "a new edit clears the redo stack");
    }

    @Test
    void aDisabledStepStaysListedButIsNotApplied() {
        vm.add(StepKind.DROP);
        int at = vm.selectedProperty().get();
        vm.replace(at, DropStep.of("city"));
        assertTrue(vm.recipe().steps().contains(DropStep.of("city")));
        vm.setEnabled(at, false);
        assertEquals(DropStep.of("city"), vm.items().get(at).step());
        assertFalse(vm.items().get(at).enabled());
        assertFalse(vm.recipe().steps().contains(DropStep.of("city")));
        assertEquals(vm.recipe(), session.recipeProperty().get());
        vm.undo();
        assertTrue(vm.items().get(at).enabled());
    }

    @Test
    void aNewTargetRefillsAnUneditedRecipeButKeepsAnEditedOne() {
        session.targetProperty().set("city");
        assertEquals(Recipe.automatic(session.dataProperty().get().table(), "city"), vm.recipe());
        vm.add(StepKind.SCALE);
        Recipe edited = vm.recipe();
        session.targetProperty().set("label");
        assertEquals(edited, vm.recipe());
        assertFalse(vm.problems().isEmpty(), "the kept recipe is checked against the new target");
    }

    @Test
    void reReadingTheSameFileKeepsEditsAndHistory() {
        vm.add(StepKind.SCALE);
        Recipe edited = vm.recipe();
        session.dataProperty().set(data(3000)); // same source path: a column type was changed
        assertEquals(edited, vm.recipe());
        assertTrue(vm.canUndoProperty().get());
        LoadedData other = data(10);
        session.dataProperty().set(new LoadedData(Path.of("other.csv"), other.table(), other.dialect(),
                other.kinds(), List.of()));
        assertFalse(vm.canUndoProperty().get(), "another file starts afresh");
    }

    @Test
    void previewFitsASampleAndShowsTheChangedColumns() {
        vm.replaceAll(Recipe.of(ImputeStep.median(List.of("age")), EncodeStep.oneHot(List.of())));
        assertEquals(1, debounced.size(), "the preview waits for the debounce");
        assertEquals(PreviewState.UPDATING, vm.previewStateProperty().get());
        flush();
        assertEquals(PreviewState.READY, vm.previewStateProperty().get(), () -> vm.previewMessageProperty().get()
                + " " + vm.problems());
        Preview p = vm.previewProperty().get();
        assertNotNull(p);
        assertEquals(PrepareViewModel.PREVIEW_ROWS, p.sampled());
        ColumnChange age = p.changes().stream().filter(c -> c.column().equals("age")).findFirst().orElseThrow();
        assertTrue(age.before().endsWith(" missing"), age.before());
        assertFalse(age.after().contains("missing"), age.after());
        assertTrue(p.changes().stream().noneMatch(c -> c.column().equals("label")), "the target is not a feature");
        assertTrue(p.changes().stream().anyMatch(c -> c.column().equals("age_missing") && c.before().equals("—")));
    }

    @Test
    void onlyTheLastOfABurstOfEditsIsComputed() {
        vm.add(StepKind.SCALE);
        vm.remove(vm.selectedProperty().get());
        vm.add(StepKind.CLIP);
        List<Runnable> now = new ArrayList<>(debounced);
        debounced.clear();
        now.forEach(Runnable::run);
        assertEquals(1, executor.pending(), "earlier requests were superseded");
    }

    @Test
    void problemsAreShownInlineAndStopThePreview() {
        vm.replaceAll(Recipe.of(DropStep.of("label")));
        assertFalse(vm.problems().isEmpty());
        assertTrue(vm.problems().get(0).startsWith("Step 1"), vm.problems().get(0));
        assertEquals(PreviewState.FAILED, vm.previewStateProperty().get());
        assertEquals(0, executor.pending());
    }

    @Test
    void aFailingFitIsReported() {
        // The declared types say age is a number, but the table holds text: validation passes, fitting fails.
        LoadedData good = session.dataProperty().get();
        Table t = Table.create("t", StringColumn.create("age", "x", "y"), StringColumn.create("city", "a", "b"),
                StringColumn.create("label", "yes", "no"));
        session.dataProperty().set(new LoadedData(good.source(), t, good.dialect(), good.kinds(), List.of()));
        vm.replaceAll(Recipe.of(ImputeStep.median(List.of("age"))));
        flush();
        assertEquals(PreviewState.FAILED, vm.previewStateProperty().get());
        assertTrue(vm.previewMessageProperty().get().startsWith("The recipe failed on the sample:"),
                vm.previewMessageProperty().get());
    }

    @Test
    void withoutDataThereIsNoPreview() {
        session.dataProperty().set(null);
        assertEquals(PreviewState.NONE, vm.previewStateProperty().get());
        assertTrue(vm.items().isEmpty());
    }

    @Test
    void savesAndOpensRecipeJson(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("recipe.json");
        dialogs.jsonToSave = file;
        vm.save();
        flush();
        assertEquals(vm.recipe(), Recipe.fromJson(Files.readString(file)));

        Files.writeString(file, Recipe.of(DropStep.of("city")).toJson());
        dialogs.jsonToOpen = file;
        vm.open();
        flush();
        assertEquals(Recipe.of(DropStep.of("city")), vm.recipe());
        assertTrue(vm.canUndoProperty().get());

        Files.writeString(file, "{\"version\":1,\"steps\":[{\"type\":\"nope\"}]}");
        vm.open();
        flush();
        assertEquals(1, dialogs.errors.size());
        assertEquals(Recipe.of(DropStep.of("city")), vm.recipe(), "a bad file leaves the recipe alone");
    }
}
