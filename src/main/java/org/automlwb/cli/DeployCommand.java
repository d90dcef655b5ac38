package org.automlwb.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.automlwb.common.Json;
import org.automlwb.export.Deployment;
import org.automlwb.export.serving.Deployer;
import org.automlwb.export.serving.ModelSource;
import org.automlwb.export.serving.SchemaChangedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code deploy}: an experiment's model as the next version under {@code deployment/model_serving/<name>/}, with
 * its input schema, start scripts and Dockerfile; {@code --promote} makes it the current version. A version whose
 * input columns differ from the served one's is refused, with both schemas under the one-line error.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Deploy an experiment's model as the next version of a served model (model bundle, "
                + "preprocessing, input_schema.json, serve / serve.cmd, Dockerfile); --promote makes it current.")
public final class DeployCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--experiment", required = true, paramLabel = "ID|DIR",
            description = "An experiment id, 'latest', an experiment folder or a trained model folder.")
    private String experiment;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "The models/ folder experiment ids are looked up in (default: ${DEFAULT-VALUE}).")
    private Path models;

    @Option(names = "--deployment", paramLabel = "DIR",
            description = "The deployment/ folder (default: the one beside the model's models/ folder).")
    private Path deployment;

    @Option(names = "--name", description = "The served model's name (default: the model's id).")
    private String name;

    @Option(names = "--promote", description = "Make the new version the current one.")
    private boolean promote;

    @Option(names = "--allow-schema-change",
            description = "Deploy even when the input columns differ from the served version's.")
    private boolean allowSchemaChange;

    @Override
    public Integer call() throws Exception {
        Path trained = ModelSource.trainedModel(experiment, models).toAbsolutePath().normalize();
        Path root = deployment != null ? deployment : Deployment.rootFor(trained.getParent().getParent());
        Deployer.Result r;
        try {
            r = Deployer.deploy(new Deployer.Request(trained, root, name, promote, allowSchemaChange));
        } catch (SchemaChangedException e) {
            spec.commandLine().getErr().println("error: " + e.oneLine());
            e.details().forEach(spec.commandLine().getErr()::println);
            spec.commandLine().getErr().flush();
            org.slf4j.LoggerFactory.getLogger(DeployCommand.class).info("deployment refused", e);
            return Cli.BAD_INPUT;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", r.name());
        line.put("version", r.version());
        line.put("path", r.dir().toString());
        line.put("promoted", r.promoted());
        line.put("previous", r.previous());
        line.put("monitoring", r.monitoring() == null ? null : r.monitoring().toString());
        spec.commandLine().getOut().println(Json.line(line));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}
