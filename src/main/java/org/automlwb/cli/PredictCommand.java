package org.automlwb.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.data.CsvOptions;
import org.automlwb.predict.BatchPredictor;
import org.automlwb.export.Deployment;
import org.automlwb.export.ModelLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code predict}: a trained model on a new CSV file, streamed in chunks so that any size works. The last stdout
 * line is a one-line JSON summary (rows, output, warnings, drift alerts when the model is monitored); each warning
 * (a column matched ignoring case, infinite or huge numbers, mixed encodings) is also one line on stderr.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict a CSV file with a trained model (models/trained_models/NAME or "
                + "deployment/model_serving/NAME/VERSION).")
public final class PredictCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, description = "The trained model folder.")
    Path model;

    @Option(names = "--data", required = true, description = "CSV with the model's input columns (others ignored).")
    Path data;

    @Option(names = "--out", defaultValue = "predictions.csv", description = "Output CSV (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--id", description = "Copy this column to the output instead of the row number.")
    String id;

    @Option(names = "--chunk-rows", defaultValue = "50000", description = "Rows read at a time (default: ${DEFAULT-VALUE}).")
    int chunkRows;

    @Option(names = "--no-monitoring", description = "Do not append to the model's monitoring log.")
    boolean noMonitoring;

    @Override
    public Integer call() throws Exception {
        if (chunkRows < 1) throw new BadInputException("--chunk-rows must be at least 1", "use e.g. 50000");
        ModelLoader.LoadedModel loaded = ModelLoader.load(model);
        Path monitoring = noMonitoring ? null : Deployment.monitoringFor(model, loaded.metadata().modelId());
        BatchPredictor.Summary s = BatchPredictor.predict(loaded, data, out,
                new BatchPredictor.Options(id, chunkRows, CsvOptions.defaults(), monitoring));
        for (String w : s.warnings()) spec.commandLine().getErr().println("warning: " + data + ": " + w);
        spec.commandLine().getErr().flush();
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("model", loaded.metadata().modelId());
        line.put("rows", s.rows());
        line.put("chunks", s.chunks());
        line.put("out", s.out().toString());
        if (!s.warnings().isEmpty()) line.put("warnings", s.warnings());
        if (s.monitoring() != null) {
            line.put("monitoring_log", monitoring.resolve(Deployment.LOG_FILE).toString());
            line.put("alerts", s.monitoring().get("alerts"));
        }
        spec.commandLine().getOut().println(Json.line(line));
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}
