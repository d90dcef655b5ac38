package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.automlwb.data.MalformedRowPolicy;
import org.automlwb.ui.dialog.OpenOptionsViewModel;
import org.automlwb.ui.settings.Settings;
import org.automlwb.ui.settings.WindowBounds;
import org.junit.jupiter.api.Test;

/** The main window's view model with every service faked: recent files, theme, options, profile selection. */
class WorkbenchViewModelTest {
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final TestData.ScriptedSource source = new TestData.ScriptedSource();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final InMemorySettingsStore store = new InMemorySettingsStore(
            new Settings(Theme.DARK, List.of("/old/one.csv"), new WindowBounds(10, 20, 900, 700, false)));

    private WorkbenchViewModel create() {
        WorkbenchViewModel vm = new WorkbenchViewModel(
                new WorkbenchServices(executor, dialogs, store, source, List::of));
        executor.runAll(); // the sample-file lookup
        return vm;
    }

    @Test
    void startsFromTheSavedSettings() {
        WorkbenchViewModel vm = create();
        assertEquals(Theme.DARK, vm.themeProperty().get());
        assertEquals(List.of(Path.of("/old/one.csv")), vm.recentFiles());
        assertEquals(900, vm.savedWindowBounds().width());
        assertEquals(Step.DATA, vm.stepProperty().get());
    }

    @Test
    void openingAFileShowsItAndPutsItFirstInRecentFiles() {
        WorkbenchViewModel vm = create();
        vm.open(Path.of("/data/prices.csv"));
        executor.runAll();

        assertEquals(List.of(Path.of("/data/prices.csv"), Path.of("/old/one.csv")), vm.recentFiles());
        assertEquals(List.of("/data/prices.csv", "/old/one.csv"), store.saved.recentFiles(), "saved at once");
        assertEquals("prices.csv — AutoML Workbench", vm.titleProperty().get());
        assertEquals("3 rows · 2 columns · semicolon-separated · UTF-8 · decimal comma", vm.dataSummaryProperty().get());
        assertEquals(3, vm.grid().rows().size());
    }

    @Test
    void theRecentListKeepsTenFilesWithoutDuplicates() {
        WorkbenchViewModel vm = create();
        IntStream.range(0, 12).forEach(i -> {
            vm.open(Path.of("/data/f" + i + ".csv"));
            executor.runAll();
        });
        vm.open(Path.of("/data/f5.csv"));
        executor.runAll();
        assertEquals(10, vm.recentFiles().size());
        assertEquals(Path.of("/data/f5.csv"), vm.recentFiles().get(0));
        assertEquals(1, vm.recentFiles().stream().filter(p -> p.endsWith("f5.csv")).count());

        vm.clearRecentFiles();
        executor.runAll();
        assertTrue(vm.recentFiles().isEmpty());
        assertTrue(store.saved.recentFiles().isEmpty());
    }

    @Test
    void themeAndWindowBoundsAreRemembered() {
        WorkbenchViewModel vm = create();
        vm.themeProperty().set(Theme.LIGHT);
        executor.runAll();
        assertEquals(Theme.LIGHT, store.saved.theme());

        vm.close(new WindowBounds(5, 6, 1000, 750, true));
        assertEquals(new WindowBounds(5, 6, 1000, 750, true), store.saved.window());
        assertTrue(executor.isShutdown());
    }

    @Test
    void selectingAColumnInTheGridShowsItsProfile() {
        WorkbenchViewModel vm = create();
        vm.open(Path.of("/data/prices.csv"));
        executor.runAll();

        assertEquals("price", vm.profile().currentProperty().get().name(), "the first column is selected");
        vm.grid().selectedColumnProperty().set("city");
        assertEquals("city", vm.profile().currentProperty().get().name());
        assertEquals("Most frequent values", vm.profile().chartTitleProperty().get());
    }

    @Test
    void openWithOptionsPassesTheFormToTheLoader() {
        WorkbenchViewModel vm = create();
        dialogs.fileToChoose = Path.of("/data/ames.csv");
        dialogs.optionsEdit = form -> {
            form.delimiterProperty().set(OpenOptionsViewModel.Delimiter.TAB);
            form.keepNaAsCategoryProperty().set(true);
            form.skipBadRowsProperty().set(true);
        };
        vm.openWithOptions();
        executor.runAll();

        assertEquals('\t', source.lastOptions.delimiter());
        assertTrue(!source.lastOptions.missingTokens().contains("NA"));
        assertEquals(MalformedRowPolicy.SKIP, source.lastOptions.malformedRows());
        assertEquals(Path.of("/data/ames.csv"), vm.load().getData().source());
    }

    @Test
    void cancellingTheOptionsDialogOpensNothing() {
        WorkbenchViewModel vm = create();
        dialogs.fileToChoose = Path.of("/data/ames.csv");
        dialogs.pressOpen = false;
        vm.openWithOptions();
        assertEquals(0, executor.pending());
        assertNull(vm.load().getData());
    }

    @Test
    void aMissingRecentFileIsForgotten() {
        WorkbenchViewModel vm = create();
        source.loader = (f, o, p, c) -> {
            throw new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException(f.toString()));
        };
        vm.open(Path.of("/old/one.csv"));
        executor.runAll();
        assertTrue(vm.recentFiles().isEmpty());
        assertEquals("The file does not exist any more.", dialogs.errors.get(0).message());
    }
}
