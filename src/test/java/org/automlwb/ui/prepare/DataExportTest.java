package org.automlwb.ui.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.LoadedData;
import org.automlwb.prep.DropStep;
import org.automlwb.prep.Recipe;
import org.automlwb.prep.RecipeFile;
import org.automlwb.prepared.PreparerTest;
import org.automlwb.ui.FakeDialogService;
import org.automlwb.ui.QueuedTaskExecutor;
import org.automlwb.ui.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export prepared data… and Save recipe to feature_engineering/ write into the data/ folder beside models/, off
 * the UI thread, with the recipe as edited; a cancel leaves nothing written.
 */
class DataExportTest {
    @TempDir
    Path dir;
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final Session session = new Session();
    private DataExport export;
    private Recipe edited;

    @BeforeEach
    void setUp() throws Exception {
        LoadedData data = CsvLoader.load(PreparerTest.raw(dir, "churn.csv", 1_500, 31));
        session.modelsRootProperty().set(dir.resolve("work/models"));
        session.dataProperty().set(data);
        session.targetProperty().set("churn");
        export = new DataExport(executor, dialogs, session);
        // The user's edit: the automatic recipe, and the year of the date dropped at the end.
        edited = Recipe.automatic(data.table(), "churn").withStep(new DropStep(List.of("joined_year"), "not wanted"));
    }

    private static List<Path> files(Path root) throws Exception {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void exportWritesTheEditedRecipesOutputBesideModelsAsParquetOffTheUiThread() throws Exception {
        Path data = dir.resolve("work/data");
        assertEquals(data, export.dataRoot());
        dialogs.csvToSave = data.resolve("processed_data/churn-march.parquet");
        export.exportPrepared(edited);
        assertTrue(export.runningProperty().get(), "the work waits for a worker");
        assertEquals(1, executor.pending());
        executor.runAll();
        assertFalse(export.runningProperty().get());
        assertEquals(List.of(data.resolve("feature_engineering/churn-march.recipe.json"),
                data.resolve("processed_data/churn-march.lineage.json"),
                data.resolve("processed_data/churn-march.parquet")), files(data), export.statusProperty().get());
        RecipeFile saved = RecipeFile.read(data.resolve("feature_engineering/churn-march.recipe.json"));
        assertEquals(edited, saved.recipe(), "the recipe as edited");
        assertFalse(saved.fitted().featureNames().contains("joined_year"));
        assertTrue(saved.fitted().featureNames().contains("joined_month"));
        assertEquals(1_500, CsvLoader.load(data.resolve("processed_data/churn-march.parquet")).table().rowCount());
        assertTrue(export.statusProperty().get().startsWith("Prepared 1,500 rows"), export.statusProperty().get());
        assertEquals(1, dialogs.infos.size());
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void saveRecipeWritesTheFittedRecipeToFeatureEngineering() throws Exception {
        export.saveRecipe(edited);
        executor.runAll();
        Path file = dir.resolve("work/data/feature_engineering/churn.recipe.json");
        assertEquals(List.of(file), files(dir.resolve("work/data")));
        RecipeFile saved = RecipeFile.read(file);
        assertEquals("churn", saved.fittedTarget());
        assertEquals(edited, saved.recipe());
        assertTrue(export.statusProperty().get().contains(file.toString()), export.statusProperty().get());
    }

    @Test
    void aCancelledExportLeavesNothingWritten() throws Exception {
        dialogs.csvToSave = dir.resolve("work/data/processed_data/churn.csv");
        export.exportPrepared(edited);
        export.cancel();
        executor.runAll();
        assertFalse(export.runningProperty().get());
        assertEquals("Cancelled: nothing was written", export.statusProperty().get());
        assertEquals(List.of(), files(dir.resolve("work/data")));
        assertTrue(dialogs.errors.isEmpty(), "a cancel is not an error");
    }
}
