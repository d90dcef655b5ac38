package org.automlwb.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.Metric;
import org.automlwb.engine.api.EngineContext;
import org.automlwb.engine.api.EngineFailedException;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.api.EnginePrepared;
import org.automlwb.engine.api.EngineResult;
import org.automlwb.engine.api.RunPlan;
import org.automlwb.engine.run.Journal;
import org.automlwb.engine.run.Leaderboard;
import org.automlwb.engine.run.PreparedRun;
import org.automlwb.engine.run.ResumeState;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunListener;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.trial.TrialResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plan's engines one after another on the same prepared data ({@link RunPlan} says why and how they share
 * the budget) and makes one result of them: one leaderboard of every engine's models, and the chosen model of the
 * engine whose best scored best on the shared validation rows. An engine that fails is said in one line, and the
 * others go on with the time it leaves.
 */
final class EngineSequence {
    private static final Logger LOG = LoggerFactory.getLogger(EngineSequence.class);

    /** One engine of the plan, readied for the data; or why it cannot take part ({@code prepared} null). */
    record Part(EngineKind kind, EnginePrepared prepared, String unavailable) { }

    private EngineSequence() { }

    /**
     * @param resume an earlier, stopped run of the same plan: each engine keeps its own journalled models (the
     *               Tribuo engine does not repeat them; an engine whose models lived only in the stopped process,
     *               like H2O, runs again in its share of what is left, and its earlier rows stay on the leaderboard)
     */
    static RunResult run(List<Part> parts, PreparedRun data, Journal journal, ResumeState resume, CancelToken cancel,
                         RunListener listener) throws InterruptedException {
        if (parts.size() == 1 && parts.get(0).prepared() != null) {
            Part only = parts.get(0);
            try {
                return only.prepared().run(new EngineContext(journal, resume, data.spec().budget(),
                        data.startNanos()), listener, cancel).run();
            } catch (EngineFailedException | RuntimeException e) {
                LOG.error("the {} engine failed", only.kind().key(), e);
                RunResult failed = failed(data, only.kind().label() + " failed: " + e.getMessage());
                listener.onEvent(new RunEvent.RunFinished(seconds(data), failed.summary()));
                return failed;
            }
        }
        Metric metric = data.metric();
        AtomicReference<TrialResult> best = new AtomicReference<>();
        List<EngineResult> results = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<TrialResult> kept = new ArrayList<>();
        int nextId = resume.nextTrialId();
        double startedAt = seconds(data);
        listener.onEvent(new RunEvent.RunStarted(startedAt, data.data().task(), metric, data.data().rows(),
                data.shape().features(), data.folds().plan().describe(), data.algorithms().size()));
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part.prepared() == null) {
                note(notes, listener, data, part.kind().key() + " not run: " + part.unavailable());
                continue;
            }
            if (cancel.isCancelled()) {
                note(notes, listener, data, part.kind().key() + " not run: the run was stopped");
                continue;
            }
            List<TrialResult> mine = resume.trials().stream()
                    .filter(r -> EngineKind.ofAlgorithm(r.spec().algorithm()) == part.kind()).toList();
            boolean resumable = part.kind() == EngineKind.TRIBUO;
            if (!resumable) kept.addAll(mine);
            Duration share = RunPlan.share(left(data, resume), enginesLeft(parts, i));
            long engineStart = System.nanoTime();
            double offset = (engineStart - data.startNanos()) / 1e9;
            listener.onEvent(new RunEvent.StageChanged(offset, "engine", part.kind().label() + " starts"
                    + (share == null ? "" : " with " + share.toSeconds() + " s of the budget")));
            try {
                EngineResult r = part.prepared().run(new EngineContext(journal,
                                new ResumeState(resumable ? mine : List.of(), nextId, 0, null), share, engineStart),
                        new EngineEvents(listener, offset, metric, best), cancel);
                results.add(r);
                for (TrialResult t : r.run().leaderboard()) nextId = Math.max(nextId, t.spec().trialId() + 1);
            } catch (EngineFailedException | RuntimeException e) {
                LOG.error("the {} engine failed; the other engines go on", part.kind().key(), e);
                note(notes, listener, data, part.kind().key() + " failed: " + e.getMessage());
            } catch (OutOfMemoryError e) {
                // What the engine held is garbage now; the other engines' finished models are kept in `results`.
                LOG.error("the {} engine ran out of memory; the other engines go on", part.kind().key(), e);
                note(notes, listener, data, part.kind().key() + " ran out of memory (heap "
                        + (Runtime.getRuntime().maxMemory() >> 20) + " MB)");
            }
        }
        RunResult merged = merge(results, kept, data, notes, seconds(data) - startedAt + resume.usedSeconds(),
                cancel.isCancelled());
        listener.onEvent(new RunEvent.RunFinished(seconds(data), merged.summary()));
        return merged;
    }

    private static int enginesLeft(List<Part> parts, int from) {
        int n = 0;
        for (int i = from; i < parts.size(); i++) if (parts.get(i).prepared() != null) n++;
        return Math.max(1, n);
    }

    private static void note(List<String> notes, RunListener listener, PreparedRun data, String line) {
        notes.add(line);
        LOG.warn(line);
        listener.onEvent(new RunEvent.StageChanged(seconds(data), "engine", line));
    }

    /** What is left of the run's budget now, or null when it has none. */
    private static Duration left(PreparedRun data, ResumeState resume) {
        Duration budget = data.spec().budget();
        if (budget == null) return null;
        long usedMs = (long) ((seconds(data) + resume.usedSeconds()) * 1000);
        return budget.minusMillis(usedMs).isNegative() ? Duration.ZERO : budget.minusMillis(usedMs);
    }

    private static double seconds(PreparedRun data) { return (System.nanoTime() - data.startNanos()) / 1e9; }

    /**
     * One result of several engines' results: every model on one leaderboard in the run's order, and everything
     * about the chosen model (its bundle, test predictions, validation predictions) from the engine that made it.
     */
    static RunResult merge(List<EngineResult> results, List<TrialResult> kept, PreparedRun data, List<String> notes,
                           double wallSeconds, boolean cancelled) {
        Metric metric = data.metric();
        List<TrialResult> board = new ArrayList<>(kept);
        int trials = kept.size();
        for (EngineResult r : results) {
            board.addAll(r.run().leaderboard());
            trials += r.run().summary().trials();
        }
        board.sort(new Leaderboard(metric, 0).order());
        EngineResult winner = results.stream().filter(r -> r.model() != null)
                .min(Comparator.comparingDouble(r -> metric.toLoss(score(r, metric)))).orElse(null);
        String notesLine = notes.isEmpty() ? "" : "; " + String.join("; ", notes);
        if (winner == null) {
            RunResult f = failed(data, "no engine produced a model" + notesLine);
            return new RunResult(new RunSummary(cancelled ? RunSummary.Outcome.CANCELLED : RunSummary.Outcome.FAILED,
                    data.data().task(), metric, trials, null, Map.of(), Map.of(), wallSeconds,
                    f.summary().message()), board, null, Map.of(), data.folds().plan(), data.data(), null, null, null,
                    data.sample(), null);
        }
        RunResult w = winner.run();
        RunSummary s = w.summary();
        RunSummary summary = new RunSummary(cancelled ? RunSummary.Outcome.CANCELLED : s.outcome(), s.task(), metric,
                trials, s.leader(), s.validation(), s.test(), wallSeconds,
                winner.engine().label() + " has the best model: " + s.message() + notesLine);
        return new RunResult(summary, board, w.model(), w.weights(), w.plan(), w.data(), w.testPredictions(),
                w.validationTargets(), w.validationPredictions(), w.sample(), w.refit());
    }

    private static double score(EngineResult r, Metric metric) {
        Double v = r.run().summary().validation().get(metric.key());
        return v == null || v.isNaN() ? (metric.higherIsBetter() ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
                : v;
    }

    /** A run that produced nothing, with why. */
    static RunResult failed(PreparedRun data, String message) {
        return new RunResult(new RunSummary(RunSummary.Outcome.FAILED, data.data().task(), data.metric(), 0, null,
                Map.of(), Map.of(), seconds(data), message), List.of(), null, Map.of(), data.folds().plan(),
                data.data(), null, null, null, data.sample(), null);
    }
}
