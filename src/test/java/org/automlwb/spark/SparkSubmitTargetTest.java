package org.automlwb.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.automlwb.common.BadInputException;
import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.run.RunSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark settings' checks (before any process starts) and the spark-submit command built from a run's settings. */
class SparkSubmitTargetTest {
    @TempDir
    Path dir;

    @Test
    void settingsTakeWhatSparkMasterTakes() throws Exception {
        Path submit = Files.createDirectories(dir.resolve("bin")).resolve("spark-submit");
        Files.writeString(submit, "#!/bin/sh\n");
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String ok : List.of("spark://master:7077", "local[2]", "local[*]", "yarn", " local[2] ")) {
            assertNull(new SparkSubmitTarget(dir, ok).problem(), ok);
        }
        for (String bad : List.of("", "master:7077", "spark://master", "local[0]", "http://host:8080")) {
            String why = new SparkSubmitTarget(dir, bad).problem();
            assertTrue(why.startsWith("Spark master URL: ") && why.contains("spark://"), why);
        }
    }

    @Test
    void aSparkHomeMustHoldARunnableSparkSubmit() throws Exception {
        assertTrue(new SparkSubmitTarget(dir, "local[2]").problem().contains("has no bin/spark-submit"));
        Path submit = Files.createDirectories(dir.resolve("bin")).resolve("spark-submit");
        Files.writeString(submit, "#!/bin/sh\n");
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rw-r--r--"));
        assertTrue(new SparkSubmitTarget(dir, "local[2]").problem().contains("not executable"));
        Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertNull(new SparkSubmitTarget(dir, "local[2]").problem());
        String badMaster = new SparkSubmitTarget(dir, "master:7077").problem();
        assertTrue(badMaster.contains("Spark master URL"), badMaster);
        BadInputException e = assertThrows(BadInputException.class,
                () -> new SparkSubmitTarget(dir.resolve("nowhere"), "local[2]").check());
        assertTrue(e.oneLine().contains("nowhere"), e.oneLine());
    }

    @Test
    void theCommandCarriesTheRunsSettingsAndFollowsItsEvents() {
        RunSpec spec = RunSpec.defaults("churn").withBudget(Duration.ofMillis(90_500)).withMetric(Metric.LOGLOSS)
                .withTask(TaskType.BINARY).withSeed(7).withFolds(3).withEnsemble(false)
                .withAlgorithms(List.of("xgboost", "cart")).withThreads(4);
        SubmitRequest r = new SubmitRequest(new SparkSubmitTarget(dir, "spark://m:7077"), Path.of("/opt/app.jar"),
                List.of(), Path.of("/data/train.csv"), Path.of("/data/test.csv"), spec, Path.of("/tmp/recipe.json"),
                null, Path.of("/models"), List.of("tribuo"));
        List<String> cmd = r.command();
        assertEquals(dir.resolve("bin/spark-submit").toString(), cmd.get(0));
        int jar = cmd.indexOf("/opt/app.jar");
        assertEquals(List.of("--master", "spark://m:7077", "--deploy-mode", "client"), cmd.subList(1, 5));
        assertEquals(SubmitRequest.MAIN_CLASS, cmd.get(cmd.indexOf("--class") + 1));
        assertEquals(r.runArguments(), cmd.subList(jar + 1, cmd.size()));
        String run = String.join(" ", r.runArguments());
        for (String part : List.of("run --data /data/train.csv --target churn --test /data/test.csv --task binary",
                "--metric logloss", "--budget 91s", "--threads 4", "--seed 7", "--algorithms xgboost,cart",
                "--folds 3", "--no-ensemble", "--recipe /tmp/recipe.json", "--out /models", "--engine tribuo",
                "--executor spark --master spark://m:7077", "--events")) {
            assertTrue(run.contains(part), part + " in " + run);
        }
    }
}
