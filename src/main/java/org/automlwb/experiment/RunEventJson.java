package org.automlwb.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.automlwb.common.Json;
import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.ConfigJson;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;

/**
 * A run's events as JSON lines and back: {@code run --events} prints them on stdout as they happen, and a program
 * that started the run in another process (the desktop app, through spark-submit) reads them to show the run live
 * as if it ran in its own JVM. Every line carries {@code "event"}; out-of-fold predictions never travel (they are
 * megabytes, and the follower reads the finished experiment from its folder at the end).
 */
public final class RunEventJson {
    /** The field that marks a line as an event, and names its kind. */
    static final String EVENT = "event";

    /** The kinds of event lines, one per {@link RunEvent} type. */
    enum Kind {
        RUN_STARTED, STAGE, TRIAL_STARTED, TRIAL_FINISHED, SEARCH_ENDED, BEST_CHANGED, RUN_FINISHED;

        String key() { return name().toLowerCase(Locale.ROOT); }

        static Optional<Kind> of(String key) {
            for (Kind k : values()) if (k.key().equals(key)) return Optional.of(k);
            return Optional.empty();
        }
    }

    private RunEventJson() { }

    /** One JSON line (without the line end) for {@code e}. */
    public static String line(RunEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", e.elapsedSeconds());
        if (e instanceof RunEvent.RunStarted s) {
            m.put(EVENT, Kind.RUN_STARTED.key());
            m.put("task", s.task().key());
            m.put("metric", s.metric().key());
            m.put("rows", s.rows());
            m.put("features", s.features());
            m.put("validation", s.validation());
            m.put("algorithms", s.algorithms());
        } else if (e instanceof RunEvent.StageChanged s) {
            m.put(EVENT, Kind.STAGE.key());
            m.put("stage", s.stage());
            m.put("message", s.message());
        } else if (e instanceof RunEvent.TrialStarted s) {
            m.put(EVENT, Kind.TRIAL_STARTED.key());
            m.put("spec", spec(s.spec()));
        } else if (e instanceof RunEvent.TrialFinished f) {
            m.put(EVENT, Kind.TRIAL_FINISHED.key());
            m.put("result", result(f.result()));
        } else if (e instanceof RunEvent.SearchEnded s) {
            m.put(EVENT, Kind.SEARCH_ENDED.key());
            m.put("reason", s.reason().name());
            m.put("trials", s.trials());
        } else if (e instanceof RunEvent.BestChanged b) {
            m.put(EVENT, Kind.BEST_CHANGED.key());
            m.put("result", result(b.best()));
        } else if (e instanceof RunEvent.RunFinished f) {
            m.put(EVENT, Kind.RUN_FINISHED.key());
            RunSummary s = f.summary();
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("outcome", s.outcome().name());
            sm.put("task", s.task() == null ? null : s.task().key());
            sm.put("metric", s.metric() == null ? null : s.metric().key());
            sm.put("trials", s.trials());
            sm.put("leader", s.leader() == null ? null : result(s.leader()));
            sm.put("validation", s.validation());
            sm.put("test", s.test());
            sm.put("wall_s", s.wallSeconds());
            sm.put("message", s.message());
            m.put("summary", sm);
        }
        return Json.line(m);
    }

    /**
     * The event a line holds; empty for a line that is not an event line (the run's summary line, another
     * program's output) or that does not parse.
     */
    public static Optional<RunEvent> parse(String line) {
        if (line == null || !line.startsWith("{") || !line.contains("\"" + EVENT + "\"")) return Optional.empty();
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(line);
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<Kind> kind = Kind.of(n.path(EVENT).asText(""));
        if (kind.isEmpty()) return Optional.empty();
        try {
            return Optional.of(event(kind.get(), n, n.path("t").asDouble()));
        } catch (RuntimeException malformed) {
            return Optional.empty(); // a line cut short or from another version: the follower skips it
        }
    }

    private static RunEvent event(Kind kind, JsonNode n, double t) {
        return switch (kind) {
            case RUN_STARTED -> new RunEvent.RunStarted(t, task(n.get("task")), Metric.fromKey(n.get("metric").asText()),
                    n.get("rows").asInt(), n.get("features").asInt(), n.get("validation").asText(),
                    n.get("algorithms").asInt());
            case STAGE -> new RunEvent.StageChanged(t, n.get("stage").asText(),
                    n.hasNonNull("message") ? n.get("message").asText() : null);
            case TRIAL_STARTED -> new RunEvent.TrialStarted(t, spec(n.get("spec")));
            case TRIAL_FINISHED -> new RunEvent.TrialFinished(t, result(n.get("result")));
            case SEARCH_ENDED -> new RunEvent.SearchEnded(t, RunSummary.Outcome.valueOf(n.get("reason").asText()),
                    n.get("trials").asInt());
            case BEST_CHANGED -> new RunEvent.BestChanged(t, result(n.get("result")));
            case RUN_FINISHED -> new RunEvent.RunFinished(t, summary(n.get("summary")));
        };
    }

    private static Map<String, Object> spec(TrialSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial_id", s.trialId());
        m.put("algorithm", s.algorithm());
        m.put("config", s.config().values());
        m.put("seed", s.seed());
        m.put("origin", s.origin());
        return m;
    }

    private static TrialSpec spec(JsonNode n) {
        return new TrialSpec(n.get("trial_id").asInt(), n.get("algorithm").asText(),
                new Config(ConfigJson.values(n.get("config"))), n.get("seed").asLong(), n.get("origin").asText());
    }

    private static Map<String, Object> result(TrialResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spec", spec(r.spec()));
        m.put("status", r.status().name());
        m.put("score", r.score());
        m.put("metrics", r.metrics());
        m.put("fit_seconds", r.fitSeconds());
        m.put("error", r.error());
        m.put("rung", r.rung());
        m.put("learned", r.learned());
        return m;
    }

    private static TrialResult result(JsonNode n) {
        return new TrialResult(spec(n.get("spec")), TrialStatus.valueOf(n.get("status").asText()),
                n.get("score").asDouble(), doubles(n.get("metrics")), n.get("fit_seconds").asDouble(),
                n.hasNonNull("error") ? n.get("error").asText() : null, null, n.path("rung").asInt(),
                ConfigJson.values(n.path("learned")));
    }

    private static RunSummary summary(JsonNode n) {
        return new RunSummary(RunSummary.Outcome.valueOf(n.get("outcome").asText()), task(n.get("task")),
                n.hasNonNull("metric") ? Metric.fromKey(n.get("metric").asText()) : null, n.get("trials").asInt(),
                n.hasNonNull("leader") ? result(n.get("leader")) : null, doubles(n.get("validation")),
                doubles(n.get("test")), n.get("wall_s").asDouble(), n.get("message").asText());
    }

    private static TaskType task(JsonNode n) {
        return n == null || n.isNull() ? null : TaskType.valueOf(n.asText().toUpperCase(Locale.ROOT));
    }

    private static Map<String, Double> doubles(JsonNode n) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (n != null) n.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asDouble()));
        return m;
    }
}
