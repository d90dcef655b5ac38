package org.automlwb.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.data.CsvOptions;
import org.automlwb.predict.BatchPredictor;
import org.automlwb.export.Deployment;
import org.automlwb.export.ModelLoader;
import org.automlwb.export.serving.ServingVersions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code drift}: new data through the served version of a deployed model, with its drift monitor: the PSI of every
 * input column and of the predictions against the training data, one line in the model's monitoring log, and the
 * alerts. With {@code --fail-on-alert} an alert is exit code {@value #ALERT}, so that an orchestrator marks the
 * step failed and tells someone.
 */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = "Check new data for drift against the served version of a deployed model (PSI per column, "
                + "alerts from monitoring_config.json); prints one JSON line.")
public final class DriftCommand implements Callable<Integer> {
    /** The exit code of {@code --fail-on-alert} when a column is over the alert threshold. */
    public static final int ALERT = 3;

    @Spec
    private CommandSpec spec;

    @Option(names = "--name", required = true, description = "The deployed model.")
    private String name;

    @Option(names = "--deployment", paramLabel = "DIR", defaultValue = "deployment",
            description = "The deployment/ folder (default: ${DEFAULT-VALUE}).")
    private Path deployment;

    @Option(names = "--data", required = true, description = "The new data (CSV).")
    private Path data;

    @Option(names = "--out", description = "Also keep the served version's predictions of the data here.")
    private Path out;

    @Option(names = "--fail-on-alert", description = "Exit with " + ALERT + " when a drift alert fires.")
    private boolean failOnAlert;

    @Override
    public Integer call() throws Exception {
        ServingVersions v = ServingVersions.of(deployment, name);
        String version = v.served().orElseThrow(() -> new BadInputException("no deployed version of '" + name + "'",
                v.dir(), 0, null, "deploy one first: deploy --experiment ID --name " + name));
        Path dir = v.dir().resolve(version);
        ModelLoader.LoadedModel loaded = ModelLoader.load(dir);
        Path monitoring = Deployment.monitoringFor(dir, loaded.metadata().modelId());
        if (monitoring == null) {
            throw new BadInputException("the model has no monitoring config (it was exported without its training "
                    + "data)", deployment.resolve(Deployment.MONITORING).resolve(v.name()), 0, null,
                    "deploy a model from an experiment whose training file is still there");
        }
        Path predictions = out != null ? out : Files.createTempFile("drift-", ".csv");
        BatchPredictor.Summary s;
        try {
            s = BatchPredictor.predict(loaded, data, predictions, new BatchPredictor.Options(null,
                    BatchPredictor.DEFAULT_CHUNK_ROWS, CsvOptions.defaults(), monitoring));
        } finally {
            if (out == null) AtomicFiles.deleteQuietly(predictions);
        }
        for (String w : s.warnings()) spec.commandLine().getErr().println("warning: " + data + ": " + w);
        Object alerts = s.monitoring().get("alerts");
        boolean fired = alerts instanceof List<?> l && l.stream().anyMatch(a -> a instanceof Map<?, ?> m
                && "alert".equals(m.get("level")));
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("name", v.name());
        line.put("version", version);
        line.put("rows", s.rows());
        line.put("drift", fired);
        line.put("psi", s.monitoring().get("psi"));
        line.put("alerts", alerts);
        line.put("monitoring_log", monitoring.resolve(Deployment.LOG_FILE).toString());
        if (out != null) line.put("out", out.toString());
        spec.commandLine().getOut().println(Json.line(line));
        spec.commandLine().getOut().flush();
        return failOnAlert && fired ? ALERT : Cli.OK;
    }
}
