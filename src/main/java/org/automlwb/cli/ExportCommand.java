package org.automlwb.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.export.Deployment;
import org.automlwb.export.ModelExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code export}: an experiment's chosen model to {@code models/trained_models/NAME/} (again, or under another name),
 * and optionally to {@code deployment/}. {@code run} already does both for the model it chose.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export an experiment's chosen model to models/trained_models/NAME and optionally deploy it.")
public final class ExportCommand implements Callable<Integer> {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ExportCommand.class);
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--experiment", required = true, description = "models/experiments/ID")
    Path experiment;

    @Option(names = "--name", description = "Model id (default: the experiment id; -2, -3, ... when taken).")
    String name;

    @Option(names = "--out", description = "The models/ folder (default: the experiment's).")
    Path out;

    @Option(names = "--deploy", description = "Also copy it to deployment/ (beside models/) with a monitoring config.")
    boolean deploy;

    @Override
    public Integer call() throws Exception {
        Path dir = experiment.toAbsolutePath().normalize();
        Path models = out != null ? out : dir.getParent().getParent();
        ModelExport.ExportedModel m = ModelExport.export(dir, models,
                name != null ? name : dir.getFileName().toString());
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("model", m.id());
        line.put("path", m.dir().toString());
        if (deploy) {
            try {
                Deployment.Deployed d = Deployment.deploy(m.dir(), Deployment.rootFor(models));
                line.put("serving", d.serving().toString());
                line.put("monitoring", d.monitoring() == null ? null : d.monitoring().toString());
            } catch (BadInputException e) {
                // The export succeeded: say so on stdout, and what failed in one line on stderr.
                spec.commandLine().getOut().println(Json.line(line));
                spec.commandLine().getOut().flush();
                spec.commandLine().getErr().println("error: " + e.oneLine());
                spec.commandLine().getErr().flush();
                LOG.info("deployment failed after the export", e);
                return Cli.BAD_INPUT;
            }
        }
        spec.commandLine().getOut().println(Json.line(line));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}
