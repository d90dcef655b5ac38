package org.automlwb.ui.welcome;

import java.nio.file.Path;

/**
 * A CSV offered on the welcome panel.
 *
 * @param path  the file
 * @param bytes its size
 */
public record SampleFile(Path path, long bytes) {
    public String name() { return path.getFileName().toString(); }
}
