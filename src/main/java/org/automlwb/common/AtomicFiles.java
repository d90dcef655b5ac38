package org.automlwb.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.automlwb.common.BadInputException;

/**
 * Writes files so that a reader never sees half of one: to a temporary sibling first, then moved into place.
 * A full disk or a read-only folder becomes a {@link BadInputException} that says which path and what to do.
 */
public final class AtomicFiles {
    private AtomicFiles() { }

    /** Something that writes a file's content to a path. */
    @FunctionalInterface
    public interface Writer {
        void write(Path target) throws IOException;
    }

    public static void writeString(Path file, String content) throws BadInputException {
        write(file, tmp -> Files.writeString(tmp, content, StandardCharsets.UTF_8));
    }

    /** Writes through {@code writer} to a temporary file beside {@code file}, then moves it over {@code file}. */
    public static void write(Path file, Writer writer) throws BadInputException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        try {
            writer.write(tmp);
            move(tmp, file);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw cannotWrite(file, e);
        }
    }

    /** Moves atomically where the file system can, plainly otherwise. */
    public static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The user-facing form of a failed write. */
    public static BadInputException cannotWrite(Path file, IOException e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (why.contains("No space left")) why = "the disk is full";
        return new BadInputException("cannot write (" + why + ")", file, 0, null,
                "free some disk space or choose another output folder with --out");
    }

    public static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // Best effort: a stray temp file is harmless and named as such.
        }
    }
}
