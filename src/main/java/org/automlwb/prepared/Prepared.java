package org.automlwb.prepared;

import java.nio.file.Path;
import java.util.List;
import org.automlwb.data.Lineage;

/**
 * What {@code prepare} wrote.
 *
 * @param processed the prepared data set
 * @param recipe    the fitted recipe
 * @param lineageFile the lineage beside the prepared file
 * @param rawCopy   the raw file's copy, or null without {@code --keep-raw}
 * @param lineage   where the data came from, with the rows of each step
 * @param fit       how the recipe was obtained, in words (e.g. "fitted on 8,000 training rows of 10,000")
 * @param chunks    chunks written
 * @param warnings  what the user should know about how the raw file was read, one sentence each
 */
public record Prepared(Path processed, Path recipe, Path lineageFile, Path rawCopy, Lineage lineage, String fit,
                       int chunks, List<String> warnings) {
    public Prepared {
        warnings = List.copyOf(warnings);
    }
}
