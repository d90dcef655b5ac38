package org.automlwb.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.export.SafeNames;
import org.automlwb.export.pipeline.PipelineWriter;
import org.automlwb.export.pipeline.RetrainPlan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pipeline}: a scheduled retraining of an experiment's model, as an Airflow DAG and/or an Argo (Kubeflow)
 * workflow, plus the same steps as a shell script ({@code retrain.sh}).
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Write a scheduled retraining with an experiment's settings: an Airflow DAG (--airflow) or an "
                + "Argo/Kubeflow workflow (--kubeflow), and retrain.sh with the same steps.")
public final class PipelineCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--experiment", required = true, paramLabel = "ID|DIR",
            description = "The experiment whose recipe, space, budget, metric and seed the retraining repeats.")
    private String experiment;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "The models/ folder experiment ids are looked up in (default: ${DEFAULT-VALUE}).")
    private Path models;

    @Option(names = "--airflow", description = "Write an Airflow DAG (Python).")
    private boolean airflow;

    @Option(names = "--kubeflow", description = "Write an Argo CronWorkflow (YAML) for Kubeflow / Argo Workflows.")
    private boolean kubeflow;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write (default: pipelines/NAME).")
    private Path out;

    @Option(names = "--name", description = "The served model it deploys to (default: the experiment id).")
    private String name;

    @Option(names = "--schedule", defaultValue = "@weekly",
            description = "When: @hourly, @daily, @weekly, @monthly or a cron expression (default: ${DEFAULT-VALUE}).")
    private String schedule;

    @Option(names = "--test", paramLabel = "FILE",
            description = "The fixed test data new models are compared on (default: the experiment's --test file).")
    private String test;

    @Option(names = "--image", defaultValue = "automl-workbench:latest",
            description = "The container image with this product (default: ${DEFAULT-VALUE}).")
    private String image;

    @Override
    public Integer call() throws Exception {
        if (!airflow && !kubeflow) {
            throw new BadInputException("pipeline needs --airflow or --kubeflow (or both)", "see: pipeline --help");
        }
        Path dir = Path.of(experiment);
        if (!dir.toFile().isDirectory()) dir = models.resolve("experiments").resolve(experiment);
        dir = dir.toAbsolutePath().normalize();
        String served = SafeNames.of(name != null ? name : dir.getFileName().toString(), "model");
        RetrainPlan plan = RetrainPlan.of(dir, served, test == null ? null
                : Path.of(test).toAbsolutePath().normalize().toString(), schedule, image);
        List<PipelineWriter.Target> targets = new ArrayList<>();
        if (airflow) targets.add(PipelineWriter.Target.AIRFLOW);
        if (kubeflow) targets.add(PipelineWriter.Target.KUBEFLOW);
        Map<String, Path> files = PipelineWriter.write(plan, out != null ? out : Path.of("pipelines", served), targets);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", served);
        line.put("experiment", plan.experimentId());
        line.put("schedule", plan.schedule());
        files.forEach((k, v) -> line.put(k, v.toAbsolutePath().normalize().toString()));
        spec.commandLine().getOut().println(Json.line(line));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}
