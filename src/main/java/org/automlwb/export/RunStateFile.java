package org.automlwb.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.automlwb.common.AtomicFiles;
import org.automlwb.common.BadInputException;
import org.automlwb.common.Json;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunListener;
import org.automlwb.engine.run.RunSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run_state.json} in an experiment folder: how much of the budget the run has used and whether its search
 * has ended, rewritten (atomically) as the run goes, so that {@code --resume} after a kill continues with the time
 * that was left instead of a fresh budget, and goes straight to the refit when the search was over.
 * <pre>
 *   {"elapsed_s": 41.7, "search_ended": "BUDGET_USED"}     search_ended is null while the search runs
 * </pre>
 * The journal holds the trials; this file only the clock. Writing it never fails the run: after a failed write
 * (a full disk) it stops trying, and a resume without it starts the budget afresh, as before it existed.
 */
public final class RunStateFile implements RunListener {
    /** The file's name in the experiment folder. */
    public static final String FILE = "run_state.json";
    private static final Logger LOG = LoggerFactory.getLogger(RunStateFile.class);

    private final Path file;
    private RunSummary.Outcome searchEnded;
    private boolean broken;

    /**
     * What a run wrote: seconds used and how its search ended.
     *
     * @param elapsedSeconds seconds of the budget used when the file was last written
     * @param searchEnded    how the search ended, or null when it had not
     */
    public record Saved(double elapsedSeconds, RunSummary.Outcome searchEnded) {
        /** Nothing known: a fresh budget and a search to run. */
        public static final Saved NONE = new Saved(0, null);
    }

    /**
     * @param file   the file to write
     * @param before what a resumed run's predecessor wrote ({@link Saved#NONE} for a new run): a search that had
     *               ended stays ended
     */
    public RunStateFile(Path file, Saved before) {
        this.file = file;
        this.searchEnded = before.searchEnded();
    }

    @Override
    public synchronized void onEvent(RunEvent e) {
        // Trial starts change nothing a resume needs; every other event moves the clock on.
        if (broken || e instanceof RunEvent.TrialStarted) return;
        // A search the user stopped is not complete: a resume continues it.
        if (e instanceof RunEvent.SearchEnded s && s.reason() != RunSummary.Outcome.CANCELLED) searchEnded = s.reason();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("elapsed_s", Math.round(e.elapsedSeconds() * 1000) / 1000.0);
        m.put("search_ended", searchEnded == null ? null : searchEnded.name());
        try {
            AtomicFiles.writeString(file, Json.pretty(m));
        } catch (BadInputException ex) {
            broken = true;
            LOG.warn("{} is no longer updated, a resume will start the budget afresh: {}", file, ex.oneLine());
        }
    }

    /**
     * Reads the file; {@link Saved#NONE} when there is none (an experiment from before it existed) or it cannot be
     * read, said in the log: a resume then gets a fresh budget, which loses no trial.
     */
    public static Saved read(Path file) {
        if (!Files.exists(file)) return Saved.NONE;
        try {
            var n = Json.MAPPER.readTree(Files.readString(file));
            double elapsed = n.path("elapsed_s").asDouble(0);
            String ended = n.path("search_ended").isTextual() ? n.get("search_ended").asText() : null;
            return new Saved(Double.isFinite(elapsed) ? Math.max(0, elapsed) : 0,
                    ended == null ? null : RunSummary.Outcome.valueOf(ended.toUpperCase(Locale.ROOT)));
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} cannot be read ({}): the resumed run gets a fresh budget", file, e.getMessage());
            return Saved.NONE;
        }
    }
}
