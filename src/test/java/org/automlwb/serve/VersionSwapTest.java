package org.automlwb.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.automlwb.ChurnCsv;
import org.automlwb.export.Deployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve --models deployment/model_serving} while versions come and go: a new version deployed, a rollback
 * and a promotion through the {@code current} file, and a broken version, all under concurrent requests, none of
 * which fails or is dropped.
 */
class VersionSwapTest {
    @TempDir
    static Path dir;
    static ServeFixture model;

    @BeforeAll
    static void train() throws Exception {
        model = ServeFixture.train(dir);
    }

    @Test
    void versionsSwapUnderLoadWithoutLosingARequest() throws Exception {
        String body = ServeFixture.jsonRecords(ChurnCsv.rows(new Random(3), 20, 0, "basic"));
        Path root = model.deployment.resolve(Deployment.SERVING);
        try (ModelServer server = ModelServer.start(List.of(), List.of(root),
                new ServeSettings("127.0.0.1", 0, 1 << 20, Duration.ofMillis(100), 1_000))) {
            String url = server.url() + "/models/" + model.modelId + "/predict";
            assertEquals(Map.of(model.modelId, "v1"), server.served());

            AtomicBoolean stop = new AtomicBoolean();
            Map<String, AtomicInteger> versions = new ConcurrentHashMap<>();
            List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService load = Executors.newFixedThreadPool(4);
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                clients.add(load.submit(() -> {
                    while (!stop.get()) {
                        HttpResponse<String> r = ServeFixture.post(url, "application/json", body);
                        if (r.statusCode() != 200) {
                            failures.add(r.statusCode() + " " + r.body());
                        } else {
                            versions.computeIfAbsent(ServeFixture.json(r).get("version").asText(),
                                    k -> new AtomicInteger()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            try {
                awaitRequests(versions, "v1", 5);
                // A new version with no current file: the highest is served, found by the poller.
                Deployment.deploy(model.trained, model.deployment);
                awaitServed(server, model.modelId, "v2");
                awaitRequests(versions, "v2", 5);
                // Rolled back and promoted again through the current file, as deploy's commands write it.
                int v1Before = versions.get("v1").get();
                ServeFixture.promote(model.versions, "v1");
                awaitServed(server, model.modelId, "v1");
                awaitRequests(versions, "v1", v1Before + 5);
                int v2Before = versions.get("v2").get();
                ServeFixture.promote(model.versions, "v2");
                server.refreshNow();
                assertEquals("v2", server.served().get(model.modelId));
                awaitRequests(versions, "v2", v2Before + 5);
                // A version that does not load is refused; the one served stays.
                Path broken = model.versions.resolve("v3");
                Files.createDirectories(broken);
                Files.writeString(broken.resolve("model_metadata.json"), "{\"not\": \"a model\"}");
                ServeFixture.promote(model.versions, "v3");
                server.refreshNow();
                assertEquals("v2", server.served().get(model.modelId));
                HttpResponse<String> v3 = ServeFixture.post(server.url() + "/models/" + model.modelId
                        + "/v3/predict", "application/json", body);
                assertEquals(503, v3.statusCode(), v3.body());
                awaitRequests(versions, "v2", versions.get("v2").get() + 5);
            } finally {
                stop.set(true);
                for (Future<?> f : clients) f.get(120, TimeUnit.SECONDS);
                load.shutdownNow();
            }
            assertTrue(failures.isEmpty(), () -> failures.size() + " requests failed, e.g. " + failures.get(0));
            assertTrue(versions.containsKey("v1") && versions.containsKey("v2"), versions::toString);

            JsonNode v1 = ServeFixture.json(ServeFixture.post(server.url() + "/models/" + model.modelId
                    + "/v1/predict", "application/json", body));
            assertEquals("v1", v1.get("version").asText(), "an older version stays reachable by name");
            JsonNode listed = ServeFixture.json(ServeFixture.get(server.url() + "/models"));
            assertEquals(3, listed.get("models").get(0).get("versions").size());
        }
    }

    @Test
    void aModelDeployedIntoTheFolderLaterIsServedByItsName() throws Exception {
        Path root = dir.resolve("other-serving");
        copy(model.versions.resolve("v1"), root.resolve("first").resolve("v1"));
        try (ModelServer server = ModelServer.start(List.of(), List.of(root),
                new ServeSettings("127.0.0.1", 0, 1 << 20, Duration.ofMinutes(10), 1_000))) {
            assertEquals(Map.of("first", "v1"), server.served());
            copy(model.versions.resolve("v1"), root.resolve("second").resolve("v1"));
            server.refreshNow();
            assertEquals(Map.of("first", "v1", "second", "v1"), server.served());
            String row = "{\"age\": 30, \"plan\": \"plus\", \"usage\": 40}";
            HttpResponse<String> r = ServeFixture.post(server.url() + "/models/second/predict", null, row);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals("second", ServeFixture.json(r).get("model").asText());
            // With two models, /predict does not guess which one is meant.
            HttpResponse<String> which = ServeFixture.post(server.url() + "/predict", null, row);
            assertEquals(404, which.statusCode());
            assertTrue(which.body().contains("first, second"), which.body());
        }
    }

    private static void copy(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.copy(f, t);
            }
        }
    }

    /** Waits (bounded) until the poller serves {@code version}: the poll interval is 100 ms, the bound 60 s. */
    private static void awaitServed(ModelServer server, String model, String version) throws InterruptedException {
        for (int i = 0; i < 600 && !version.equals(server.served().get(model)); i++) Thread.sleep(100);
        assertEquals(version, server.served().get(model), "the poller picked the version up");
    }

    /** Waits (bounded) until {@code n} requests in all were answered by {@code version}, so the load saw it. */
    private static void awaitRequests(Map<String, AtomicInteger> versions, String version, int n)
            throws InterruptedException {
        for (int i = 0; i < 600 && versions.getOrDefault(version, new AtomicInteger()).get() < n; i++) {
            Thread.sleep(100);
        }
        assertTrue(versions.getOrDefault(version, new AtomicInteger()).get() >= n, versions::toString);
    }
}
