package org.automlwb.prepared;

import java.nio.file.Path;
import org.automlwb.data.CsvOptions;
import org.automlwb.data.DataFormat;
import org.automlwb.prep.Recipe;

/**
 * What {@code prepare} is asked to do.
 *
 * @param data             the raw file (CSV, or Parquet)
 * @param recipeFile       a recipe or fitted recipe file, or null for the automatic recipe
 * @param steps            a recipe given as it is (the app's editor), used instead of a file; or null
 * @param refit            with a fitted recipe: fit its steps again on this file instead of replaying its values
 * @param target           the column a model will predict, or null; kept unchanged as the last column, and with it
 *                         the recipe is fitted on the training rows of the split the run makes
 * @param out              the {@code data/} folder
 * @param format           the prepared file's format
 * @param keepRaw          copy the raw file to {@code data/raw_data/}
 * @param name             the data set's name, or null for the raw file's name ({@link DataLayout#nameOf})
 * @param csv              how to read a CSV file
 * @param chunkRows        rows read, prepared and written at a time
 * @param maxFitRows       most rows the recipe is fitted on (an evenly spread sample beyond), or 0 for as many as
 *                         the heap holds
 * @param seed             the run's seed (the split depends on it)
 * @param holdoutAboveRows the run's rows above which it validates on a holdout instead of cross-validation
 */
public record PrepareSpec(Path data, Path recipeFile, Recipe steps, boolean refit, String target, Path out, DataFormat format,
                          boolean keepRaw, String name, CsvOptions csv, int chunkRows, int maxFitRows, long seed,
                          int holdoutAboveRows) {
    /** Rows per chunk unless told otherwise: as for predict. */
    public static final int DEFAULT_CHUNK_ROWS = 50_000;

    public PrepareSpec {
        if (chunkRows < 1) throw new IllegalArgumentException("chunkRows must be at least 1");
        if (maxFitRows < 0) throw new IllegalArgumentException("maxFitRows must not be negative");
    }

    /** Defaults for a raw file, a {@code data/} folder and a format: automatic recipe, no target. */
    public static PrepareSpec of(Path data, Path out, DataFormat format) {
        return new PrepareSpec(data, null, null, false, null, out, format, false, null, CsvOptions.defaults(),
                DEFAULT_CHUNK_ROWS, 0, 42, 10_000);
    }

    public PrepareSpec withRecipe(Path file, boolean refitIt) {
        return new PrepareSpec(data, file, null, refitIt, target, out, format, keepRaw, name, csv, chunkRows, maxFitRows,
                seed, holdoutAboveRows);
    }

    /** With the recipe's steps given as they are (fitted on the file), instead of a file. */
    public PrepareSpec withSteps(Recipe recipe) {
        return new PrepareSpec(data, null, recipe, false, target, out, format, keepRaw, name, csv, chunkRows,
                maxFitRows, seed, holdoutAboveRows);
    }

    public PrepareSpec withCsv(CsvOptions options) {
        return new PrepareSpec(data, recipeFile, steps, refit, target, out, format, keepRaw, name, options, chunkRows,
                maxFitRows, seed, holdoutAboveRows);
    }

    public PrepareSpec withTarget(String column) {
        return new PrepareSpec(data, recipeFile, steps, refit, column, out, format, keepRaw, name, csv, chunkRows, maxFitRows,
                seed, holdoutAboveRows);
    }

    public PrepareSpec withKeepRaw(boolean keep) {
        return new PrepareSpec(data, recipeFile, steps, refit, target, out, format, keep, name, csv, chunkRows, maxFitRows,
                seed, holdoutAboveRows);
    }

    public PrepareSpec withName(String n) {
        return new PrepareSpec(data, recipeFile, steps, refit, target, out, format, keepRaw, n, csv, chunkRows, maxFitRows,
                seed, holdoutAboveRows);
    }

    public PrepareSpec withChunks(int rows, int fitRows) {
        return new PrepareSpec(data, recipeFile, steps, refit, target, out, format, keepRaw, name, csv, rows, fitRows, seed,
                holdoutAboveRows);
    }

    public PrepareSpec withSplit(long runSeed, int holdoutAbove) {
        return new PrepareSpec(data, recipeFile, steps, refit, target, out, format, keepRaw, name, csv, chunkRows, maxFitRows,
                runSeed, holdoutAbove);
    }
}
