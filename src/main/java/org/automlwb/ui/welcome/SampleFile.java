package org.automlwb.ui.welcome;

import java.nio.file.Path;

/**
 * A CSV offered on the welcome panel.
 *
 * @param path        the file
 * @param bytes       its size, or -1 when unknown
 * @param title       what the welcome panel calls it ("Titanic survival"), or the file name
 * @param description one plain sentence on what a row is and what is predicted, or empty
 * @param target      the column a quick run predicts, or null for the profile's suggestion
 */
public record SampleFile(Path path, long bytes, String title, String description, String target) {
    /** A file the catalogue does not describe. */
    public SampleFile(Path path, long bytes) {
        this(path, bytes, path.getFileName().toString(), "", null);
    }

    public String name() { return path.getFileName().toString(); }
}
