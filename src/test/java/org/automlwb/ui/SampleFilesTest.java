package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.automlwb.ui.welcome.SampleFile;
import org.automlwb.ui.welcome.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding {@code sample-data/}. */
class SampleFilesTest {
    @TempDir
    Path dir;

    @Test
    void theFirstExistingFolderWinsAndOnlyCsvFilesAreListed() throws Exception {
        Path samples = Files.createDirectories(dir.resolve("b/sample-data"));
        Files.writeString(samples.resolve("zoo.csv"), "a\n1\n");
        Files.writeString(samples.resolve("iris.CSV"), "a\n1\n");
        Files.writeString(samples.resolve("SOURCES.md"), "terms");
        List<SampleFile> found = SampleFiles.find(List.of(dir.resolve("a/sample-data"), samples));
        assertEquals(List.of("iris.CSV", "zoo.csv"), found.stream().map(SampleFile::name).toList());
        assertEquals(4, found.get(0).bytes());
    }

    @Test
    void noFolderMeansNoSamples() {
        assertTrue(SampleFiles.find(List.of(dir.resolve("missing"))).isEmpty());
    }
}
