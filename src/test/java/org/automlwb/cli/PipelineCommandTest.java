package org.automlwb.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.automlwb.common.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pipeline} on a tiny experiment, checked offline as far as it can be without Airflow or Argo: the DAG
 * compiles and, imported under a stub {@code airflow} package that records tasks and {@code >>} edges, declares
 * the six steps in order; the Argo workflow is valid against the Argo Workflows schema (npm package
 * {@code @kubernetes-models/argo-workflows}); and {@code retrain.sh}, the same steps, runs end to end on two new
 * data files: the first is deployed and promoted, the second (shifted, its labels turned around) fires the drift
 * check and its worse model is not promoted.
 */
class PipelineCommandTest {
    @TempDir
    static Path dir;
    static Path pipeline;
    static JsonNode written;

    private static final List<List<String>> STEPS = List.of(List.of("load_new_data", "profile"),
            List.of("profile", "run"), List.of("run", "compare"), List.of("compare", "deploy_and_promote"),
            List.of("deploy_and_promote", "check_drift"));

    /** Rows with y = (x1 + x2 > 0), or for shifted data x1 moved by +3 and y = (x1 - x2 > 0): a different rule. */
    static Path data(String name, int rows, long seed, boolean shifted) throws IOException {
        Random rng = new Random(seed);
        StringBuilder sb = new StringBuilder("x1,x2,colour,y\n");
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < rows; i++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            boolean y = shifted ? a - b > 0 : a + b > 0;
            sb.append(String.format(Locale.ROOT, "%.3f,%.3f,%s,%s%n", shifted ? a + 3 : a, b,
                    colours[rng.nextInt(3)], y ? "yes" : "no"));
        }
        return Files.writeString(dir.resolve(name), sb);
    }

    @BeforeAll
    static void anExperimentAndItsPipeline() throws IOException {
        Path models = dir.resolve("models");
        CliRun r = CliRun.of("run", "--data", data("train.csv", 150, 1, false).toString(), "--test",
                data("test.csv", 100, 2, false).toString(), "--target", "y", "--max-trials", "2", "--threads", "1",
                "--algorithms", "baseline,liblinear", "--no-ensemble", "--out", models.toString(), "--no-deploy");
        assertEquals(0, r.exit(), r.err());
        pipeline = dir.resolve("pipeline");
        CliRun p = CliRun.of("pipeline", "--experiment", r.summary().get("experiment").asText(), "--models",
                models.toString(), "--airflow", "--kubeflow", "--name", "churn", "--schedule", "@daily", "--out",
                pipeline.toString(), "--image", "registry.example/automl-workbench:1.0");
        assertEquals(0, p.exit(), p.err());
        written = p.summary();
    }

    @Test
    void theDagCompilesAndDeclaresTheStepsInOrderUnderAStubAirflow() throws Exception {
        assumeTrue(onPath("python3"), "python3 is not installed: the DAG cannot be compiled here");
        Path dag = Path.of(written.get("airflow").asText());
        assertEquals("retrain_churn_dag.py", dag.getFileName().toString());
        Proc compiled = Proc.run(dir, "python3", "-m", "py_compile", dag.toString());
        assertEquals(0, compiled.exit(), compiled.out());

        Path stub = resource("pipeline/airflow-stub");
        Proc imported = Proc.run(dir, "python3", stub.resolve("dag_check.py").toString(), dag.toString());
        assertEquals(0, imported.exit(), imported.out());
        JsonNode dags = Json.MAPPER.readTree(imported.out().strip().lines().reduce((a, b) -> b).orElseThrow());
        assertEquals(1, dags.size());
        JsonNode d = dags.get(0);
        assertEquals("automl_retrain_churn", d.get("dag_id").asText());
        assertEquals("@daily", d.get("schedule").asText());
        assertEquals("registry.example/automl-workbench:1.0", d.get("params").get("image").asText());
        assertEquals(STEPS, Json.MAPPER.convertValue(d.get("edges"), List.class));
        JsonNode tasks = d.get("tasks");
        assertEquals(99, tasks.get("compare").get("skip_on_exit_code").asInt(), "not better: deploy is skipped");
        assertEquals("none_failed", tasks.get("check_drift").get("trigger_rule").asText(),
                "drift is checked whether the deployment ran or was skipped");
        for (String[] cmd : new String[][] {{"profile", "automl-workbench profile"}, {"run", "automl-workbench run"},
                {"compare", "automl-workbench compare"}, {"deploy_and_promote", "automl-workbench deploy"},
                {"check_drift", "automl-workbench drift"}}) {
            JsonNode t = tasks.get(cmd[0]);
            assertEquals("{{ params.image }}", t.get("image").asText());
            assertEquals("sh", t.get("command").get(0).asText());
            assertTrue(t.get("command").get(2).asText().contains(cmd[1]), t.toString());
            assertEquals("/data", t.get("mounts").get(0).get("Target").asText());
        }
        String run = tasks.get("run").get("command").get(2).asText();
        for (String same : List.of("--target y", "--metric auc", "--max-trials 2", "--seed 42",
                "--algorithms baseline,liblinear", "--no-ensemble", "--recipe \"$PIPELINE_DIR/recipe.json\"",
                "--space \"$PIPELINE_DIR/space.json\"")) {
            assertTrue(run.contains(same), same + " in " + run);
        }
    }

    @Test
    void theArgoWorkflowIsValidAgainstTheArgoSchema() throws Exception {
        assumeTrue(onPath("node"), "node is not installed: the Argo workflow cannot be validated here");
        Path validator = argoValidator();
        Path yaml = Path.of(written.get("kubeflow").asText());
        Proc v = Proc.run(validator, "node", "validate.mjs", yaml.toString());
        assertEquals(0, v.exit(), v.out());
        JsonNode docs = Json.MAPPER.readTree(v.out().strip().lines().filter(l -> l.startsWith("[")).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(v.out())));
        JsonNode w = docs.get(0);
        assertTrue(w.get("valid").asBoolean(), w.toString());
        assertEquals("CronWorkflow", w.get("kind").asText());
        assertEquals("@daily", w.get("schedules").get(0).asText());
        List<String> names = new ArrayList<>();
        w.get("tasks").forEach(t -> names.add(t.get("name").asText()));
        assertEquals(List.of("load-new-data", "profile", "run", "compare", "deploy-and-promote", "check-drift"), names);
        assertEquals("{{tasks.compare.outputs.result}} == better", w.get("tasks").get(4).get("when").asText());
        assertEquals("deploy-and-promote.Succeeded || deploy-and-promote.Skipped",
                w.get("tasks").get(5).get("depends").asText());

        // The validator does reject a workflow the schema does not allow: without its schedules.
        Path broken = dir.resolve("broken.yaml");
        Files.writeString(broken, Files.readString(yaml).replace("  schedules:\n    - \"@daily\"\n", ""));
        Proc b = Proc.run(validator, "node", "validate.mjs", broken.toString());
        assertFalse(Json.MAPPER.readTree(b.out().strip().lines().filter(l -> l.startsWith("[")).reduce((x, y) -> y)
                .orElseThrow()).get(0).get("valid").asBoolean(), b.out());
    }

    @Test
    void theShellScriptPromotesABetterModelAndKeepsItWhenNewDataDriftedAndTrainsWorse() throws Exception {
        assumeTrue(onPath("bash"), "bash is not installed: retrain.sh cannot run here");
        Path script = Path.of(written.get("script").asText());
        Path deployment = dir.resolve("deployment");
        Path first = retrain(script, data("new1.csv", 150, 3, false), "1", deployment);
        Path model = deployment.resolve("model_serving/churn");
        assertEquals("v1", Files.readString(model.resolve("current")).strip());
        assertEquals("candidate", json(first.resolve("compare.json")).get("better").asText());
        assertFalse(json(first.resolve("drift.json")).get("drift").asBoolean());

        Path second = retrain(script, data("new2.csv", 150, 4, true), "2", deployment);
        JsonNode compare = json(second.resolve("compare.json"));
        assertEquals("baseline", compare.get("better").asText(), compare.toString());
        assertTrue(compare.get("candidate").asDouble() < compare.get("baseline").asDouble(), compare.toString());
        assertEquals("v1", Files.readString(model.resolve("current")).strip(), "the worse model is not promoted");
        assertFalse(Files.exists(model.resolve("v2")), "nor deployed");
        JsonNode drift = json(second.resolve("drift.json"));
        assertTrue(drift.get("drift").asBoolean(), drift.toString());
        assertTrue(drift.get("psi").get("x1").asDouble() > 0.25, drift.toString());
        assertEquals(2, Files.readAllLines(deployment.resolve("model_monitoring/churn/logs/predictions.jsonl")).size());
    }

    /** Runs retrain.sh with the product on this test's class path; returns its work folder. */
    private Path retrain(Path script, Path newData, String run, Path deployment) throws Exception {
        Path work = dir.resolve("runs").resolve(run);
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), newData.toString()).directory(dir.toFile())
                .redirectErrorStream(true);
        // -Xmx: a chosen heap, so that run does not relaunch itself in a sized child JVM.
        pb.environment().put("AUTOML_WORKBENCH", Path.of(System.getProperty("java.home"), "bin", "java")
                + " -Xmx512m -cp " + System.getProperty("java.class.path") + " org.automlwb.Main");
        pb.environment().put("DEPLOYMENT", deployment.toString());
        pb.environment().put("WORK", work.toString());
        Proc p = Proc.of(pb);
        int expected = run.equals("1") ? 0 : 3;
        assertEquals(expected, p.exit(), "retrain.sh exit code (3: drift alert)\n" + p.out());
        assertFalse(p.out().contains("\tat "), p.out());
        return work;
    }

    private static JsonNode json(Path file) throws IOException {
        return Json.MAPPER.readTree(Files.readString(file));
    }

    /** A folder with the validator and its two npm packages, installed once under target/ (.ci/run does it first). */
    private static Path argoValidator() throws Exception {
        Path target = Path.of("target", "argo-validate").toAbsolutePath();
        Files.createDirectories(target);
        for (String f : List.of("validate.mjs", "package.json")) {
            Files.copy(resource("pipeline/argo").resolve(f), target.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(target.resolve("node_modules/@kubernetes-models/argo-workflows"))) {
            Proc npm = Proc.run(target, "npm", "install", "--no-audit", "--no-fund", "--prefer-offline");
            assertEquals(0, npm.exit(), "npm install of the Argo schema failed (run .ci/run once with a network):\n"
                    + npm.out());
        }
        return target;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PipelineCommandTest.class.getClassLoader().getResource(name).toURI());
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) return true;
        }
        return false;
    }

    /** A finished process: exit code and its output (stdout and stderr together). */
    record Proc(int exit, String out) {
        static Proc run(Path in, String... command) throws Exception {
            return of(new ProcessBuilder(command).directory(in.toFile()).redirectErrorStream(true));
        }

        static Proc of(ProcessBuilder pb) throws Exception {
            Process p = pb.start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            // Bounded: a hung child fails the test instead of the build hanging.
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("did not finish: " + String.join(" ", pb.command()) + "\n" + out);
            }
            return new Proc(p.exitValue(), out);
        }
    }
}
