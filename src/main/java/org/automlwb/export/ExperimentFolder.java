package org.automlwb.export;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;

/**
 * {@code models/experiments/<id>/}: created once, never reused for another run, so an existing experiment is
 * never overwritten. The id is the start time plus the data set's name.
 */
public record ExperimentFolder(String id, Path dir) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Creates a new, empty experiment folder under {@code modelsRoot/experiments}. */
    public static ExperimentFolder create(Path modelsRoot, String datasetName) throws BadInputException {
        Path parent = modelsRoot.resolve("experiments");
        String base = STAMP.format(LocalDateTime.now()) + "-" + SafeNames.of(datasetName, "data");
        try {
            Files.createDirectories(parent);
            for (int n = 1; ; n++) {
                String id = n == 1 ? base : base + "-" + n;
                try {
                    return new ExperimentFolder(id, Files.createDirectory(parent.resolve(id)));
                } catch (FileAlreadyExistsException taken) {
                    // Two runs in the same second: take the next suffix.
                }
            }
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(parent, e);
        }
    }

    /** Opens an existing experiment (to resume it or write its report). */
    public static ExperimentFolder open(Path dir) throws BadInputException {
        if (!Files.isDirectory(dir) || !Files.exists(dir.resolve("config.json"))) {
            throw new BadInputException("not an experiment folder (no config.json)", dir, 0, null,
                    "give a folder under models/experiments/");
        }
        return new ExperimentFolder(dir.getFileName().toString(), dir);
    }

    public Path configJson() { return dir.resolve("config.json"); }
    public Path journal() { return dir.resolve("trials.jsonl"); }
    public Path runLog() { return dir.resolve("run.log"); }
    /** How much of the budget the run used and whether its search ended ({@link RunStateFile}). */
    public Path runState() { return dir.resolve(RunStateFile.FILE); }
    public Path leaderboardCsv() { return dir.resolve("leaderboard.csv"); }
    public Path hyperparametersJson() { return dir.resolve("hyperparameters.json"); }
    public Path evaluationMetricsJson() { return dir.resolve("evaluation_metrics.json"); }
    public Path modelArtifact(int n) { return dir.resolve("model_artifact_" + n + ".tribuo"); }
}
