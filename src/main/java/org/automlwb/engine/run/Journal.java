package org.automlwb.engine.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.common.Json;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.ConfigJson;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code trials.jsonl}: one line per finished trial, appended and flushed at once, so a crashed or stopped run
 * loses nothing it finished and can resume. Out-of-fold predictions are not journalled (they are large).
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private final BufferedWriter out;
    private final long openedNanos = System.nanoTime();

    private Journal(BufferedWriter out) { this.out = out; }

    /**
     * Opens the journal for appending, creating it if needed. A last line cut short by a crash is closed first,
     * so new trials start on a line of their own and the broken one is merely skipped when read.
     */
    public static Journal open(Path file) throws IOException {
        boolean cutShort = false;
        if (Files.exists(file) && Files.size(file) > 0) {
            try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ)) {
                java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
                ch.read(last, ch.size() - 1);
                cutShort = last.get(0) != '\n';
            }
        }
        Journal j = new Journal(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        if (cutShort) {
            j.out.write('\n');
            j.out.flush();
        }
        return j;
    }

    /** Appends one trial run on this JVM ({@code executor} "local") and flushes. */
    public void append(TrialResult r) { append(r, org.automlwb.engine.trial.TrialReport.LOCAL); }

    /**
     * Appends one trial and flushes. Each line also gets {@code finished_s}, the seconds since this journal was
     * opened (a resumed run starts counting again), for best-score-over-time charts, and {@code executor}, where
     * the trial ran ({@code local}, or a Spark executor's id and host), to tell a lost worker's trials apart.
     */
    public synchronized void append(TrialResult r, String executor) {
        try {
            Map<String, Object> m = toMap(r);
            m.put("executor", executor);
            m.put("finished_s", Math.round((System.nanoTime() - openedNanos) / 1e6) / 1e3);
            out.write(Json.line(m));
            out.write('\n');
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trial journal (is the disk full?)", e);
        }
    }

    static Map<String, Object> toMap(TrialResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trial_id", r.spec().trialId());
        m.put("algorithm", r.spec().algorithm());
        m.put("origin", r.spec().origin());
        m.put("seed", r.spec().seed());
        m.put("config", r.spec().config().values());
        m.put("status", r.status().name());
        m.put("score", r.score());
        m.put("metrics", r.metrics());
        m.put("fit_seconds", r.fitSeconds());
        m.put("rung", r.rung());
        if (!r.learned().isEmpty()) m.put("learned", r.learned());
        if (r.error() != null) m.put("error", r.error());
        return m;
    }

    /**
     * Reads a journal back. A last line cut short by a crash is skipped with a warning; so is any other line that
     * does not parse.
     */
    public static List<TrialResult> read(Path file) throws IOException {
        List<TrialResult> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) continue;
            try {
                out.add(fromJson(Json.MAPPER.readTree(line)));
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}:{}: skipping an unreadable journal line ({})", file, lineNo, e.getMessage());
            }
        }
        return out;
    }

    /**
     * The id the next new trial of this journal must take: above every id it holds, including that of a line cut
     * by a crash, whose trial is skipped by {@link #read} but whose id must not be given to another trial (two
     * lines with one id would make the leaderboard, the ensemble's members and the report ambiguous).
     *
     * <p>A cut line's id is read when its digits are complete (keys are written in alphabetical order, so
     * {@code "trial_id":N} comes last and a cut usually takes it). When it is not, the id is not known, but ids are
     * handed out from 1 upwards, one per trial, so the count of lines bounds it from below: the next id is at least
     * the number of lines plus one. Trials running in parallel finish out of order, so a cut line's id can exceed
     * even that: callers that know which ids were started (run.log) take the larger of both.
     *
     * @return 1 for a missing or empty journal
     */
    public static int nextTrialId(Path file) throws IOException {
        if (!Files.exists(file)) return 1;
        int highest = 0;
        int lines = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            lines++;
            java.util.regex.Matcher m = TRIAL_ID.matcher(line);
            if (m.find()) {
                try {
                    highest = Math.max(highest, Integer.parseInt(m.group(1)));
                } catch (NumberFormatException tooLong) {
                    LOG.warn("{}: a journal line's trial id is out of range ({})", file, m.group(1));
                }
            }
        }
        return Math.max(highest, lines) + 1;
    }

    /** A journal line's trial id, when its digits are complete (a comma or the closing brace follows them). */
    private static final java.util.regex.Pattern TRIAL_ID =
            java.util.regex.Pattern.compile("\"trial_id\"\\s*:\\s*(\\d+)\\s*[,}]");

    private static TrialResult fromJson(JsonNode n) {
        Map<String, Object> cfg = ConfigJson.values(n.get("config"));
        Map<String, Double> metrics = new LinkedHashMap<>();
        n.get("metrics").fields().forEachRemaining(e -> metrics.put(e.getKey(), e.getValue().asDouble()));
        TrialSpec spec = new TrialSpec(n.get("trial_id").asInt(), n.get("algorithm").asText(), new Config(cfg),
                n.get("seed").asLong(), n.get("origin").asText());
        return new TrialResult(spec, TrialStatus.valueOf(n.get("status").asText()), n.get("score").asDouble(),
                metrics, n.get("fit_seconds").asDouble(), n.hasNonNull("error") ? n.get("error").asText() : null,
                null, n.path("rung").asInt(), ConfigJson.values(n.path("learned")));
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing the journal failed", e);
        }
    }
}
