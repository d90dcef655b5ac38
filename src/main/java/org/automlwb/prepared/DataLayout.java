package org.automlwb.prepared;

import java.nio.file.Files;
import java.nio.file.Path;
import org.automlwb.common.BadInputException;
import org.automlwb.data.DataFormat;
import org.automlwb.data.Lineage;

/**
 * The folders and file names of a {@code data/} folder (see the package documentation).
 *
 * @param root the {@code data/} folder
 */
public record DataLayout(Path root) {
    /** Raw files as they arrived. */
    public static final String RAW = "raw_data";
    /** Prepared data sets and their lineage. */
    public static final String PROCESSED = "processed_data";
    /** Fitted recipes. */
    public static final String FEATURE_ENGINEERING = "feature_engineering";
    /** The end of a recipe file's name. */
    public static final String RECIPE_SUFFIX = ".recipe.json";

    public Path raw() { return root.resolve(RAW); }

    public Path processed() { return root.resolve(PROCESSED); }

    public Path featureEngineering() { return root.resolve(FEATURE_ENGINEERING); }

    /** {@code processed_data/<name>.<csv|parquet>}. */
    public Path processedFile(String name, DataFormat format) {
        return processed().resolve(name + "." + format.extension());
    }

    /** {@code processed_data/<name>.lineage.json}. */
    public Path lineageFile(String name) {
        return processed().resolve(name + Lineage.SIDECAR_SUFFIX);
    }

    /** {@code feature_engineering/<name>.recipe.json}. */
    public Path recipeFile(String name) {
        return featureEngineering().resolve(name + RECIPE_SUFFIX);
    }

    /** {@code raw_data/<the raw file's own name>}. */
    public Path rawCopy(Path rawFile) {
        return raw().resolve(rawFile.getFileName().toString());
    }

    /**
     * Checks, before any work, that the folders can be made: none of them is a file.
     *
     * @throws BadInputException naming the one that is a file
     */
    public void check() throws BadInputException {
        for (Path dir : new Path[] {root, raw(), processed(), featureEngineering()}) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new BadInputException("the output folder is a file", dir, 0, null,
                        "choose another folder with --out, or move the file away");
            }
        }
    }

    /**
     * Creates the three folders.
     *
     * @throws BadInputException when the root or one of the folders is a file, or cannot be created
     */
    public void create() throws BadInputException {
        check();
        for (Path dir : new Path[] {raw(), processed(), featureEngineering()}) {
            try {
                Files.createDirectories(dir);
            } catch (java.io.IOException e) {
                throw org.automlwb.common.AtomicFiles.cannotWrite(dir, e);
            }
        }
    }

    /**
     * The name of a data set from its raw file: the file name without its extension, with anything but letters,
     * digits, dot, dash and underscore replaced by an underscore (a name that is safe on every file system).
     */
    public static String nameOf(Path rawFile) {
        String n = rawFile.getFileName().toString();
        int dot = n.lastIndexOf('.');
        if (dot > 0) n = n.substring(0, dot);
        n = n.replaceAll("[^A-Za-z0-9._-]", "_");
        return n.isEmpty() || n.startsWith(".") ? "data" + n : n;
    }
}
