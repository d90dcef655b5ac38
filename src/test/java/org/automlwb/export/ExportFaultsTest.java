package org.automlwb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.data.CsvLoader;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.experiment.Experiments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a kill or a full disk leaves in {@code trained_models/} and {@code deployment/}: partial folders of a killed
 * export are removed (only those of that model, only when their process is gone), and a deployment that fails
 * midway takes back everything it created.
 */
class ExportFaultsTest {
    @TempDir
    static Path dir;
    static ExperimentOutcome outcome;

    @BeforeAll
    static void run() throws Exception {
        Path f = dir.resolve("faults.csv");
        Random rng = new Random(5);
        StringBuilder sb = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < 120; i++) {
            double x1 = rng.nextGaussian();
            double x2 = rng.nextGaussian();
            sb.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f%n", x1, x2, 2 * x1 - x2 + 0.2 * rng.nextGaussian()));
        }
        Files.writeString(f, sb.toString());
        RunSpec spec = new RunSpec("y", null, null, null, 2, 1, 3L, "auto", List.of("elastic_net"), 3, 10_000, 0,
                false, null);
        outcome = Experiments.run(CsvLoader.load(f), null, RunPlan.tribuo(spec), null, dir.resolve("models"),
                CancelToken.none());
    }

    /** A hook that fails as a full disk does at the first write whose path ends with {@code suffix}. */
    private static AtomicDirs.WriteHook fullDiskAt(String suffix) {
        return p -> {
            if (p.toString().endsWith(suffix)) throw new IOException(p + ": No space left on device");
        };
    }

    private static List<String> tree(Path root) throws IOException {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void aFullDiskWhileCopyingLeavesNoDeploymentFolderAtAll() {
        Path root = dir.resolve("full-copy/deployment");
        BadInputException e = assertThrows(BadInputException.class, () -> Deployment.deploy(
                outcome.trainedModel().dir(), root, fullDiskAt("README.md")));
        assertTrue(e.oneLine().contains("rolled back") && e.oneLine().contains("the disk is full"), e.oneLine());
        assertFalse(Files.exists(root), "deployment/ was created by this deployment only: removed");
    }

    @Test
    void aFullDiskAtTheMonitoringConfigTakesBackTheVersionAlreadyInPlace() throws Exception {
        Path root = dir.resolve("full-config/deployment");
        // Another model deployed before: its folders stay.
        Path other = Files.createDirectories(root.resolve(Deployment.SERVING).resolve("other/v1"));
        Files.writeString(other.resolve("README.md"), "other model");
        List<String> before = tree(root);
        BadInputException e = assertThrows(BadInputException.class, () -> Deployment.deploy(
                outcome.trainedModel().dir(), root, fullDiskAt(Deployment.CONFIG_FILE)));
        assertTrue(e.oneLine().contains("the disk is full"), e.oneLine());
        assertEquals(before, tree(root), "exactly what was there before");
        // With room again, the same deployment works and is version 1.
        Deployment.Deployed d = Deployment.deploy(outcome.trainedModel().dir(), root);
        assertEquals("v1", d.serving().getFileName().toString());
        assertTrue(Files.exists(d.monitoring().resolve(Deployment.CONFIG_FILE)));
    }

    @Test
    void aFailedSecondDeploymentKeepsTheFirstAndItsMonitoringConfig() throws Exception {
        Path root = dir.resolve("second/deployment");
        Deployment.Deployed first = Deployment.deploy(outcome.trainedModel().dir(), root);
        List<String> before = tree(root);
        assertThrows(BadInputException.class, () -> Deployment.deploy(outcome.trainedModel().dir(), root,
                fullDiskAt(ModelExport.METADATA_FILE)));
        assertEquals(before, tree(root));
        assertTrue(Files.isDirectory(first.serving()));
    }

    /** A process id that no process has any more. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void theNextExportRemovesOnlyItsOwnAbandonedPartialFolders() throws Exception {
        Path root = dir.resolve("partials");
        Path parent = Files.createDirectories(root.resolve(ModelExport.TRAINED_MODELS));
        long dead = deadPid();
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        long self = ProcessHandle.current().pid();
        Path killed = Files.createDirectories(parent.resolve(".mine.partial-" + dead + "-123"));
        Files.writeString(killed.resolve("model_artifact.tribuo"), "half a model");
        Path oldStyle = Files.createDirectories(parent.resolve(".mine.partial-456"));
        Files.setLastModifiedTime(oldStyle, FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        Path liveOwner = Files.createDirectories(parent.resolve(".mine.partial-" + live + "-789"));
        Path ownProcess = Files.createDirectories(parent.resolve(".mine.partial-" + self + "-790"));
        Path oldStyleNew = Files.createDirectories(parent.resolve(".mine.partial-791"));
        Path otherModel = Files.createDirectories(parent.resolve(".theirs.partial-" + dead + "-1"));
        Path lookalike = Files.createDirectories(parent.resolve(".mine.partial-x.partial-" + dead + "-2"));

        ModelExport.ExportedModel m = ModelExport.export(outcome.result(), root, "mine");
        assertEquals("mine", m.id());
        assertFalse(Files.exists(killed), "its process is gone");
        assertFalse(Files.exists(oldStyle), "an old-style name changed before this process started");
        for (Path kept : List.of(liveOwner, ownProcess, oldStyleNew, otherModel, lookalike)) {
            assertTrue(Files.exists(kept), kept + " may still be written, or is another model's");
        }
        // The export's own partial folder is gone after its rename.
        try (Stream<Path> s = Files.list(parent)) {
            assertEquals(5, s.filter(p -> p.getFileName().toString().startsWith(".")).count());
        }
        assertEquals(0, ModelExport.removeAbandonedPartials(root, "mine"), "nothing more to remove");
        assertEquals(1, ModelExport.removeAbandonedPartials(root, "theirs"));
    }
}
