package org.automlwb.ui.prepare;

import java.nio.file.Path;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.CancelledException;
import org.automlwb.data.CsvDialect;
import org.automlwb.data.CsvOptions;
import org.automlwb.data.DataFormat;
import org.automlwb.data.LoadedData;
import org.automlwb.prep.Recipe;
import org.automlwb.prepared.DataLayout;
import org.automlwb.prepared.PrepareSpec;
import org.automlwb.prepared.Prepared;
import org.automlwb.prepared.Preparer;
import org.automlwb.ui.Fmt;
import org.automlwb.ui.dialog.DialogService;
import org.automlwb.ui.dialog.ErrorReport;
import org.automlwb.ui.session.Session;
import org.automlwb.ui.task.ProgressSampler;
import org.automlwb.ui.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Prepare view's way into the {@code data/} layout: <b>Export prepared data…</b> writes the open file through
 * the edited recipe ({@link Preparer}: streamed, on a worker thread, with progress and cancel), and <b>Save recipe
 * to feature_engineering/</b> writes the recipe fitted on the file. The {@code data/} folder is beside the app's
 * {@code models/} folder, as {@code deployment/} is. The file is read again from disk with the types the app
 * loaded it with, so that the prepared rows are the ones the editor showed.
 */
public final class DataExport {
    private static final Logger LOG = LoggerFactory.getLogger(DataExport.class);

    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Session session;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private CancelToken cancel = CancelToken.none();
    private ProgressSampler sampler = new ProgressSampler();

    public DataExport(TaskExecutor executor, DialogService dialogs, Session session) {
        this.executor = executor;
        this.dialogs = dialogs;
        this.session = session;
    }

    /** Whether a file is open to export. */
    public javafx.beans.binding.BooleanBinding availableBinding() { return session.dataProperty().isNotNull(); }

    /** Whether an export or a save runs. */
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }

    /** 0 to 1, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /** What runs, or what the last one did. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /** The {@code data/} folder: beside {@code models/}. */
    public Path dataRoot() {
        Path models = session.modelsRootProperty().get().toAbsolutePath().normalize();
        return (models.getParent() == null ? models : models.getParent()).resolve("data");
    }

    /**
     * Asks where to write (suggesting {@code data/processed_data/<name>.csv}) and prepares the open file there with
     * the current recipe; the fitted recipe and the lineage go to the same {@code data/} layout. A name ending in
     * {@code .parquet} writes Parquet.
     */
    public void exportPrepared(Recipe recipe) {
        LoadedData data = session.dataProperty().get();
        if (data == null || running.get()) return;
        DataLayout layout = new DataLayout(dataRoot());
        String name = DataLayout.nameOf(data.source());
        dialogs.chooseDataToSave("Export prepared data", layout.processed(), name + ".csv").ifPresent(file -> {
            Path parent = file.toAbsolutePath().getParent();
            // Written into a data/ layout: the chosen processed_data/ folder's parent, or the chosen folder itself.
            Path root = parent.getFileName() != null && parent.getFileName().toString().equals(DataLayout.PROCESSED)
                    ? parent.getParent() : parent;
            String chosen = DataLayout.nameOf(file);
            PrepareSpec spec = spec(data, root, DataFormat.of(file)).withSteps(recipe).withName(chosen);
            start("Preparing " + data.source().getFileName(), (s, c) -> Preparer.run(spec, s, c), (Prepared p) -> {
                status.set("Prepared " + Fmt.count(p.lineage().rows().get("processed")) + " rows to "
                        + p.processed() + " (recipe " + p.fit() + ")");
                dialogs.showInfo("Prepared data exported", "Prepared data: " + p.processed() + "\nRecipe: "
                        + p.recipe() + "\nLineage: " + p.lineageFile());
            });
        });
    }

    /** Fits the current recipe on the open file and writes it to {@code data/feature_engineering/<name>.recipe.json}. */
    public void saveRecipe(Recipe recipe) {
        LoadedData data = session.dataProperty().get();
        if (data == null || running.get()) return;
        PrepareSpec spec = spec(data, dataRoot(), DataFormat.CSV).withSteps(recipe);
        start("Fitting the recipe on " + data.source().getFileName(), (s, c) -> Preparer.saveRecipe(spec, s, c),
                (Path file) -> {
                    status.set("Saved the fitted recipe to " + file);
                    dialogs.showInfo("Recipe saved", "The recipe, fitted on " + data.source().getFileName()
                            + ", is in " + file + ".\nUse it with: prepare --recipe or run --recipe " + file);
                });
    }

    /** Stops the running export; nothing it wrote is left behind. */
    public void cancel() {
        if (!running.get()) return;
        cancel.cancel();
        status.set("Cancelling…");
    }

    /** Copies the worker's progress into the properties; the view calls it at most ~10 times a second. */
    public void refreshProgress() {
        if (!running.get()) return;
        ProgressSampler s = sampler;
        progress.set(s.fraction());
        String stage = s.stage();
        if (stage.isBlank()) return;
        // The first pass (learning the column types) counts bytes of the file; the others count rows.
        boolean bytes = stage.equals("scanning");
        status.set(Character.toUpperCase(stage.charAt(0)) + stage.substring(1) + " · "
                + (bytes ? Fmt.bytes(s.done()) + " of " + Fmt.bytes(s.total())
                : Fmt.count(s.done()) + " of " + Fmt.count(s.total()) + " rows"));
    }

    private PrepareSpec spec(LoadedData data, Path root, DataFormat format) {
        CsvOptions csv = CsvOptions.defaults().withTypeOverrides(data.kinds());
        CsvDialect d = data.dialect();
        if (d != null) csv = csv.withDelimiter(d.delimiter()).withQuote(d.quote()).withHeader(d.header());
        return PrepareSpec.of(data.source(), root, format).withTarget(session.targetProperty().get()).withCsv(csv)
                .withSplit(session.runSpec().seed(), session.runSpec().holdoutAbove());
    }

    /** Work that reads progress and a cancel token. */
    @FunctionalInterface
    private interface Work<T> {
        T run(ProgressSampler progress, CancelToken cancel) throws BadInputException;
    }

    private <T> void start(String what, Work<T> work, java.util.function.Consumer<T> done) {
        CancelToken token = new CancelToken();
        ProgressSampler s = new ProgressSampler();
        cancel = token;
        sampler = s;
        running.set(true);
        progress.set(-1);
        status.set(what + "…");
        executor.submit(what, () -> work.run(s, token), result -> {
            running.set(false);
            progress.set(1);
            done.accept(result);
        }, error -> {
            running.set(false);
            progress.set(-1);
            if (error instanceof CancelledException) {
                status.set("Cancelled: nothing was written");
                return;
            }
            LOG.warn("{} failed", what, error);
            status.set("Failed: " + (error instanceof BadInputException b ? b.oneLine() : error.getMessage()));
            dialogs.showError(new ErrorReport("Could not prepare the data",
                    error instanceof BadInputException b ? b.oneLine() : String.valueOf(error.getMessage()),
                    "Check the recipe's problems and the output folder, then try again.", ""));
        });
    }
}
