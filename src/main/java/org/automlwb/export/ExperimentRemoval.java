package org.automlwb.export;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.automlwb.common.BadInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes an experiment folder for good (when the desktop has no trash to move it to). The folder is first renamed
 * to a hidden name in the same place, in one step, and only then emptied: a deletion that fails halfway leaves a
 * hidden folder that no list shows, never an experiment with half its files. The trained model exported from it
 * under {@code trained_models/} is kept: it may be deployed.
 */
public final class ExperimentRemoval {
    private static final Logger LOG = LoggerFactory.getLogger(ExperimentRemoval.class);

    private ExperimentRemoval() { }

    /**
     * Deletes {@code dir} and everything in it.
     *
     * @throws BadInputException when it is not an experiment folder or cannot be removed
     */
    public static void delete(Path dir) throws BadInputException {
        ExperimentFolder folder = ExperimentFolder.open(dir);
        Path hidden = dir.resolveSibling("." + folder.id() + ".deleting");
        try {
            Files.move(dir, hidden, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BadInputException("cannot delete the experiment (" + e.getMessage() + ")", dir, 0, null,
                    "close programs that use its files (the report in a browser is fine), or delete it yourself");
        }
        try {
            Files.walkFileTree(hidden, new SimpleFileVisitor<>() {
                @Override public FileVisitResult visitFile(Path f, BasicFileAttributes a) throws IOException {
                    Files.delete(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) throw e;
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
            LOG.info("deleted experiment {}", dir);
        } catch (IOException e) {
            // Already out of every list; what is left is hidden and only takes space.
            LOG.warn("experiment {} is removed from the list, but {} could not be emptied: {}", dir, hidden,
                    e.getMessage());
        }
    }
}
