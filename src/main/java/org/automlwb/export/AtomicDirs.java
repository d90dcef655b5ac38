package org.automlwb.export;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.LinkOption;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folders that appear whole or not at all: built under a hidden temporary name beside where they go, then renamed
 * to the first free name (e.g. {@code base}, {@code base-2}, {@code base-3}, ...), so an existing folder is never
 * overwritten or merged into. On any failure the temporary folder is removed; one left by a killed process is
 * removed by the next creation of the same base, or by a resume ({@link #removeAbandoned}).
 */
final class AtomicDirs {
    private static final Logger LOG = LoggerFactory.getLogger(AtomicDirs.class);

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
            removeAbandoned(parent, base);
            // The owner's process id in the name tells a later run whether the folder is still being written.
            tmp = Files.createTempDirectory(parent, partialPrefix(base) + ProcessHandle.current().pid() + "-");
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

    /** The start of the temporary folders' names for {@code base}: {@code .<base>.partial-}. */
    static String partialPrefix(String base) {
        return "." + base + ".partial-";
    }

    /** {@code <pid>-<random digits>} after the prefix; older versions wrote only the random digits. */
    private static final Pattern OWNED = Pattern.compile("(\\d{1,19})-\\d+");
    private static final Pattern UNOWNED = Pattern.compile("\\d+");

    /**
     * Removes the temporary folders of {@code base} in {@code parent} that a killed process left behind (a kill -9
     * during an export leaves {@code .<base>.partial-...}). Only folders of that very base are considered, and of
     * those only ones nobody can still be writing:
     * <ul>
     *   <li>named with a process id (this version's names) whose process is gone. A live owner, this process
     *   included (another thread may be exporting the same model), keeps its folder. A process id reused by an
     *   unrelated live process also keeps it: the leftover waits for a later clean-up rather than risking a live
     *   export;</li>
     *   <li>named without one (older versions) and last changed before this process started: a live writer of such
     *   a folder would be an older version running beside this one, and it would have touched it since.</li>
     * </ul>
     * Best effort: a folder that cannot be removed is left and said in the log.
     *
     * @return how many folders were removed
     */
    static int removeAbandoned(Path parent, String base) {
        if (!Files.isDirectory(parent)) return 0;
        String prefix = partialPrefix(base);
        long self = ProcessHandle.current().pid();
        java.time.Instant started = ProcessHandle.current().info().startInstant().orElse(java.time.Instant.EPOCH);
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, e -> Files.isDirectory(e,
                LinkOption.NOFOLLOW_LINKS) && e.getFileName().toString().startsWith(prefix))) {
            for (Path dir : entries) {
                String rest = dir.getFileName().toString().substring(prefix.length());
                Matcher owned = OWNED.matcher(rest);
                boolean abandoned;
                if (owned.matches()) {
                    long pid;
                    try {
                        pid = Long.parseLong(owned.group(1));
                    } catch (NumberFormatException e) {
                        continue;
                    }
                    abandoned = pid != self && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
                } else if (UNOWNED.matcher(rest).matches()) {
                    abandoned = Files.getLastModifiedTime(dir, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(started);
                } else {
                    continue; // another base that merely starts like this one (e.g. "<base>.partial-x")
                }
                if (!abandoned) continue;
                deleteTree(dir);
                if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
                    LOG.warn("{}: an abandoned partial folder could not be removed", dir);
                } else {
                    LOG.info("{}: removed a partial folder its process left behind", dir);
                    removed++;
                }
            }
        } catch (IOException e) {
            LOG.warn("{}: cannot look for abandoned partial folders ({})", parent, e.getMessage());
        }
        return removed;
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

    /**
     * A check before each file or folder is written: the seam through which tests make a write fail as a full disk
     * would, at a chosen place (the deployment's rollback tests).
     */
    @FunctionalInterface
    interface WriteHook {
        /** Writes nothing: the normal case. */
        WriteHook NONE = path -> { };

        void beforeWrite(Path path) throws IOException;
    }

    /** Copies the files of a folder tree into another (which exists). */
    static void copyTree(Path from, Path to) throws IOException {
        copyTree(from, to, WriteHook.NONE);
    }

    /** Copies the files of a folder tree into another (which exists), asking {@code hook} before each one. */
    static void copyTree(Path from, Path to, WriteHook hook) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                hook.beforeWrite(dest);
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
