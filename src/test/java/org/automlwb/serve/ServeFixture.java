package org.automlwb.serve;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.automlwb.ChurnCsv;
import org.automlwb.common.CancelToken;
import org.automlwb.common.Json;
import org.automlwb.data.CsvLoader;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.export.Deployment;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.experiment.Experiments;

/**
 * One small churn model trained once for the server's tests (logistic SGD, three trials: a few seconds), deployed as
 * {@code deployment/model_serving/churn-*}/v1 with its monitoring folder, and an HTTP client for real requests.
 */
final class ServeFixture {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    final Path dir;
    final ExperimentOutcome outcome;
    final Path trained;
    final Path deployment;
    final Path versions;
    final String modelId;

    private ServeFixture(Path dir) throws Exception {
        this.dir = dir;
        Path train = dir.resolve("churn.csv");
        Files.writeString(train, ChurnCsv.rows(new Random(21), 500, 0, "basic"));
        RunSpec spec = new RunSpec("churn", null, null, null, 3, 2, 5L, "auto", List.of("linear_sgd"), 3, 10_000, 0,
                false, null);
        Path models = dir.resolve("models");
        outcome = Experiments.run(CsvLoader.load(train), null, RunPlan.tribuo(spec), null, models, CancelToken.none());
        trained = outcome.trainedModel().dir();
        deployment = Deployment.rootFor(models);
        Deployment.Deployed d = Deployment.deploy(trained, deployment);
        versions = d.serving().getParent();
        modelId = versions.getFileName().toString();
    }

    /** Trains and deploys the model in {@code dir}. */
    static ServeFixture train(Path dir) throws Exception {
        return new ServeFixture(dir);
    }

    /** The rows of a churn CSV as JSON records: numbers as JSON numbers written as in the file, blanks null. */
    static String jsonRecords(String csv) {
        com.fasterxml.jackson.databind.node.ArrayNode arr = Json.MAPPER.createArrayNode();
        String[] lines = csv.split("\n");
        String[] header = lines[0].split(",");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            com.fasterxml.jackson.databind.node.ObjectNode o = arr.addObject();
            for (int c = 0; c < header.length; c++) {
                String v = cells[c];
                if (v.isEmpty()) o.putNull(header[c]);
                else if (header[c].equals("age")) o.put(header[c], Integer.parseInt(v));
                else if (header[c].equals("usage")) o.put(header[c], new java.math.BigDecimal(v));
                else o.put(header[c], v);
            }
        }
        return arr.toString();
    }

    /** Names the promoted version the way deploy does: a temporary file moved over {@code current}. */
    static void promote(Path modelDir, String version) throws IOException {
        Path tmp = modelDir.resolve(".current.tmp");
        Files.writeString(tmp, version + "\n");
        Files.move(tmp, modelDir.resolve(ModelHome.CURRENT_FILE), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    static HttpResponse<String> post(String url, String contentType, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) b.header("Content-Type", contentType);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.MAPPER.readTree(r.body());
    }
}
