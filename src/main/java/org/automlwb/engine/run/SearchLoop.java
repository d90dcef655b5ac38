package org.automlwb.engine.run;

import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.search.Searcher;
import org.automlwb.engine.trial.TrialReport;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the executor's cores busy with trials the searcher suggests until the budget, the trial count or the
 * searcher runs out, or the user stops. Every completion is journalled, ranked and reported on this one thread,
 * so the leaderboard, journal and searcher see trials in a single well-defined order.
 *
 * <p>In reproducible mode the searcher is shown exactly the results of trials {@code 1..n-P} before it suggests
 * trial {@code n} (P = the run's thread count), whatever order trials finish in: that costs some idle time but
 * makes the same seed give the same trials on any machine.
 */
public final class SearchLoop {
    private static final Logger LOG = LoggerFactory.getLogger(SearchLoop.class);

    /** What the loop reports when it has finished. */
    public record Outcome(RunSummary.Outcome reason, int launched) { }

    private final Searcher searcher;
    private final TrialExecutor executor;
    private final String runId;
    private final ToIntFunction<TrialSpec> coresFor;
    private final Leaderboard leaderboard;
    private final Journal journal;
    private final RunListener events;
    private final Deadline deadline;
    private final int maxTrials;
    private final boolean reproducible;
    private final CancelToken cancel;
    private final Runnable afterEach;
    private final java.util.function.Predicate<TrialSpec> oneAtATime;
    /**
     * How many one-at-a-time suggestions may wait per core. When the searcher favours LibSVM, a short queue
     * stalls the loop with a core idle (vehicle: 61% CPU); a longer one lets it ask again and fill the core
     * with other algorithms. Waiting suggestions still unstarted at the end are dropped, not counted.
     */
    private static final int MAX_DEFERRED_PER_CORE = 4;

    /** Suggested one-at-a-time trials waiting for their lane, oldest first. */
    private final java.util.ArrayDeque<TrialSpec> deferred = new java.util.ArrayDeque<>();
    private int exclusiveInFlight;
    /** The algorithms whose one lane is taken, by how many of their trials run or wait. */
    private final java.util.Map<String, Integer> laneTaken = new java.util.HashMap<>();

    private final BlockingQueue<TrialReport> done = new LinkedBlockingQueue<>();
    private final TreeMap<Integer, TrialResult> undelivered = new TreeMap<>();
    private int delivered;
    private int inFlight;
    private int coresInFlight;
    /** Cores each running trial holds, to give back when it completes. */
    private final java.util.Map<Integer, Integer> coresBySpec = new java.util.HashMap<>();

    /**
     * @param runId     the run's id, which every {@link TrialTask} carries
     * @param coresFor  cores a trial will use (native threads inside it)
     * @param afterEach called on the loop thread after each completion (e.g. to update the budget reserve)
     * @param oneAtATime trials that must not run beside another such trial (LibSVM's JVM-wide lock): they wait
     *                   for their lane while other trials use the cores. Cores the executor reports busy with
     *                   work the loop did not start ({@link TrialExecutor#coresBusyElsewhere}) are counted too;
     *                   one trial always runs, so the search never stalls
     */
    public SearchLoop(Searcher searcher, TrialExecutor executor, String runId,
                      ToIntFunction<TrialSpec> coresFor, Leaderboard leaderboard, Journal journal,
                      RunListener events, Deadline deadline, int maxTrials, boolean reproducible, CancelToken cancel,
                      Runnable afterEach, java.util.function.Predicate<TrialSpec> oneAtATime) {
        this.searcher = searcher;
        this.executor = executor;
        this.runId = runId;
        this.coresFor = coresFor;
        this.leaderboard = leaderboard;
        this.journal = journal;
        this.events = events;
        this.deadline = deadline;
        this.maxTrials = maxTrials;
        this.reproducible = reproducible;
        this.cancel = cancel;
        this.afterEach = afterEach;
        this.oneAtATime = oneAtATime;
    }

    /**
     * Runs the search.
     *
     * @param firstId  the id of the first new trial (1, or after the last journalled one when resuming)
     * @param previous trials already finished (resume): fed to the searcher first, never repeated
     */
    public Outcome run(int firstId, java.util.List<TrialResult> previous) throws InterruptedException {
        for (TrialResult r : previous) searcher.onTrialComplete(r);
        delivered = firstId - 1;
        int nextId = firstId;
        int launched = previous.size();
        RunSummary.Outcome reason = null;
        while (reason == null) {
            if (cancel.isCancelled()) {
                reason = RunSummary.Outcome.CANCELLED;
            } else if (maxTrials > 0 && launched >= maxTrials && deferred.isEmpty()) {
                reason = RunSummary.Outcome.MAX_TRIALS;
            } else if (deadline.searchOver()) {
                reason = RunSummary.Outcome.BUDGET_USED;
            } else if (coresInFlight + executor.coresBusyElsewhere() >= executor.cores() && inFlight > 0) {
                awaitOne();
            } else if (exclusiveInFlight == 0 && !deferred.isEmpty()) {
                launch(deferred.poll());
            } else if (maxTrials > 0 && launched >= maxTrials) {
                awaitOne(); // every trial is suggested; deferred ones wait for their lane
            } else if ((reproducible && !deliverUpTo(nextId)) || deferred.size() >= MAX_DEFERRED_PER_CORE * executor.cores()) {
                awaitOne();
            } else {
                // Outside reproducible mode, a free core asks for an algorithm whose lane is free, so it works
                // instead of queueing behind LibSVM; a reproducible run must not depend on which lane was free.
                Optional<TrialSpec> next = reproducible || laneTaken.isEmpty() ? searcher.suggest(nextId)
                        : searcher.suggest(nextId, java.util.Set.copyOf(laneTaken.keySet()));
                if (next.isEmpty()) {
                    if (inFlight == 0 && deferred.isEmpty()) reason = RunSummary.Outcome.SEARCH_EXHAUSTED;
                    else awaitOne();
                    continue;
                }
                nextId++;
                launched++;
                if (oneAtATime.test(next.get()) && exclusiveInFlight > 0) deferred.add(next.get());
                else launch(next.get());
            }
        }
        // Deferred trials never started: they are not run, and not counted as run.
        launched -= deferred.size();
        deferred.clear();
        if (reason == RunSummary.Outcome.CANCELLED) LOG.info("run stopped by the user; {} trials in flight", inFlight);
        while (inFlight > 0) awaitOne();
        if (reproducible) deliverUpTo(Integer.MAX_VALUE);
        return new Outcome(reason, launched);
    }

    private void launch(TrialSpec spec) {
        int cores = Math.max(1, Math.min(executor.cores(), coresFor.applyAsInt(spec)));
        long trialDeadline = deadline.searchEndNanos();
        inFlight++;
        coresInFlight += cores;
        if (oneAtATime.test(spec)) {
            exclusiveInFlight++;
            laneTaken.merge(spec.algorithm(), 1, Integer::sum);
        }
        events.onEvent(new RunEvent.TrialStarted(deadline.elapsedSeconds(), spec));
        executor.submit(TrialTask.of(runId, spec, trialDeadline, cores)).whenComplete((r, err) -> done.add(
                r != null ? r : TrialReport.of(Trials.failed(spec, err, 0), executor.describe())));
        coresBySpec.put(spec.trialId(), cores);
    }

    /** Waits for one completion (waking up regularly so a cancel or the deadline is noticed) and handles it. */
    private void awaitOne() throws InterruptedException {
        if (inFlight == 0) return;
        TrialReport report = done.poll(100, TimeUnit.MILLISECONDS);
        if (report == null) return;
        TrialResult r = report.result();
        inFlight--;
        coresInFlight -= coresBySpec.remove(r.spec().trialId());
        if (oneAtATime.test(r.spec())) {
            exclusiveInFlight--;
            laneTaken.computeIfPresent(r.spec().algorithm(), (k, n) -> n > 1 ? n - 1 : null);
        }
        if (journal != null) journal.append(r, report.executor());
        boolean best = leaderboard.add(r);
        events.onEvent(new RunEvent.TrialFinished(deadline.elapsedSeconds(), r));
        if (best) events.onEvent(new RunEvent.BestChanged(deadline.elapsedSeconds(), r));
        if (reproducible) {
            undelivered.put(r.spec().trialId(), r.withoutOof());
        } else {
            searcher.onTrialComplete(r.withoutOof());
        }
        afterEach.run();
    }

    /**
     * Reproducible mode: gives the searcher, in id order, every result it may see before suggesting trial
     * {@code nextId}. Returns false when one of those is still running (the caller must wait).
     */
    private boolean deliverUpTo(int nextId) {
        int visible = nextId == Integer.MAX_VALUE ? Integer.MAX_VALUE : nextId - executor.cores();
        while (delivered < visible) {
            TrialResult r = undelivered.remove(delivered + 1);
            if (r == null) return nextId == Integer.MAX_VALUE || delivered + 1 > visible;
            searcher.onTrialComplete(r);
            delivered++;
        }
        return true;
    }
}
