package org.automlwb.ui.welcome;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@code sample-data/} folder: where {@code -Dautomlwb.sampleData} points, else in the working
 * directory, else next to the jar or one level above it (the jar sits in {@code target/} during development).
 */
public final class SampleFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SampleFiles.class);
    /** The folder's name. */
    public static final String FOLDER = "sample-data";

    private SampleFiles() { }

    /** The folders to look in, best first. */
    public static List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        String prop = System.getProperty("automlwb.sampleData");
        if (prop != null && !prop.isBlank()) out.add(Path.of(prop));
        out.add(Path.of(System.getProperty("user.dir", ".")).resolve(FOLDER));
        jarDirectory().ifPresent(dir -> {
            out.add(dir.resolve(FOLDER));
            if (dir.getParent() != null) out.add(dir.getParent().resolve(FOLDER));
        });
        return out;
    }

    /** The CSV files in the first candidate folder that exists, by name; empty when there is none. */
    public static List<SampleFile> find(List<Path> candidates) {
        for (Path dir : candidates) {
            if (Files.isDirectory(dir)) return list(dir);
        }
        return List.of();
    }

    /** Whether {@code name} looks like a delimited text file the app opens. */
    public static boolean isCsvName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt");
    }

    private static List<SampleFile> list(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> isCsvName(p.getFileName().toString()))
                    .sorted()
                    .map(p -> new SampleFile(p.toAbsolutePath().normalize(), size(p)))
                    .toList();
        } catch (IOException e) {
            LOG.warn("Cannot list sample folder {}: {}", dir, e.toString());
            return List.of();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }

    private static Optional<Path> jarDirectory() {
        try {
            var source = SampleFiles.class.getProtectionDomain().getCodeSource();
            if (source == null) return Optional.empty();
            Path location = Path.of(source.getLocation().toURI());
            return Optional.ofNullable(Files.isDirectory(location) ? location : location.getParent());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
