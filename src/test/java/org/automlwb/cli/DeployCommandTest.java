package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.automlwb.common.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deploy}, {@code deployments}, {@code promote}, {@code rollback} and {@code compare} on two tiny experiments:
 * one with numeric inputs, and one where the column {@code b} holds text, whose deployment under the same name is
 * refused with both schemas.
 */
class DeployCommandTest {
    @TempDir
    static Path dir;
    static Path models;
    static String numeric;
    static String textual;

    @BeforeAll
    static void twoExperiments() throws IOException {
        models = dir.resolve("models");
        numeric = run(data("numeric.csv", false));
        textual = run(data("textual.csv", true));
    }

    private static Path data(String name, boolean bAsText) throws IOException {
        Random rng = new Random(7);
        StringBuilder sb = new StringBuilder("a,b,colour,y\n");
        for (int i = 0; i < 120; i++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            String colour = i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue";
            sb.append(String.format(Locale.ROOT, "%.3f,%s,%s,%s%n", a, bAsText ? (b > 0 ? "hi" : "lo")
                    : String.format(Locale.ROOT, "%.3f", b), colour, a + 0.3 * b > 0 ? "up" : "down"));
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    private static String run(Path data) throws IOException {
        CliRun r = CliRun.of("run", "--data", data.toString(), "--target", "y", "--max-trials", "2", "--threads",
                "1", "--algorithms", "baseline,liblinear", "--no-ensemble", "--out", models.toString(),
                "--no-deploy");
        assertEquals(0, r.exit(), r.err());
        return r.summary().get("experiment").asText();
    }

    private static Path deployment() {
        return dir.resolve("deployment");
    }

    @Test
    void versionsArePromotedListedAndRolledBackAndEachCanBeServedOnItsOwn() throws IOException {
        CliRun first = CliRun.of("deploy", "--experiment", numeric, "--models", models.toString(), "--name", "churn",
                "--promote");
        assertEquals(0, first.exit(), first.err());
        JsonNode f = first.summary();
        assertEquals("v1", f.get("version").asText());
        assertTrue(f.get("promoted").asBoolean());
        Path v1 = Path.of(f.get("path").asText());
        assertEquals(deployment().resolve("model_serving/churn/v1").toAbsolutePath().normalize(), v1);
        Path model = v1.getParent();
        assertEquals("v1", Files.readString(model.resolve("current")).strip());

        // What a version holds: the bundle and pipeline, the inputs it expects, start scripts and a Dockerfile.
        for (String f1 : List.of("model_metadata.json", "model_artifact.tribuo", "preprocessing_pipeline.json",
                "input_schema.json", "serve", "serve.cmd", "Dockerfile", "README.md")) {
            assertTrue(Files.isRegularFile(v1.resolve(f1)), f1);
        }
        JsonNode schema = Json.MAPPER.readTree(Files.readString(v1.resolve("input_schema.json")));
        assertEquals("y", schema.get("target").asText());
        JsonNode colour = null;
        for (JsonNode c : schema.get("columns")) if (c.get("name").asText().equals("colour")) colour = c;
        assertEquals("text", colour.get("type").asText());
        assertEquals(List.of("blue", "green", "red"), Json.MAPPER.convertValue(colour.get("categories"), List.class)
                .stream().sorted().toList());
        String sh = Files.readString(v1.resolve("serve"));
        assertTrue(sh.startsWith("#!/bin/sh") && sh.contains("serve --model \"$here\" \"$@\""), sh);
        assertTrue(Files.getPosixFilePermissions(v1.resolve("serve")).contains(PosixFilePermission.OWNER_EXECUTE));
        String cmd = Files.readString(v1.resolve("serve.cmd"));
        assertTrue(cmd.contains("\r\n") && cmd.contains("serve --model \"%HERE%\" %*"), cmd);
        String docker = Files.readString(v1.resolve("Dockerfile"));
        assertTrue(docker.contains("FROM eclipse-temurin:17-jre\n") && docker.contains("EXPOSE 8080\n")
                && docker.contains("COPY [\"automl-workbench.jar\", \"/app/automl-workbench.jar\"]")
                && docker.contains("COPY [\"model_artifact.tribuo\", \"/app/model/model_artifact.tribuo\"]")
                && docker.contains("CMD [\"automl-workbench\", \"serve\", \"--model\", \"/app/model\""), docker);
        assertFalse(docker.contains("serve.cmd"), "the Windows script stays out of the image");

        CliRun second = CliRun.of("deploy", "--experiment", numeric, "--models", models.toString(), "--name",
                "churn");
        assertEquals(0, second.exit(), second.err());
        assertEquals("v2", second.summary().get("version").asText());
        assertFalse(second.summary().get("promoted").asBoolean());
        assertEquals("v1", Files.readString(model.resolve("current")).strip(), "deploying does not promote");

        CliRun list = CliRun.of("deployments", "--deployment", deployment().toString(), "--json");
        assertEquals(0, list.exit(), list.err());
        List<JsonNode> rows = new java.util.ArrayList<>();
        Json.MAPPER.readTree(list.out().strip()).forEach(v -> {
            if (v.get("model").asText().equals("churn")) rows.add(v); // other tests deploy other models here
        });
        assertEquals(2, rows.size());
        assertTrue(rows.get(0).get("current").asBoolean() && !rows.get(1).get("current").asBoolean(), rows.toString());
        assertEquals("auc", rows.get(0).get("metric").asText());
        assertTrue(rows.get(0).get("validation").isNumber() && rows.get(0).get("created").isTextual());
        CliRun table = CliRun.of("deployments", "--deployment", deployment().toString());
        assertTrue(table.out().lines().anyMatch(l -> l.startsWith("churn") && l.contains("v1") && l.contains("*")),
                table.out());

        CliRun promote = CliRun.of("promote", "--deployment", deployment().toString(), "--name", "churn",
                "--version", "v2");
        assertEquals(0, promote.exit(), promote.err());
        assertEquals("v2", Files.readString(model.resolve("current")).strip());
        JsonNode monitoring = Json.MAPPER.readTree(Files.readString(
                deployment().resolve("model_monitoring/churn/monitoring_config.json")));
        assertEquals("v2", monitoring.get("version").asText(), "drift is measured against the served version");
        assertEquals(0.25, monitoring.get("alert").asDouble());

        CliRun back = CliRun.of("rollback", "--deployment", deployment().toString(), "--name", "churn");
        assertEquals(0, back.exit(), back.err());
        assertEquals("v1", back.summary().get("current").asText());
        assertEquals("v1", Files.readString(model.resolve("current")).strip());
        CliRun none = CliRun.of("rollback", "--deployment", deployment().toString(), "--name", "churn");
        assertEquals(2, none.exit());
        assertEquals(1, none.err().strip().lines().count(), none.err());
        assertTrue(none.err().contains("no earlier promoted version of churn"), none.err());

        // The same model on the same test file: not better, so a pipeline keeps the served one.
        CliRun same = CliRun.of("compare", "--candidate", numeric, "--models", models.toString(), "--name", "churn",
                "--deployment", deployment().toString(), "--data", dir.resolve("numeric.csv").toString(),
                "--require-better");
        assertEquals(CompareCommand.NOT_BETTER, same.exit(), same.err());
        JsonNode c = same.summary();
        assertEquals("baseline", c.get("better").asText());
        assertEquals(c.get("candidate").asDouble(), c.get("baseline").asDouble(), 1e-12);
        assertEquals(120, c.get("rows").asInt());
    }

    @Test
    void aVersionWhoseInputTypesChangedIsRefusedWithBothSchemas() throws IOException {
        CliRun first = CliRun.of("deploy", "--experiment", numeric, "--models", models.toString(), "--name",
                "typed", "--promote");
        assertEquals(0, first.exit(), first.err());
        CliRun changed = CliRun.of("deploy", "--experiment", textual, "--models", models.toString(), "--name",
                "typed", "--promote");
        assertEquals(2, changed.exit(), changed.err());
        List<String> err = changed.err().strip().lines().toList();
        assertTrue(err.get(0).startsWith("error: ") && err.get(0).contains("refused")
                && err.get(0).contains("served") && err.get(0).contains("--allow-schema-change"), err.get(0));
        assertEquals("  b: number in the current version, text in the new one", err.get(1));
        assertEquals("  served (v1): a: number, b: number, colour: text", err.get(2));
        assertEquals("  new: a: number, b: text, colour: text", err.get(3));
        assertEquals(4, err.size(), changed.err());
        assertFalse(Files.exists(deployment().resolve("model_serving/typed/v2")), "nothing is written");
        assertFalse(changed.out().contains("{"), changed.out());

        CliRun allowed = CliRun.of("deploy", "--experiment", textual, "--models", models.toString(), "--name",
                "typed", "--allow-schema-change");
        assertEquals(0, allowed.exit(), allowed.err());
        assertEquals("v2", allowed.summary().get("version").asText());
    }

    @Test
    void theStartScriptServesItsOwnFolderWithTheProductsServeCommand() throws Exception {
        CliRun r = CliRun.of("deploy", "--experiment", numeric, "--models", models.toString(), "--name", "script");
        assertEquals(0, r.exit(), r.err());
        Path version = Path.of(r.summary().get("path").asText());
        // A stand-in java that prints what it was asked to run: the script's part is finding the jar and the folder.
        Path bin = Files.createDirectories(dir.resolve("fake-bin"));
        Path fakeJava = Files.writeString(bin.resolve("java"), "#!/bin/sh\necho \"$@\"\n");
        fakeJava.toFile().setExecutable(true);
        Path jar = Files.writeString(version.resolve("automl-workbench.jar"), "not read by the stand-in");
        ProcessBuilder pb = new ProcessBuilder("sh", version.resolve("serve").toString(), "--port", "9090")
                .redirectErrorStream(true);
        pb.environment().put("PATH", bin + java.io.File.pathSeparator + "/usr/bin:/bin");
        pb.environment().remove("AUTOML_WORKBENCH_JAR");
        pb.environment().remove("JAVA_OPTS");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), out);
        assertEquals("-jar " + jar + " serve --model " + version + " --port 9090", out);

        Files.delete(jar);
        Process none = pb.start();
        String said = new String(none.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, none.waitFor(), said);
        assertTrue(said.startsWith("error: AutoML Workbench not found: set AUTOML_WORKBENCH_JAR"), said);
    }

    /** promote's own --version (the version to promote) once shadowed picocli's, and --help failed. */
    @Test
    void promoteAndRollbackShowTheirHelp() {
        for (String command : new String[] {"promote", "rollback"}) {
            CliRun r = CliRun.of(command, "--help");
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.out().contains("--name=<name>") && r.out().contains("--deployment=DIR"), r.out());
        }
        assertTrue(CliRun.of("promote", "--help").out().contains("--version=vN"));
    }

    @Test
    void aFolderThatIsNeitherAnExperimentNorAModelIsOneLine() throws IOException {
        Path stray = Files.createDirectories(dir.resolve("stray"));
        Files.writeString(stray.resolve("notes.txt"), "not a model");
        CliRun r = CliRun.of("deploy", "--experiment", stray.toString(), "--name", "x");
        assertEquals(2, r.exit());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + stray.toAbsolutePath().normalize()
                + ": not an experiment or a model folder"), r.err());
        CliRun unknown = CliRun.of("deploy", "--experiment", "20200101-000000-nothing", "--models",
                models.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("no experiment '20200101-000000-nothing' here"), unknown.err());
        assertFalse(r.err().contains("\tat ") || unknown.err().contains("\tat "));
    }
}
