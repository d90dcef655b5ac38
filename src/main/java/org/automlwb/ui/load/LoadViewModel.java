package org.automlwb.ui.load;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.CancelledException;
import org.automlwb.data.CsvOptions;
import org.automlwb.data.DatasetProfile;
import org.automlwb.data.LoadedData;
import org.automlwb.ui.Fmt;
import org.automlwb.ui.dialog.DialogService;
import org.automlwb.ui.dialog.ErrorReport;
import org.automlwb.ui.task.ProgressSampler;
import org.automlwb.ui.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening a CSV: EMPTY → LOADING → READY, with progress, cancel and errors; then the profile, computed once
 * in the background. A failed or cancelled load returns to the state before it and keeps the old data.
 */
public final class LoadViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LoadViewModel.class);

    private final TaskExecutor executor;
    private final DataSource source;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<LoadState> state = new ReadOnlyObjectWrapper<>(LoadState.EMPTY);
    private final ReadOnlyObjectWrapper<LoadedData> data = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DatasetProfile> profile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper profiling = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Path> loadingFile = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("No file open");

    // Each load and profile run carries the generation it started in; results of older ones are dropped.
    private long generation;
    private CancelToken cancelToken = CancelToken.none();
    private ProgressSampler sampler = new ProgressSampler();
    /** The size on disk of the file loading, or -1 when unknown. */
    private long fileBytes = -1;
    private Consumer<Path> onFailedMissingFile = p -> { };

    public LoadViewModel(TaskExecutor executor, DataSource source, DialogService dialogs) {
        this.executor = Objects.requireNonNull(executor);
        this.source = Objects.requireNonNull(source);
        this.dialogs = Objects.requireNonNull(dialogs);
    }

    public ReadOnlyObjectProperty<LoadState> stateProperty() { return state.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<LoadedData> dataProperty() { return data.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<DatasetProfile> profileProperty() { return profile.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty profilingProperty() { return profiling.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> loadingFileProperty() { return loadingFile.getReadOnlyProperty(); }
    /** Fraction read in [0, 1], or -1 when not known yet. Updated by {@link #refreshProgress()}. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyStringProperty progressTextProperty() { return progressText.getReadOnlyProperty(); }
    /** One line for the status bar about the last thing that happened. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    public LoadState getState() { return state.get(); }
    public LoadedData getData() { return data.get(); }
    public DatasetProfile getProfile() { return profile.get(); }

    /** Called with a file that turned out not to exist, so the recent-files list can forget it. */
    public void setOnMissingFile(Consumer<Path> handler) { this.onFailedMissingFile = Objects.requireNonNull(handler); }

    /** Starts reading {@code file} in the background; a load already running is cancelled first. */
    public void load(Path file, CsvOptions options) {
        if (state.get() == LoadState.LOADING) cancelToken.cancel();
        long gen = ++generation;
        LoadState before = data.get() == null ? LoadState.EMPTY : LoadState.READY;
        CancelToken token = new CancelToken();
        ProgressSampler s = new ProgressSampler();
        cancelToken = token;
        sampler = s;
        fileBytes = sizeOf(file);
        loadingFile.set(file);
        progress.set(-1);
        progressText.set("Starting…");
        status.set("Opening " + file.getFileName() + "…");
        state.set(LoadState.LOADING);
        long started = System.nanoTime();
        LOG.info("Opening {} with {}", file, options);
        executor.submit("load " + file.getFileName(),
                () -> source.load(file, options, s, token),
                loaded -> {
                    if (gen != generation) return;
                    double secs = (System.nanoTime() - started) / 1e9;
                    finishLoad(loaded, secs);
                    startProfile(loaded, gen);
                },
                error -> {
                    if (gen != generation) return;
                    failLoad(file, error, before);
                });
    }

    /** Stops the running load at once; its result, if it still arrives, is ignored. */
    public void cancel() {
        if (state.get() != LoadState.LOADING) return;
        cancelToken.cancel();
        generation++;
        Path file = loadingFile.get();
        loadingFile.set(null);
        state.set(data.get() == null ? LoadState.EMPTY : LoadState.READY);
        status.set("Cancelled opening " + (file == null ? "the file" : file.getFileName()));
        LOG.info("Load of {} cancelled by the user", file);
    }

    /**
     * Copies the worker's latest progress into the properties. The view calls this at most ~10 times a second
     * while loading, so progress never floods the UI thread.
     */
    public void refreshProgress() {
        if (state.get() != LoadState.LOADING) return;
        ProgressSampler s = sampler;
        progress.set(s.fraction());
        String stage = s.stage().isBlank() ? "Reading" : s.stage();
        if (s.total() > 0 && fileBytes > 0) {
            // The loader counts its work (it reads the file twice: types, then rows), not the file's bytes:
            // say how far it is through the work, and the file's real size.
            progressText.set(stage + " · " + Math.round(100 * s.fraction()) + "% of " + Fmt.bytes(fileBytes));
        } else if (s.total() > 0) {
            progressText.set(stage + " · " + Fmt.bytes(s.done()) + " of " + Fmt.bytes(s.total()));
        } else if (s.done() > 0) {
            progressText.set(stage + " · " + Fmt.bytes(s.done()));
        } else {
            progressText.set(stage + "…");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException | RuntimeException e) {
            return -1; // not a plain file (or a test's made-up path): the loader's own counts are shown
        }
    }

    private void finishLoad(LoadedData loaded, double secs) {
        profile.set(null);
        data.set(loaded);
        loadingFile.set(null);
        state.set(LoadState.READY);
        String skipped = loaded.skipped().isEmpty() ? ""
                : " · " + Fmt.count(loaded.skipped().size()) + " malformed rows skipped";
        // Load warnings (e.g. lines in two encodings) go where skipped rows are reported, in full.
        for (String w : loaded.warnings()) skipped += " · " + w;
        status.set(String.format(java.util.Locale.ROOT, "Opened %s: %s rows × %d columns in %.1f s%s",
                loaded.source().getFileName(), Fmt.count(loaded.table().rowCount()), loaded.table().columnCount(),
                secs, skipped));
        LOG.info("Opened {}: {} rows x {} columns in {} s", loaded.source(), loaded.table().rowCount(),
                loaded.table().columnCount(), secs);
        // The status bar only counts skipped rows; the log says which (the first few are enough to fix a file).
        loaded.skipped().stream().limit(20).forEach(r -> LOG.info("Skipped line {}: {}", r.line(), r.reason()));
    }

    private void failLoad(Path file, Throwable error, LoadState before) {
        loadingFile.set(null);
        state.set(before);
        if (error instanceof CancelledException) {
            status.set("Cancelled opening " + file.getFileName());
            return;
        }
        ErrorReport report = ErrorReport.openFailed(file, error);
        if (error instanceof BadInputException bad) {
            LOG.warn("Could not open {}: {}", file, bad.oneLine());
        } else if (error instanceof java.io.UncheckedIOException || error instanceof java.io.IOException) {
            LOG.warn("Could not read {}: {}", file, error.toString());
        } else {
            LOG.error("Unexpected failure opening {}", file, error);
        }
        status.set(report.title());
        Throwable cause = error instanceof java.io.UncheckedIOException u ? u.getCause() : error;
        if (cause instanceof java.nio.file.NoSuchFileException) onFailedMissingFile.accept(file);
        dialogs.showError(report);
    }

    private void startProfile(LoadedData loaded, long gen) {
        profiling.set(true);
        executor.submit("profile " + loaded.source().getFileName(),
                () -> source.profile(loaded),
                p -> {
                    if (gen != generation) return;
                    profiling.set(false);
                    profile.set(p);
                },
                error -> {
                    if (gen != generation) return;
                    profiling.set(false);
                    LOG.error("Profiling {} failed", loaded.source(), error);
                    status.set("Column statistics could not be computed (details in " + ErrorReport.LOG_LOCATION + ")");
                });
    }
}
