package org.automlwb.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;

/**
 * The name a person gave an experiment, kept in one line of {@value #FILE} inside its folder. The folder's id never
 * changes: the trained model, the deployment and the report name the experiment by it, so renaming the folder
 * would break their links.
 */
public final class ExperimentDisplayName {
    /** The file in the experiment folder. */
    public static final String FILE = "display_name.txt";
    /** Longer names are cut: a list row or a window title cannot show more. */
    static final int MAX_LENGTH = 120;

    private ExperimentDisplayName() { }

    /** The display name of the experiment in {@code dir}, or null when it has none (or it cannot be read). */
    public static String read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) return null;
        try {
            String name = clean(Files.readString(file, StandardCharsets.UTF_8));
            return name.isEmpty() ? null : name;
        } catch (IOException | java.io.UncheckedIOException e) {
            return null; // a name is a nicety: the id still identifies the experiment
        }
    }

    /**
     * Gives the experiment in {@code dir} a display name (atomically); a blank name removes it, so the id shows
     * again.
     *
     * @return the name as stored (trimmed, one line), or null when it was removed
     * @throws BadInputException when the file cannot be written
     */
    public static String write(Path dir, String name) throws BadInputException {
        String clean = clean(name == null ? "" : name);
        Path file = dir.resolve(FILE);
        if (clean.isEmpty()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw AtomicFiles.cannotWrite(file, e);
            }
            return null;
        }
        AtomicFiles.writeString(file, clean + "\n");
        return clean;
    }

    /** One line, no surrounding blanks, at most {@link #MAX_LENGTH} characters. */
    static String clean(String s) {
        String one = s.replaceAll("[\\r\\n\\t]+", " ").strip();
        return one.length() <= MAX_LENGTH ? one : one.substring(0, MAX_LENGTH).strip();
    }
}
