package org.automlwb.serve;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.engine.Predictions;
import org.automlwb.export.Versions;
import org.automlwb.prep.InputColumn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * The REST model server of {@code serve}, on Javalin (Jetty): {@code POST /predict} (and per model and version),
 * {@code GET /health}, {@code /model}, {@code /models}, {@code /metrics} (Prometheus), {@code /openapi.json}. Rows
 * are predicted by the same {@link org.automlwb.predict.Predictor} as {@code predict}; a poller swaps in a version
 * deployed, promoted or rolled back meanwhile. Bad input is answered 400 with a JSON error naming the field; a
 * request that fails touches nothing another request uses.
 */
public final class ModelServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);
    private static final String JSON = "application/json";
    /** The Prometheus text format's content type. */
    private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";
    /** Set on a request whose error this server already answered, so Javalin's 404 handler leaves it alone. */
    private static final String ANSWERED = "automlwb.answered";

    /** A refused body up to this size is read and dropped so that the connection stays usable (as Tomcat does). */
    private static final long SWALLOW_BYTES = 4L * 1024 * 1024;

    /** How long close() waits for the requests in flight: longer than any one request should take. */
    static final Duration DRAIN = Duration.ofSeconds(30);

    private final ServedModels models;
    private final ServeSettings settings;
    private final ServerMetrics metrics;
    private final Instant started = Instant.now();
    private final ScheduledExecutorService poller;
    /** Requests being answered now: close() waits for them (Javalin 7 stops Jetty without draining). */
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean closing;
    private Javalin app;

    private ModelServer(ServedModels models, ServeSettings settings, ServerMetrics metrics) {
        this.models = models;
        this.settings = settings;
        this.metrics = metrics;
        this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "serve-version-poller");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Loads the models and starts listening.
     *
     * @param modelDirs  folders of one model each: a trained model, a version folder, or a model with versions
     * @param modelRoots folders of models ({@code deployment/model_serving})
     * @throws BadInputException when a folder is not a model, or the port is in use or the host cannot be used
     */
    public static ModelServer start(List<Path> modelDirs, List<Path> modelRoots, ServeSettings settings)
            throws BadInputException {
        ServerMetrics metrics = new ServerMetrics();
        ServedModels models = ServedModels.open(modelDirs, modelRoots, settings, metrics);
        ModelServer server = new ModelServer(models, settings, metrics);
        server.listen();
        return server;
    }

    /** The port listened on (the one chosen when 0 was asked for). */
    public int port() { return app.port(); }

    /** The base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String url() {
        String host = settings.host().contains(":") ? "[" + settings.host() + "]" : settings.host();
        return "http://" + host + ":" + port();
    }

    /** The served models and their promoted versions, e.g. {@code churn=v2}. */
    public Map<String, String> served() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ModelHome h : models.all()) m.put(h.name(), h.state().promoted());
        return m;
    }

    /** Requests being answered now. */
    int inFlight() { return inFlight.get(); }

    /** Looks at the model folders now rather than at the next poll (tests; the poller calls the same). */
    public void refreshNow() {
        models.refresh();
    }

    private void listen() throws BadInputException {
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.routes.post("/predict", timed("/predict", ctx -> predict(ctx, models.only().promoted())));
            config.routes.post("/models/{name}/predict", timed("/models/{name}/predict",
                    ctx -> predict(ctx, models.get(ctx.pathParam("name")).promoted())));
            config.routes.post("/models/{name}/{version}/predict", timed("/models/{name}/{version}/predict",
                    ctx -> predict(ctx, models.get(ctx.pathParam("name")).version(ctx.pathParam("version")))));
            config.routes.get("/health", timed("/health", this::health));
            config.routes.get("/model", timed("/model", ctx -> json(ctx, describe(models.only()))));
            config.routes.get("/models", timed("/models", ctx -> {
                List<Object> all = new ArrayList<>();
                for (ModelHome h : models.all()) all.add(summary(h));
                json(ctx, Map.of("models", all));
            }));
            config.routes.get("/models/{name}", timed("/models/{name}",
                    ctx -> json(ctx, describe(models.get(ctx.pathParam("name"))))));
            config.routes.get("/metrics", timed("/metrics",
                    ctx -> send(ctx, 200, PROMETHEUS, metrics.text())));
            config.routes.get("/openapi.json", timed("/openapi.json",
                    ctx -> json(ctx, OpenApiDocument.of(models, Versions.all().get("automl_workbench")))));
            config.routes.error(404, ctx -> {
                if (ctx.attribute(ANSWERED) != null) return; // a route's own 404 (no such model), already JSON
                error(ctx, "(unknown)", new ApiError(ApiError.Kind.NOT_FOUND, "no such endpoint: "
                        + ctx.method() + " " + ctx.path(), null, 0, "see /openapi.json"));
            });
        });
        try {
            app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            app = null;
            LOG.info("the server did not start", e);
            throw cannotListen(e);
        }
        long every = settings.poll().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    private BadInputException cannotListen(RuntimeException e) {
        String where = settings.host() + ":" + settings.port();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                String what = t.getMessage() != null && t.getMessage().toLowerCase().contains("in use")
                        ? "the port is in use" : "cannot listen there (" + t.getMessage() + ")";
                return new BadInputException(where + ": " + what, "choose another --port, or stop what uses it");
            }
        }
        return new BadInputException(where + ": the server cannot start (" + e.getMessage() + ")",
                "check --host and --port");
    }

    private void poll() {
        try {
            models.refresh();
        } catch (RuntimeException e) {
            // The poller must keep polling: a folder that cannot be read now may be readable at the next look.
            LOG.warn("looking for new model versions failed: {}", e.toString(), e);
        }
    }

    /** A handler that answers errors as JSON and counts every request, its status and time. */
    private Handler timed(String endpoint, Handler h) {
        return ctx -> {
            long t0 = System.nanoTime();
            inFlight.incrementAndGet();
            try {
                if (closing) {
                    throw new ApiError(ApiError.Kind.STOPPING, "the server is stopping", null, 0,
                            "send the request again to another instance, or when it is back");
                }
                h.handle(ctx);
            } catch (ApiError e) {
                error(ctx, endpoint, e);
            } catch (RuntimeException e) {
                LOG.error("internal error answering {} {}", ctx.method(), ctx.path(), e);
                error(ctx, endpoint, new ApiError(ApiError.Kind.INTERNAL, "internal error: " + e, null, 0,
                        "see the server's log"));
            } finally {
                metrics.request(endpoint, ctx.statusCode(), (System.nanoTime() - t0) / 1e9);
                inFlight.decrementAndGet();
            }
        };
    }

    private void error(Context ctx, String endpoint, ApiError e) {
        ctx.attribute(ANSWERED, Boolean.TRUE);
        metrics.error(endpoint, e.kind().code);
        // A body refused for its size was not read: Jetty drops the connection after the answer, so the client is
        // told not to send its next request on it (it would read an empty answer).
        if (e.kind() == ApiError.Kind.BODY_TOO_LARGE) ctx.res().setHeader("Connection", "close");
        send(ctx, e.kind().status, JSON, Json.line(e.body()));
    }

    private static void json(Context ctx, Object body) {
        send(ctx, 200, JSON, Json.line(body));
    }

    /**
     * Writes the whole answer and flushes it before the handler returns, rather than leaving it to Javalin to write
     * afterwards: then a request counted in flight has its answer on the wire when it is no longer counted, and
     * {@link #close()} never cuts an answer off.
     */
    private static void send(Context ctx, int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        jakarta.servlet.http.HttpServletResponse res = ctx.res();
        ctx.status(status);
        res.setStatus(status);
        res.setContentType(contentType);
        res.setContentLength(bytes.length);
        try {
            res.getOutputStream().write(bytes);
            res.flushBuffer();
        } catch (IOException e) {
            // The client went away; nothing is left to answer, and the server carries on.
            LOG.debug("answer not sent: {}", e.toString());
        }
    }

    private void predict(Context ctx, ServedVersion v) throws ApiError {
        RequestRows.Format format = RequestRows.Format.of(ctx.contentType());
        Table rows = RequestRows.table(v.predictor(), format, body(ctx));
        Predictions p = v.predictor().predict(rows);
        if (v.drift() != null) v.drift().add(rows, p);
        metrics.rows(v.model(), v.version(), rows.rowCount());
        send(ctx, 200, JSON, Answers.predictions(v, p));
    }

    /** The body as text, refused past the size limit before more than the limit is read. */
    private String body(Context ctx) throws ApiError {
        long limit = settings.maxBodyBytes();
        long declared = ctx.req().getContentLengthLong();
        if (declared > limit) {
            // Read and drop a refused body of modest size, as servlet containers swallow one: left unread, the
            // connection is dropped under the client, whose next request on it then gets no answer at all.
            if (declared <= SWALLOW_BYTES) {
                try (InputStream in = ctx.bodyInputStream()) {
                    in.skipNBytes(declared);
                } catch (IOException e) {
                    LOG.debug("refused body not drained: {}", e.toString());
                }
            }
            throw tooLarge(declared);
        }
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) throw tooLarge(-1);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ApiError(ApiError.Kind.EMPTY_BODY, "the body could not be read (" + e.getMessage() + ")",
                    null, 0, "send the body again");
        }
    }

    private ApiError tooLarge(long declared) {
        return new ApiError(ApiError.Kind.BODY_TOO_LARGE, "the body is " + (declared > 0 ? declared + " bytes, "
                : "") + "over the limit of " + settings.maxBodyBytes() + " bytes", null, 0,
                "send fewer rows per request, or start the server with a larger --max-body");
    }

    private void health(Context ctx) {
        List<Object> served = new ArrayList<>();
        for (ModelHome h : models.all()) {
            served.add(Map.of("name", h.name(), "version", h.state().promoted()));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "ok");
        m.put("uptime_s", Duration.between(started, Instant.now()).toSeconds());
        m.put("models", served);
        json(ctx, m);
    }

    private static Map<String, Object> summary(ModelHome h) {
        ModelHome.State s = h.state();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        m.put("version", s.promoted());
        m.put("versions", s.versions());
        m.put("folder", h.dir().toString());
        m.put("description", s.current().predictor().loaded().metadata().description());
        return m;
    }

    /** {@code GET /model}: the promoted version's metadata, input schema and metrics. */
    private static Map<String, Object> describe(ModelHome h) {
        ServedVersion v = h.promoted();
        Map<String, Object> m = summary(h);
        var meta = v.predictor().loaded().metadata();
        m.put("task", meta.task().key());
        m.put("target", meta.target());
        if (!meta.classes().isEmpty()) m.put("classes", meta.classes());
        List<Object> schema = new ArrayList<>();
        for (InputColumn c : meta.inputColumns()) {
            schema.add(Map.of("name", c.name(), "type", c.kind().name().toLowerCase(java.util.Locale.ROOT)));
        }
        m.put("input_schema", schema);
        m.put("metrics", v.metrics());
        m.put("monitoring", v.drift() == null ? null : v.drift().monitoringDir().toString());
        m.put("metadata", meta.json());
        return m;
    }

    /**
     * Stops: new requests are answered 503 while the requests in flight finish (at most {@link #DRAIN}), then the
     * server stops listening, stops polling, and writes the open drift windows.
     */
    @Override
    public void close() {
        closing = true;
        poller.shutdownNow();
        long until = System.nanoTime() + DRAIN.toNanos();
        try {
            while (inFlight.get() > 0 && System.nanoTime() < until) Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (inFlight.get() > 0) LOG.warn("stopping with {} requests still running after {}", inFlight.get(), DRAIN);
        if (app != null) app.stop();
        for (ModelHome h : models.all()) {
            for (ServedVersion v : h.loadedVersions()) if (v.drift() != null) v.drift().flush();
        }
    }
}
