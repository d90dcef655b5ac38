package org.automlwb.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.Metric;
import org.automlwb.engine.search.Searcher;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.TrialReport;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialTask;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchLoopTest {
    @TempDir
    Path dir;

    /** Suggests x = f(what it has seen), so any change in what it saw changes later suggestions. */
    static final class EchoSearcher implements Searcher {
        final List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        final int limit;

        EchoSearcher(int limit) { this.limit = limit; }

        @Override
        public synchronized Optional<TrialSpec> suggest(int nextId) {
            if (nextId > limit) return Optional.empty();
            int x = seen.stream().mapToInt(Integer::intValue).sum() % 97;
            return Optional.of(new TrialSpec(nextId, "fake", Config.of("x", x), nextId, "test"));
        }

        @Override
        public synchronized void onTrialComplete(TrialResult result) { seen.add(result.spec().trialId()); }
    }

    /** The trial function of a test, set once the objects it uses exist. */
    private static final class TrialFn implements java.util.function.Function<TrialTask, TrialReport> {
        volatile java.util.function.BiFunction<TrialSpec, Long, TrialResult> f;

        @Override
        public TrialReport apply(TrialTask task) {
            return TrialReport.of(f.apply(task.spec(), task.deadlineNanos()), TrialReport.LOCAL);
        }
    }

    private static TrialResult ok(TrialSpec s, double score) {
        return new TrialResult(s, TrialStatus.OK, score, Map.of("rmse", score), 0.01, null, null, 0);
    }

    private List<Integer> runOnce(int threads, long jitterSeed, boolean reproducible) throws Exception {
        EchoSearcher searcher = new EchoSearcher(1000);
        Random jitter = new Random(jitterSeed);
        Leaderboard board = new Leaderboard(Metric.RMSE, 5);
        TrialFn fn = new TrialFn();
        try (LocalTrialExecutor ex = new LocalTrialExecutor(threads, fn);
             Journal journal = Journal.open(dir.resolve("t" + jitterSeed + reproducible + ".jsonl"))) {
            fn.f = (spec, dl) -> {
                try {
                    Thread.sleep(jitter.nextInt(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return ok(spec, spec.config().getInt("x", 0));
            };
            SearchLoop loop = new SearchLoop(searcher, ex, "test-run", s -> 1, board, journal, e -> { },
                    new Deadline(System.nanoTime(), null), 30, reproducible,
                    CancelToken.none(), () -> { }, s -> false);
            SearchLoop.Outcome out = loop.run(1, List.of());
            assertEquals(RunSummary.Outcome.MAX_TRIALS, out.reason());
            assertEquals(30, out.launched());
            assertEquals(30, board.size());
        }
        return board.snapshot().stream().map(r -> r.spec().config().getInt("x", -1)).sorted().toList();
    }

    @Test
    void reproducibleModeGivesTheSameTrialsWhateverTheFinishingOrder() throws Exception {
        List<Integer> a = runOnce(3, 1, true);
        List<Integer> b = runOnce(3, 2, true);
        assertEquals(a, b);
    }

    @Test
    void failingTrialsAreRecordedAndTheRunGoesOn() throws Exception {
        EchoSearcher searcher = new EchoSearcher(6);
        Leaderboard board = new Leaderboard(Metric.RMSE, 5);
        TrialFn fn = new TrialFn();
        try (LocalTrialExecutor ex = new LocalTrialExecutor(2, fn);
             Journal journal = Journal.open(dir.resolve("f.jsonl"))) {
            fn.f = (spec, dl) -> {
                if (spec.trialId() % 2 == 0) throw new IllegalStateException("boom " + spec.trialId());
                return ok(spec, 1.0 / spec.trialId());
            };
            SearchLoop loop = new SearchLoop(searcher, ex, "test-run", s -> 1, board, journal, e -> { },
                    new Deadline(System.nanoTime(), Duration.ofMinutes(1)), 0, false,
                    CancelToken.none(), () -> { }, s -> false);
            assertEquals(RunSummary.Outcome.SEARCH_EXHAUSTED, loop.run(1, List.of()).reason());
        }
        List<TrialResult> journal = Journal.read(dir.resolve("f.jsonl"));
        assertEquals(6, journal.size());
        assertEquals(3, journal.stream().filter(r -> r.status() == TrialStatus.FAILED).count());
        assertTrue(journal.stream().filter(r -> r.status() == TrialStatus.FAILED)
                .allMatch(r -> r.error().startsWith("IllegalStateException: boom")));
        assertEquals(5, board.best().orElseThrow().spec().trialId());
    }

    @Test
    void cancelStopsLaunchingAndWaitsForRunningTrials() throws Exception {
        CancelToken cancel = new CancelToken();
        Leaderboard board = new Leaderboard(Metric.RMSE, 5);
        TrialFn fn = new TrialFn();
        try (LocalTrialExecutor ex = new LocalTrialExecutor(2, fn);
             Journal journal = Journal.open(dir.resolve("c.jsonl"))) {
            // Later trials wait until trial 5 has cancelled: on a loaded machine the thread running trial 5 can
            // be descheduled before it cancels while the other slot races through dozens of instant trials.
            java.util.concurrent.CountDownLatch cancelled = new java.util.concurrent.CountDownLatch(1);
            fn.f = (spec, dl) -> {
                if (spec.trialId() == 5) {
                    cancel.cancel();
                    cancelled.countDown();
                } else if (spec.trialId() > 5) {
                    try {
                        cancelled.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return ok(spec, 1);
            };
            SearchLoop loop = new SearchLoop(new EchoSearcher(1000), ex, "test-run", s -> 1, board, journal, e -> { },
                    new Deadline(System.nanoTime(), null), 1000, false, cancel,
                    () -> { }, s -> false);
            SearchLoop.Outcome out = loop.run(1, List.of());
            assertEquals(RunSummary.Outcome.CANCELLED, out.reason());
            assertTrue(out.launched() < 20, "launched " + out.launched());
            assertEquals(out.launched(), board.size());
        }
    }

    @Test
    void oneAtATimeTrialsNeverOverlapAndOthersUseTheFreeCore() throws Exception {
        java.util.concurrent.atomic.AtomicInteger exclusiveNow = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger maxExclusive = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger overlappedWithOther = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger othersNow = new java.util.concurrent.atomic.AtomicInteger();
        Leaderboard board = new Leaderboard(Metric.RMSE, 5);
        // Trials 1-6 are "exclusive" (like LibSVM), 7-12 are not.
        java.util.function.Predicate<TrialSpec> exclusive = s -> s.trialId() <= 6;
        TrialFn fn = new TrialFn();
        try (LocalTrialExecutor ex = new LocalTrialExecutor(2, fn);
             Journal journal = Journal.open(dir.resolve("x.jsonl"))) {
            fn.f = (spec, dl) -> {
                boolean ex1 = exclusive.test(spec);
                java.util.concurrent.atomic.AtomicInteger counter = ex1 ? exclusiveNow : othersNow;
                int now = counter.incrementAndGet();
                if (ex1) {
                    maxExclusive.accumulateAndGet(now, Math::max);
                    if (othersNow.get() > 0) overlappedWithOther.incrementAndGet();
                } else if (exclusiveNow.get() > 0) {
                    overlappedWithOther.incrementAndGet();
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                counter.decrementAndGet();
                return ok(spec, 1);
            };
            SearchLoop loop = new SearchLoop(new EchoSearcher(12), ex, "test-run", s -> 1, board, journal, e -> { },
                    new Deadline(System.nanoTime(), null), 12, false,
                    CancelToken.none(), () -> { }, exclusive);
            SearchLoop.Outcome out = loop.run(1, List.of());
            assertEquals(12, out.launched());
        }
        assertEquals(12, board.size());
        assertEquals(1, maxExclusive.get(), "two exclusive trials ran at once");
        assertTrue(overlappedWithOther.get() > 0, "the free core ran other trials meanwhile");
    }

    @Test
    void journalRoundTripsConfigTypes() throws Exception {
        Path f = dir.resolve("j.jsonl");
        TrialSpec spec = new TrialSpec(7, "xgboost", Config.of("trees", 200, "eta", 0.05, "booster", "gbtree"), 99,
                "tpe");
        try (Journal j = Journal.open(f)) {
            j.append(new TrialResult(spec, TrialStatus.OK, 0.91, Map.of("auc", 0.91), 1.5, null, null, 2));
        }
        TrialResult back = Journal.read(f).get(0);
        assertEquals(spec, back.spec());
        assertEquals(0.91, back.score());
        assertEquals(2, back.rung());
    }
}
