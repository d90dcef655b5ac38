package org.automlwb.export.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;

/**
 * Writes a retraining pipeline into a folder: the recipe and search space, {@value RetrainScript#FILE}, and the
 * Airflow DAG and/or the Argo workflow. Each file is written whole (temporary file, then moved); when one fails,
 * those this call already wrote are removed again.
 */
public final class PipelineWriter {
    /** Which orchestrators to write for. */
    public enum Target {
        AIRFLOW, KUBEFLOW
    }

    private PipelineWriter() { }

    /**
     * Writes the files.
     *
     * @return the files written, by what they are ({@code recipe}, {@code space}, {@code script}, {@code airflow},
     *         {@code kubeflow})
     */
    public static Map<String, Path> write(RetrainPlan plan, Path outDir, List<Target> targets)
            throws BadInputException {
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> kinds = new LinkedHashMap<>();
        put(files, kinds, "recipe", RetrainPlan.RECIPE_FILE, plan.recipeJson() + "\n");
        put(files, kinds, "space", RetrainPlan.SPACE_FILE, plan.spaceJson() + "\n");
        put(files, kinds, "script", RetrainScript.FILE, RetrainScript.of(plan));
        if (targets.contains(Target.AIRFLOW)) {
            put(files, kinds, "airflow", AirflowDag.fileName(plan), AirflowDag.of(plan, LocalDate.now()));
        }
        if (targets.contains(Target.KUBEFLOW)) {
            put(files, kinds, "kubeflow", ArgoWorkflow.fileName(plan), ArgoWorkflow.of(plan));
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw AtomicFiles.cannotWrite(outDir, e);
        }
        List<Path> written = new ArrayList<>();
        Map<String, Path> out = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = outDir.resolve(f.getKey());
                AtomicFiles.writeString(file, f.getValue());
                written.add(file);
                out.put(kinds.get(f.getKey()), file);
            }
            Path script = outDir.resolve(RetrainScript.FILE);
            try {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException | IOException notPosix) {
                // Windows: run it with "bash retrain.sh"; the bit does not exist there.
            }
        } catch (BadInputException e) {
            written.forEach(AtomicFiles::deleteQuietly);
            throw e;
        }
        return out;
    }

    private static void put(Map<String, String> files, Map<String, String> kinds, String kind, String name,
                            String text) {
        files.put(name, text);
        kinds.put(name, kind);
    }
}
