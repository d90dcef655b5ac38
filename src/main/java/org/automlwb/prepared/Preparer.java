package org.automlwb.prepared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.HeapNeed;
import org.automlwb.common.ProgressListener;
import org.automlwb.data.Lineage;
import org.automlwb.data.TableFileWriter;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.trial.ValidationPlan;
import org.automlwb.engine.trial.ValidationSettings;
import org.automlwb.prep.FittedRecipe;
import org.automlwb.prep.Recipe;
import org.automlwb.prep.RecipeFile;
import org.automlwb.prep.RecipeInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * {@code prepare}: fits a recipe on a raw file (or replays a fitted one), prepares every row in chunks, and writes
 * the prepared data set, the fitted recipe and their lineage into a {@code data/} folder ({@link DataLayout}).
 *
 * <p><b>Which rows the recipe learns from.</b> Without a target, all rows. With a target, the rows a run on the
 * prepared file trains on: rows with a target, less the validation rows of the holdout that the run makes above
 * {@link PrepareSpec#holdoutAboveRows()} rows with the same seed (the split depends only on the targets and the
 * seed, so the run's validation rows never shape the recipe); under cross-validation every row trains. When the
 * rows do not fit the heap, an evenly spread sample of them (every k-th row), and the result says so.
 *
 * <p><b>Streaming.</b> A CSV file is read three times, a chunk at a time: once for its types and rows, once for the
 * rows to fit on, once to prepare and write every row; only the fitting rows are held. A file larger than the heap
 * is prepared in constant memory besides them.
 *
 * <p><b>Nothing half-written.</b> Every file is written under a temporary name beside its place and moved there at
 * the end; a failure (a full disk), a bad row or a cancel removes the temporary files and leaves the folder as it
 * was.
 */
public final class Preparer {
    private static final Logger LOG = LoggerFactory.getLogger(Preparer.class);
    /** Heap per fitting row, per byte of its CSV text: the table, the recipe's working columns and its output. */
    static final double HEAP_PER_ROW_BYTE = 6.0;

    private Preparer() { }

    /**
     * A check before each file and each chunk is written: the seam through which tests make a write fail as a full
     * disk would (as export's folder writes have one).
     */
    @FunctionalInterface
    public interface WriteHook {
        /** Checks nothing: the normal case. */
        WriteHook NONE = path -> { };

        void beforeWrite(Path path) throws IOException;
    }

    /** Prepares without a write hook. */
    public static Prepared run(PrepareSpec spec, ProgressListener progress, CancelToken cancel)
            throws BadInputException {
        return run(spec, progress, cancel, WriteHook.NONE);
    }

    /**
     * Prepares.
     *
     * @param progress receives rows done of rows in the file, per stage ("scanning", "fitting", "writing")
     * @throws BadInputException for a bad file, recipe, target or output folder, or a write that fails (one line)
     * @throws org.automlwb.common.CancelledException when {@code cancel} fires; nothing is left behind
     */
    public static Prepared run(PrepareSpec spec, ProgressListener progress, CancelToken cancel, WriteHook hook)
            throws BadInputException {
        DataLayout layout = new DataLayout(spec.out());
        layout.check();
        String name = spec.name() != null ? spec.name() : DataLayout.nameOf(spec.data());
        RecipeFile given = spec.recipeFile() == null ? null : RecipeFile.read(spec.recipeFile());
        String target = spec.target() != null ? spec.target() : given == null ? null : given.fittedTarget();
        RawSource source = RawSource.open(spec.data(), spec.csv(), progress, cancel);
        if (target != null && !source.kinds().containsKey(target)) {
            throw new BadInputException("the target column does not exist", spec.data(), 1, target,
                    "choose one of: " + String.join(", ", source.kinds().keySet()));
        }
        if (given != null) given.checkFor(target, source.kinds().keySet());

        Fit fit = obtain(spec, given, source, target, progress, cancel);
        FittedRecipe fitted = fit.recipe();
        Long fitRows = fit.rows();
        String fitWords = fit.words();
        LOG.info("{}: recipe {}", spec.data(), fitWords);

        Path processed = layout.processedFile(name, spec.format());
        Path recipeOut = layout.recipeFile(name);
        Path lineageOut = layout.lineageFile(name);
        Path rawOut = spec.keepRaw() ? layout.rawCopy(spec.data()) : null;
        // Made only now, so that bad input found above leaves no empty folders behind.
        layout.create();
        Map<Path, Path> temps = new LinkedHashMap<>();
        List<Path> moved = new ArrayList<>();
        try {
            Path tmpData = temp(processed, temps);
            Written written = write(spec, source, fitted, tmpData, hook, progress, cancel);
            Path tmpRecipe = temp(recipeOut, temps);
            hook.beforeWrite(tmpRecipe);
            Files.writeString(tmpRecipe, fitted.toJson());
            if (rawOut != null && !rawOut.toAbsolutePath().normalize().equals(spec.data().toAbsolutePath().normalize())) {
                Path tmpRaw = temp(rawOut, temps);
                hook.beforeWrite(tmpRaw);
                Files.copy(spec.data(), tmpRaw, StandardCopyOption.REPLACE_EXISTING);
            }
            Map<String, Long> rows = new LinkedHashMap<>();
            rows.put("raw", source.rows());
            if (fitRows != null) rows.put("recipe_fit", fitRows);
            rows.put("processed", written.rows());
            Lineage lineage = new Lineage(ref(rawOut != null ? rawOut : spec.data(), spec.data()),
                    ref(recipeOut, tmpRecipe), ref(processed, tmpData), null, rows);
            Path tmpLineage = temp(lineageOut, temps);
            hook.beforeWrite(tmpLineage);
            Files.writeString(tmpLineage, org.automlwb.common.Json.pretty(lineage.toJson()));
            // The data set last but one and its lineage last: a reader that finds the lineage finds all it names.
            for (Map.Entry<Path, Path> e : temps.entrySet()) {
                AtomicFiles.move(e.getValue(), e.getKey());
                moved.add(e.getKey());
            }
            return new Prepared(processed, recipeOut, lineageOut, rawOut, lineage, fitWords, written.chunks(),
                    source.warnings());
        } catch (IOException e) {
            // A move that failed midway: take back what was moved, so the folder is as it was (best effort).
            for (Path p : moved) AtomicFiles.deleteQuietly(p);
            throw AtomicFiles.cannotWrite(processed.getParent(), e);
        } finally {
            for (Path tmp : temps.values()) AtomicFiles.deleteQuietly(tmp);
        }
    }

    /**
     * Fits the recipe as {@link #run} does and writes only {@code feature_engineering/<name>.recipe.json}: for a data
     * engineer who shares the recipe before (or instead of) the prepared data. The file appears whole or not at all.
     *
     * @return the recipe file written
     */
    public static Path saveRecipe(PrepareSpec spec, ProgressListener progress, CancelToken cancel)
            throws BadInputException {
        DataLayout layout = new DataLayout(spec.out());
        layout.check();
        String name = spec.name() != null ? spec.name() : DataLayout.nameOf(spec.data());
        RecipeFile given = spec.recipeFile() == null ? null : RecipeFile.read(spec.recipeFile());
        String target = spec.target() != null ? spec.target() : given == null ? null : given.fittedTarget();
        RawSource source = RawSource.open(spec.data(), spec.csv(), progress, cancel);
        if (given != null) given.checkFor(target, source.kinds().keySet());
        Fit fit = obtain(spec, given, source, target, progress, cancel);
        layout.create();
        Path file = layout.recipeFile(name);
        AtomicFiles.writeString(file, fit.recipe().toJson());
        LOG.info("{}: recipe {}, saved to {}", spec.data(), fit.words(), file);
        return file;
    }

    /** The fitted recipe: a given fitted recipe replayed, or steps (given or automatic) fitted on this file. */
    private static Fit obtain(PrepareSpec spec, RecipeFile given, RawSource source, String target,
                              ProgressListener progress, CancelToken cancel) throws BadInputException {
        if (spec.steps() == null && given != null && given.fitted() != null && !spec.refit()) {
            return new Fit(given.fitted(), null, "replayed as fitted (" + given.file().getFileName() + ")");
        }
        Recipe steps = spec.steps() != null ? spec.steps() : given == null ? null : given.recipe();
        return fit(spec, source, steps, target, progress, cancel);
    }

    /** The temporary sibling a file is written to before it is moved into place; remembered for clean-up. */
    private static Path temp(Path target, Map<Path, Path> temps) {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".partial-" + ProcessHandle.current().pid());
        temps.put(target, tmp);
        return tmp;
    }

    /** A file's final path with the hash of the bytes written to {@code content} (the same bytes). */
    private static Lineage.FileRef ref(Path finalPath, Path content) throws BadInputException {
        return new Lineage.FileRef(finalPath.toAbsolutePath().normalize().toString(),
                Lineage.FileRef.of(content).sha256());
    }

    /** A fitted recipe, the rows it learnt from (null when replayed), and how they were chosen in words. */
    private record Fit(FittedRecipe recipe, Long rows, String words) { }

    private static Fit fit(PrepareSpec spec, RawSource source, Recipe steps, String target, ProgressListener progress,
                           CancelToken cancel) throws BadInputException {
        long total = source.rows();
        long most = spec.maxFitRows() > 0 ? spec.maxFitRows() : rowsTheHeapHolds(spec, source);
        long every = Math.max(1, (total + most - 1) / most);
        Table rows = collect(source, spec.chunkRows(), every, progress, cancel);
        String sampled = every > 1 ? String.format(Locale.ROOT, ", an evenly spread sample (one row in %,d: the rows"
                + " do not fit the heap)", every) : "";
        String words;
        Table fitOn;
        if (target == null) {
            fitOn = rows;
            words = String.format(Locale.ROOT, "fitted on %,d of %,d rows%s", rows.rowCount(), total, sampled);
        } else {
            LabelledData labelled = LabelledData.forTraining(rows, target, null);
            ValidationSettings settings = ValidationSettings.defaults().withHoldoutAboveRows(spec.holdoutAboveRows());
            ValidationPlan plan = ValidationPlan.create(labelled.targets(), settings, spec.seed());
            if (plan.kind() == ValidationPlan.Kind.HOLDOUT) {
                fitOn = labelled.select(plan.folds().get(0).train()).table();
                words = String.format(Locale.ROOT, "fitted on the %,d training rows of the run's holdout split (seed %d;"
                        + " its %,d validation rows left out) of %,d rows%s", fitOn.rowCount(), spec.seed(),
                        plan.folds().get(0).validation().length, total, sampled);
            } else {
                fitOn = labelled.table();
                words = String.format(Locale.ROOT, "fitted on the %,d rows with a target of %,d (the run"
                        + " cross-validates on them)%s", fitOn.rowCount(), total, sampled);
            }
        }
        progress.progress(0, total, "fitting");
        Recipe recipe = steps != null ? steps : Recipe.automatic(fitOn, target);
        try {
            return new Fit(recipe.fit(fitOn, target), (long) fitOn.rowCount(), words);
        } catch (RecipeInputException e) {
            BadInputException b = e.badInput();
            throw new BadInputException(b.getMessage(), spec.recipeFile() != null ? spec.recipeFile() : spec.data(),
                    0, b.column(), b.hint());
        }
    }

    /** Rows of this file the heap can hold for fitting: half the free heap, at the file's bytes per row. */
    private static long rowsTheHeapHolds(PrepareSpec spec, RawSource source) {
        long bytes;
        try {
            bytes = Files.size(spec.data());
        } catch (IOException e) {
            bytes = source.rows() * 100L;
        }
        double perRow = Math.max(64, bytes / (double) Math.max(1, source.rows())) * HEAP_PER_ROW_BYTE;
        return Math.max(1_000, (long) (HeapNeed.free() * 0.5 / perRow));
    }

    /** Every {@code every}-th row of the file (all of them for 1), in file order. */
    private static Table collect(RawSource source, int chunkRows, long every, ProgressListener progress,
                                 CancelToken cancel) throws BadInputException {
        Table out = null;
        long seen = 0;
        try (RawSource.Chunks chunks = source.chunks(chunkRows)) {
            for (Table chunk; (chunk = chunks.next()) != null; ) {
                cancel.throwIfCancelled();
                Table kept = chunk;
                if (every > 1) {
                    List<Integer> pick = new ArrayList<>();
                    for (int i = 0; i < chunk.rowCount(); i++) if ((seen + i) % every == 0) pick.add(i);
                    kept = chunk.rows(pick.stream().mapToInt(Integer::intValue).toArray());
                }
                seen += chunk.rowCount();
                if (out == null) out = kept.copy();
                else out.append(kept);
                progress.progress(seen, source.rows(), "reading the rows to fit on");
            }
        }
        return out;
    }

    /** Rows and chunks written. */
    private record Written(long rows, int chunks) { }

    private static Written write(PrepareSpec spec, RawSource source, FittedRecipe fitted, Path tmp, WriteHook hook,
                                 ProgressListener progress, CancelToken cancel) throws IOException, BadInputException {
        long rows = 0;
        int chunks = 0;
        TableFileWriter writer = null;
        try (RawSource.Chunks in = source.chunks(spec.chunkRows())) {
            for (Table chunk; (chunk = in.next()) != null; ) {
                cancel.throwIfCancelled();
                Table out;
                try {
                    out = fitted.apply(chunk);
                } catch (RecipeInputException e) {
                    throw e.badInput();
                }
                hook.beforeWrite(tmp);
                if (writer == null) writer = spec.format().open(tmp, out);
                writer.write(out);
                rows += out.rowCount();
                chunks++;
                progress.progress(rows, source.rows(), "writing");
                LOG.debug("prepared chunk {} ({} rows so far)", chunks, rows);
            }
        } finally {
            if (writer != null) writer.close();
        }
        return new Written(rows, chunks);
    }
}
