package org.automlwb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.automlwb.ChurnCsv;
import org.automlwb.common.Json;
import org.automlwb.export.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server over real HTTP: its endpoints, bad input, requests that fail beside good ones, drift. */
class ModelServerTest {
    @TempDir
    static Path dir;
    static ServeFixture model;
    static ModelServer server;
    static String rows;

    @BeforeAll
    static void start() throws Exception {
        model = ServeFixture.train(dir);
        rows = ChurnCsv.rows(new Random(5), 30, 0, "basic");
        server = ModelServer.start(List.of(model.versions), List.of(),
                new ServeSettings("127.0.0.1", 0, 64 * 1024, Duration.ofMinutes(10), 50));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    private static HttpResponse<String> postJson(String body) throws Exception {
        return ServeFixture.post(server.url() + "/predict", "application/json", body);
    }

    @Test
    void oneObjectGetsOnePredictionWithEveryClassProbability() throws Exception {
        HttpResponse<String> r = postJson("{\"age\": 40, \"plan\": \"pro\", \"usage\": 61.5}");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode a = ServeFixture.json(r);
        assertEquals(model.modelId, a.get("model").asText());
        assertEquals("v1", a.get("version").asText());
        assertEquals(1, a.get("rows").asInt());
        JsonNode p = a.get("predictions").get(0);
        double no = p.get("probabilities").get("no").asDouble();
        double yes = p.get("probabilities").get("yes").asDouble();
        assertEquals(1.0, no + yes, 1e-9);
        assertEquals(yes > no ? "yes" : "no", p.get("prediction").asText());
        // The same row under its version's own path, and by the model's name.
        String url = server.url() + "/models/" + model.modelId;
        for (String u : List.of(url + "/predict", url + "/v1/predict")) {
            HttpResponse<String> again = ServeFixture.post(u, null, "[{\"age\": 40, \"plan\": \"pro\", "
                    + "\"usage\": 61.5}]");
            assertEquals(200, again.statusCode(), again.body());
            assertEquals(p, ServeFixture.json(again).get("predictions").get(0));
        }
    }

    @Test
    void healthModelAndOpenApiDescribeTheModel() throws Exception {
        JsonNode health = ServeFixture.json(ServeFixture.get(server.url() + "/health"));
        assertEquals("ok", health.get("status").asText());
        assertEquals("v1", health.get("models").get(0).get("version").asText());

        JsonNode m = ServeFixture.json(ServeFixture.get(server.url() + "/model"));
        assertEquals("binary", m.get("task").asText());
        assertEquals("churn", m.get("target").asText());
        List<String> inputs = new ArrayList<>();
        m.get("input_schema").forEach(c -> inputs.add(c.get("name").asText() + ":" + c.get("type").asText()));
        assertEquals(List.of("age:integer", "plan:text", "usage:decimal"), inputs);
        assertTrue(m.get("metrics").has("validation"), m.toString());
        assertEquals(model.modelId, m.get("metadata").get("model_id").asText());

        JsonNode api = ServeFixture.json(ServeFixture.get(server.url() + "/openapi.json"));
        assertEquals("3.0.3", api.get("openapi").asText());
        assertTrue(api.get("paths").has("/models/{name}/{version}/predict"));
        JsonNode input = api.get("components").get("schemas").get(OpenApiDocument.schemaName(model.modelId));
        assertEquals("number", input.get("properties").get("usage").get("type").asText());
        assertEquals(3, input.get("required").size());
        assertTrue(api.get("paths").get("/predict").get("post").get("requestBody").get("content").has("text/csv"));
    }

    @Test
    void badInputIs400NamingTheFieldAndNever500() throws Exception {
        record Case(String contentType, String body, String error, String field) { }
        List<Case> cases = List.of(
                new Case("application/json", "{\"age\": 40, \"plan\": \"pro\"}", "missing_column", "usage"),
                new Case("text/csv", "age,plan\n40,pro\n", "missing_column", "usage"),
                new Case("application/json", "{\"age\": 40, \"plan\": \"pro\", \"usage\": \"lots\"}", "bad_value",
                        "usage"),
                new Case("text/csv", "age,plan,usage\n40,pro,12\n41,plus,lots\n", "bad_value", "usage"),
                new Case("application/json", "{\"age\": 40, \"plan\": \"pro\", \"usage\": [1]}", "bad_value",
                        "usage"),
                new Case("application/json", "{\"age\": 40, \"plan\": \"pro\", ", "malformed_json", null),
                new Case("application/json", "[1, 2]", "malformed_json", null),
                new Case("application/json", "", "empty_body", null),
                new Case("text/csv", "   \n", "empty_body", null),
                new Case("application/json", "[]", "no_rows", null),
                new Case("text/csv", "age,plan,usage\n40,pro\n", "malformed_csv", null),
                new Case("application/json", "[" + "{\"age\": 1, \"plan\": \"pro\", \"usage\": 2},".repeat(2000)
                        + "{\"age\": 1, \"plan\": \"pro\", \"usage\": 2}]", "body_too_large", null));
        for (Case c : cases) {
            HttpResponse<String> r = ServeFixture.post(server.url() + "/predict", c.contentType(), c.body());
            assertEquals(400, r.statusCode(), c + " -> " + r.body());
            JsonNode e = ServeFixture.json(r);
            assertEquals(c.error(), e.get("error").asText(), r.body());
            assertFalse(e.get("message").asText().isBlank());
            if (c.field() != null) assertEquals(c.field(), e.get("field").asText(), r.body());
        }
        JsonNode bad = ServeFixture.json(postJson("[{\"age\": 1, \"plan\": \"pro\", \"usage\": 2}, "
                + "{\"age\": \"old\", \"plan\": \"pro\", \"usage\": 2}]"));
        assertEquals(2, bad.get("record").asInt(), "the second record is named");
        assertEquals("age", bad.get("field").asText());

        HttpResponse<String> xml = ServeFixture.post(server.url() + "/predict", "application/xml", "<row/>");
        assertEquals(415, xml.statusCode());
        HttpResponse<String> nope = ServeFixture.post(server.url() + "/models/nope/predict", null, "{}");
        assertEquals(404, nope.statusCode());
        assertTrue(ServeFixture.json(nope).get("message").asText().contains("no model named 'nope'"), nope.body());
        assertEquals(404, ServeFixture.post(server.url() + "/models/" + model.modelId + "/v9/predict", null, "{}")
                .statusCode());
        HttpResponse<String> unknown = ServeFixture.get(server.url() + "/nowhere");
        assertEquals(404, unknown.statusCode());
        assertEquals("not_found", ServeFixture.json(unknown).get("error").asText());

        String metrics = ServeFixture.get(server.url() + "/metrics").body();
        assertTrue(metrics.contains("automlwb_request_errors_total{endpoint=\"/predict\",error=\"bad_value\"}"),
                metrics);
        assertFalse(metrics.contains("status=\"500\""), metrics);
    }

    @Test
    void failingRequestsNeverDisturbGoodOnesRunningBesideThem() throws Exception {
        String good = ServeFixture.jsonRecords(rows);
        JsonNode expected = ServeFixture.json(postJson(good)).get("predictions");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> goods = new ArrayList<>();
            List<Future<HttpResponse<String>>> bads = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                goods.add(pool.submit(() -> postJson(good)));
                bads.add(pool.submit(() -> postJson(i2(good))));
            }
            for (Future<HttpResponse<String>> f : goods) {
                HttpResponse<String> r = f.get(120, TimeUnit.SECONDS);
                assertEquals(200, r.statusCode(), r.body());
                assertEquals(expected, ServeFixture.json(r).get("predictions"));
            }
            for (Future<HttpResponse<String>> f : bads) assertEquals(400, f.get(120, TimeUnit.SECONDS).statusCode());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The same records with a text where a number goes, in the last one. */
    private static String i2(String json) {
        int at = json.lastIndexOf("\"usage\":");
        return json.substring(0, at) + "\"usage\":\"n/a?\"" + json.substring(json.indexOf('}', at));
    }

    @Test
    void scoredRowsFeedTheDriftLogAndTheMetrics() throws Exception {
        Path log = model.deployment.resolve(Deployment.MONITORING).resolve(model.modelId)
                .resolve(Deployment.LOG_FILE);
        long before = Files.exists(log) ? Files.readAllLines(log).size() : 0;
        // 60 rows with usage shifted far beyond training: the 50-row window fills and is summarised.
        String shifted = ChurnCsv.rows(new Random(9), 60, 40, "basic");
        HttpResponse<String> r = ServeFixture.post(server.url() + "/models/" + model.modelId + "/predict",
                "text/csv", shifted);
        assertEquals(200, r.statusCode(), r.body());
        List<String> lines = Files.readAllLines(log);
        assertTrue(lines.size() > before, "a drift summary was appended");
        JsonNode last = Json.MAPPER.readTree(lines.get(lines.size() - 1));
        assertEquals("v1", last.get("version").asText());
        assertTrue(last.get("psi").get("usage").asDouble() > 0.25, last.toString());
        boolean usageAlert = false;
        for (JsonNode a : last.get("alerts")) usageAlert |= a.get("feature").asText().equals("usage");
        assertTrue(usageAlert, last.toString());
        String metrics = ServeFixture.get(server.url() + "/metrics").body();
        assertTrue(metrics.contains("automlwb_drift_psi{model=\"" + model.modelId + "\",version=\"v1\","
                + "feature=\"usage\"}"), metrics);
        assertTrue(metrics.contains("automlwb_rows_scored_total{model=\"" + model.modelId + "\",version=\"v1\"}"),
                metrics);
        assertTrue(metrics.contains("automlwb_request_duration_seconds_bucket{endpoint=\"/models/{name}/predict\","
                + "le=\"+Inf\"}"), metrics);
        assertNotEquals(-1, metrics.indexOf("# TYPE automlwb_request_duration_seconds histogram"));
    }

    @Test
    void stoppingAnswersTheRequestsInFlightFirst() throws Exception {
        ModelServer own = ModelServer.start(List.of(model.trained), List.of(),
                new ServeSettings("127.0.0.1", 0, 64L << 20, Duration.ofMinutes(10), 1_000_000));
        // Big enough to be still running when close() is called: 50,000 rows.
        String big = ChurnCsv.rows(new Random(1), 50_000, 0, "basic");
        ExecutorService one = Executors.newSingleThreadExecutor();
        try {
            Future<HttpResponse<String>> answer = one.submit(() -> ServeFixture.post(own.url() + "/predict",
                    "text/csv", big));
            int seen = 0;
            for (int i = 0; i < 60_000 && seen == 0 && !answer.isDone(); i++) {
                seen = own.inFlight();
                if (seen == 0) Thread.sleep(1);
            }
            assertEquals(1, seen, "the request was seen running before the server was stopped");
            own.close();
            HttpResponse<String> r = answer.get(120, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(50_000, ServeFixture.json(r).get("rows").asInt());
        } finally {
            one.shutdownNow();
            own.close();
        }
    }
}
