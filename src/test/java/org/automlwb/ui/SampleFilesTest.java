package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.automlwb.ui.welcome.SampleFile;
import org.automlwb.ui.welcome.SampleFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding {@code sample-data/} and reading its catalogue. */
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
    void theCatalogueDescribesAndOrdersItsFilesAndTheOthersFollowByName() throws Exception {
        Files.writeString(dir.resolve("zoo.csv"), "a\n1\n");
        Files.writeString(dir.resolve("titanic.csv"), "a\n1\n");
        Files.writeString(dir.resolve("abc.csv"), "a\n1\n");
        Files.writeString(dir.resolve(SampleFiles.CATALOGUE), """
                {"samples": [
                  {"file": "zoo.csv", "title": "Zoo animals", "target": "type", "description": "Which kind of animal."},
                  {"file": "gone.csv", "title": "Not there"},
                  {"file": "titanic.csv", "title": "Titanic"}
                ]}""");
        List<SampleFile> found = SampleFiles.find(List.of(dir));
        assertEquals(List.of("zoo.csv", "titanic.csv", "abc.csv"), found.stream().map(SampleFile::name).toList());
        assertEquals(new SampleFile(dir.resolve("zoo.csv").toAbsolutePath().normalize(), 4, "Zoo animals",
                "Which kind of animal.", "type"), found.get(0));
        assertEquals("Titanic", found.get(1).title());
        assertNull(found.get(1).target(), "no target: the profile's suggestion");
        assertEquals("abc.csv", found.get(2).title());
        assertEquals("", found.get(2).description());
    }

    @Test
    void aBrokenCatalogueIsIgnoredAndTheFilesAreStillOffered() throws Exception {
        Files.writeString(dir.resolve("iris.csv"), "a\n1\n");
        Files.writeString(dir.resolve(SampleFiles.CATALOGUE), "{ not json");
        assertEquals(List.of("iris.csv"), SampleFiles.find(List.of(dir)).stream().map(SampleFile::title).toList());
    }

    @Test
    void theShippedCatalogueDescribesEveryShippedSample() {
        List<SampleFile> shipped = SampleFiles.find(List.of(Path.of(SampleFiles.FOLDER)));
        assertEquals(4, shipped.size());
        for (SampleFile f : shipped) {
            assertFalse(f.description().isEmpty(), () -> f.name() + " has a description");
            assertNotNull(f.target(), () -> f.name() + " names its target");
        }
        assertEquals("titanic-survival.csv", shipped.get(0).name(), "the first offered is the classic");
    }

    @Test
    void noFolderMeansNoSamples() {
        assertTrue(SampleFiles.find(List.of(dir.resolve("missing"))).isEmpty());
    }
}
