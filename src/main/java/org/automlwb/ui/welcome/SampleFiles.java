package org.automlwb.ui.welcome;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.automlwb.common.Json;
import org.automlwb.ui.CsvFileNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@code sample-data/} folder: where {@code -Dautomlwb.sampleData} points (the installed image sets
 * it), else in the working directory, else next to the jar or one level above it (the jar sits in {@code target/}
 * during development). The folder's {@value #CATALOGUE} names, describes and orders the files it knows.
 */
public final class SampleFiles {
    private static final Logger LOG = LoggerFactory.getLogger(SampleFiles.class);
    /** The folder's name. */
    public static final String FOLDER = "sample-data";
    /** The file in the folder that describes the samples. */
    public static final String CATALOGUE = "samples.json";

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

    /**
     * The CSV files in the first candidate folder that exists: those the catalogue describes first, in its order,
     * then the others by name; empty when there is no folder.
     */
    public static List<SampleFile> find(List<Path> candidates) {
        for (Path dir : candidates) {
            if (Files.isDirectory(dir)) return list(dir);
        }
        return List.of();
    }

    private static List<SampleFile> list(Path dir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> CsvFileNames.isCsvName(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            LOG.warn("Cannot list sample folder {}: {}", dir, e.toString());
            return List.of();
        }
        Map<String, JsonNode> described = catalogue(dir.resolve(CATALOGUE));
        List<SampleFile> out = new ArrayList<>(files.size());
        for (String name : described.keySet()) {
            files.stream().filter(p -> p.getFileName().toString().equals(name)).findFirst()
                    .ifPresent(p -> out.add(describe(p, described.get(name))));
        }
        for (Path p : files) {
            if (!described.containsKey(p.getFileName().toString())) out.add(new SampleFile(absolute(p), size(p)));
        }
        return out;
    }

    private static SampleFile describe(Path p, JsonNode entry) {
        String target = entry.path("target").asText("");
        return new SampleFile(absolute(p), size(p), entry.path("title").asText(p.getFileName().toString()),
                entry.path("description").asText(""), target.isBlank() ? null : target);
    }

    /** The catalogue's entries by file name, in its order; empty when it is missing or unreadable. */
    private static Map<String, JsonNode> catalogue(Path file) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) return out;
        try {
            for (JsonNode e : Json.MAPPER.readTree(file.toFile()).path("samples")) {
                if (e.hasNonNull("file")) out.put(e.get("file").asText(), e);
            }
        } catch (IOException e) {
            LOG.warn("Ignoring the sample catalogue {}: {}", file, e.toString());
        }
        return out;
    }

    private static Path absolute(Path p) { return p.toAbsolutePath().normalize(); }

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
