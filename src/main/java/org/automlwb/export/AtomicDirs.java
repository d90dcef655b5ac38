package org.automlwb.export;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.IntFunction;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;

/**
 * Folders that appear whole or not at all: built under a hidden temporary name beside where they go, then renamed
 * to the first free name (e.g. {@code base}, {@code base-2}, {@code base-3}, ...), so an existing folder is never
 * overwritten or merged into. On any failure the temporary folder is removed.
 */
final class AtomicDirs {
    private AtomicDirs() { }

    /** Fills a folder. */
    @FunctionalInterface
    interface Filler {
        void fill(Path dir) throws IOException, BadInputException;
    }

    /**
     * Creates {@code parent/<free name>} filled by {@code filler}.
     *
     * @param base  the start of the temporary folder's name
     * @param names the n-th name to try, from n = 1 (e.g. {@code base}, {@code base-2}, ... or {@code v1}, {@code v2})
     * @return the folder's final path
     * @throws BadInputException when the parent cannot be created or written (read-only, full disk)
     */
    static Path create(Path parent, String base, IntFunction<String> names, Filler filler) throws BadInputException {
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + base + ".partial-");
            filler.fill(tmp);
            for (int n = 1; ; n++) {
                Path target = parent.resolve(names.apply(n));
                if (Files.exists(target)) continue;
                try {
                    // Not ATOMIC_MOVE: that would replace an existing empty folder instead of failing.
                    Files.move(tmp, target);
                    return target;
                } catch (FileAlreadyExistsException taken) {
                    // Created by someone else since the check: try the next name.
                }
            }
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(tmp == null ? parent : tmp, e);
        } finally {
            if (tmp != null && Files.exists(tmp)) deleteTree(tmp);
        }
    }

    /** Removes a folder and its content, best effort (used for temporary folders only). */
    static void deleteTree(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // Best effort: what is left is a hidden folder named as partial.
        }
    }

    /** Copies the files of a folder tree into another (which exists). */
    static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(dest);
                else Files.copy(p, dest);
            }
        }
    }

    /** {@code base}, {@code base-2}, {@code base-3}, ... */
    static IntFunction<String> suffixed(String base) {
        return n -> n == 1 ? base : base + "-" + n;
    }
}
