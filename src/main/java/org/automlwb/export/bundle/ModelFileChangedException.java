package org.automlwb.export.bundle;

import java.nio.file.Path;
import org.automlwb.common.BadInputException;

/**
 * A model file whose bytes (or a metadata document whose values) are not those recorded when the bundle was
 * written. Its own type because readers that forgive a missing model (the report of a run that found none) must
 * not forgive a damaged one: what it would say about the model could be false.
 */
public final class ModelFileChangedException extends BadInputException {
    /** @param file the changed file */
    public ModelFileChangedException(Path file) {
        // a folder copied in part, or a file edited or damaged on disk: both are mended the same two ways
        super("changed since it was written: re-export it", file, 0, null,
                "copy the whole model folder again, or export the model again from its experiment");
    }
}
