package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelledException;
import org.automlwb.data.CsvOptions;
import org.automlwb.data.LoadedData;
import org.automlwb.ui.dialog.ErrorReport;
import org.automlwb.ui.load.LoadState;
import org.automlwb.ui.load.LoadViewModel;
import org.junit.jupiter.api.Test;

/** The loading state machine, without a stage: a queued executor decides when background work runs. */
class LoadViewModelTest {
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final TestData.ScriptedSource source = new TestData.ScriptedSource();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final LoadViewModel vm = new LoadViewModel(executor, source, dialogs);
    private final Path file = Path.of("/data/prices.csv");

    @Test
    void loadGoesFromEmptyThroughLoadingToReadyAndThenProfiles() {
        assertEquals(LoadState.EMPTY, vm.getState());
        vm.load(file, CsvOptions.defaults());
        assertEquals(LoadState.LOADING, vm.getState());
        assertEquals(file, vm.loadingFileProperty().get());
        assertNull(vm.getData());

        executor.runNext(); // the load
        assertEquals(LoadState.READY, vm.getState());
        assertEquals(3, vm.getData().table().rowCount());
        assertNull(vm.getProfile(), "the profile is computed after the load, in its own job");
        assertTrue(vm.profilingProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Opened prices.csv: 3 rows × 2 columns"));

        executor.runNext(); // the profile
        assertFalse(vm.profilingProperty().get());
        assertEquals(2, vm.getProfile().columns().size());
        assertEquals(1, source.profiles);
        assertTrue(dialogs.errors.isEmpty());
    }

    @Test
    void badInputShowsAPlainDialogAndKeepsThePreviousData() {
        vm.load(file, CsvOptions.defaults());
        executor.runAll();
        LoadedData before = vm.getData();

        source.loader = (f, o, p, c) -> {
            throw new BadInputException("expected 2 fields but found 3", f, 12, "city", "Open with options and pick the delimiter");
        };
        vm.load(Path.of("/data/broken.csv"), CsvOptions.defaults());
        executor.runAll();

        assertEquals(LoadState.READY, vm.getState(), "a failed load returns to the state before it");
        assertSame(before, vm.getData());
        assertEquals(1, dialogs.errors.size());
        ErrorReport shown = dialogs.errors.get(0);
        assertEquals("Could not open broken.csv", shown.title());
        assertEquals("Line 12, column 'city': Expected 2 fields but found 3.", shown.message());
        assertEquals("Open with options and pick the delimiter.", shown.hint());
        assertTrue(shown.details().contains("/data/broken.csv:12"));
    }

    @Test
    void commandLineFlagsInHintsAreNamedAsTheDialog() {
        source.loader = (f, o, p, c) -> {
            throw new BadInputException("the row has 4 fields where the header has 3", f, 4, null,
                    "fix the row, or skip bad rows (--skip-bad-rows)");
        };
        vm.load(file, CsvOptions.defaults());
        executor.runAll();
        assertEquals("Fix the row, or skip bad rows (File > Open with Options, \"Skip malformed rows\").",
                dialogs.errors.get(0).hint());
    }

    @Test
    void unexpectedErrorsNeverPutAStackTraceInTheMainText() {
        source.loader = (f, o, p, c) -> {
            throw new IllegalStateException("boom");
        };
        vm.load(file, CsvOptions.defaults());
        executor.runAll();

        assertEquals(LoadState.EMPTY, vm.getState());
        ErrorReport shown = dialogs.errors.get(0);
        assertFalse(shown.message().contains("Exception"));
        assertFalse(shown.message().contains("\tat "));
        assertTrue(shown.details().contains("IllegalStateException: boom"), "the trace stays in the details");
    }

    @Test
    void cancelReturnsAtOnceFiresTheTokenAndIgnoresALateResult() {
        vm.load(file, CsvOptions.defaults());
        vm.cancel();

        assertEquals(LoadState.EMPTY, vm.getState());
        assertTrue(vm.statusProperty().get().startsWith("Cancelled"));
        executor.runAll(); // the loader did not look at its token and finished anyway
        assertTrue(source.lastToken.isCancelled());
        assertNull(vm.getData(), "a result that arrives after cancel is dropped");
        assertEquals(0, source.profiles);
        assertTrue(dialogs.errors.isEmpty());
    }

    @Test
    void aCancelledExceptionFromTheLoaderIsNotAnError() {
        source.loader = (f, o, p, c) -> {
            throw new CancelledException();
        };
        vm.load(file, CsvOptions.defaults());
        executor.runAll();
        assertEquals(LoadState.EMPTY, vm.getState());
        assertTrue(dialogs.errors.isEmpty());
    }

    @Test
    void openingAnotherFileWhileLoadingCancelsTheFirst() {
        var tokens = new java.util.LinkedHashMap<Path, org.automlwb.common.CancelToken>();
        source.loader = (f, o, p, c) -> {
            tokens.put(f, c);
            return TestData.small(f);
        };
        vm.load(Path.of("/data/a.csv"), CsvOptions.defaults());
        vm.load(Path.of("/data/b.csv"), CsvOptions.defaults());
        executor.runAll();
        assertTrue(tokens.get(Path.of("/data/a.csv")).isCancelled());
        assertFalse(tokens.get(Path.of("/data/b.csv")).isCancelled());
        assertEquals(Path.of("/data/b.csv"), vm.getData().source());
        assertEquals(1, source.profiles, "only the file that won is profiled");
    }

    @Test
    void progressReachesThePropertiesOnlyWhenSampled() {
        source.loader = (f, o, p, c) -> {
            p.progress(512 * 1024, 2 * 1024 * 1024, "Reading");
            return TestData.small(f);
        };
        vm.load(file, CsvOptions.defaults());
        Runnable finish = executor.runNextWorkOnly(); // the worker reported progress and is "still busy"

        assertEquals(-1, vm.progressProperty().get(), "nothing reaches the UI until it samples");
        vm.refreshProgress();
        assertEquals(0.25, vm.progressProperty().get(), 1e-9);
        assertEquals("Reading · 512.0 KB of 2.0 MB", vm.progressTextProperty().get());

        finish.run();
        assertEquals(LoadState.READY, vm.getState());
        vm.refreshProgress(); // sampling after the load is harmless
        assertEquals(0.25, vm.progressProperty().get(), 1e-9);
    }

    @Test
    void progressNamesTheFilesRealSizeThoughTheLoaderReadsItTwice(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path real = java.nio.file.Files.write(dir.resolve("real.csv"), new byte[2 * 1024 * 1024]);
        long size = java.nio.file.Files.size(real);
        source.loader = (f, o, p, c) -> {
            p.progress(size + size / 2, 2 * size, "Reading rows"); // the second pass, half way
            return TestData.small(f);
        };
        vm.load(real, CsvOptions.defaults());
        Runnable finish = executor.runNextWorkOnly();
        vm.refreshProgress();
        assertEquals("Reading rows · 75% of 2.0 MB", vm.progressTextProperty().get(),
                "the file's size, not twice it");
        finish.run();
    }
}
