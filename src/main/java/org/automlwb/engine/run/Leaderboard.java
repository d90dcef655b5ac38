package org.automlwb.engine.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.automlwb.engine.Metric;
import org.automlwb.engine.trial.TrialResult;

/**
 * Every finished trial, best first. Thread-safe. Only the best {@code keepOof} successful trials, and the best
 * trial of each algorithm, keep their out-of-fold predictions (an ensemble needs no more, and a stack gains most
 * from different kinds of model, as H2O's best-of-family stack shows); the rest are dropped as soon as they fall
 * out, so memory stays bounded however long the run.
 */
public final class Leaderboard {
    private final Metric metric;
    private final int keepOof;
    private final List<TrialResult> entries = new ArrayList<>();

    public Leaderboard(Metric metric, int keepOof) {
        this.metric = metric;
        this.keepOof = keepOof;
    }

    /** Successful trials by loss, then failed ones; ties broken by trial id so the order is deterministic. */
    public Comparator<TrialResult> order() {
        return Comparator.<TrialResult>comparingInt(r -> r.ok() ? 0 : 1)
                .thenComparingDouble(r -> r.ok() ? metric.toLoss(r.score()) : 0)
                .thenComparingInt(r -> r.spec().trialId());
    }

    /** Adds a result; returns true when it is the new best. */
    public synchronized boolean add(TrialResult result) {
        Optional<TrialResult> before = best();
        entries.add(result);
        entries.sort(order());
        int okSeen = 0;
        java.util.Set<String> families = new java.util.HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            TrialResult r = entries.get(i);
            if (!r.ok()) continue;
            okSeen++;
            boolean bestOfItsAlgorithm = families.add(r.spec().algorithm());
            if (okSeen > keepOof && !bestOfItsAlgorithm && r.oof() != null) entries.set(i, r.withoutOof());
        }
        return result.ok() && (before.isEmpty() || best().orElseThrow().spec().trialId() == result.spec().trialId());
    }

    /** The best successful trial, if any. */
    public synchronized Optional<TrialResult> best() {
        return entries.stream().filter(TrialResult::ok).findFirst();
    }

    /** A copy of all entries, best first. */
    public synchronized List<TrialResult> snapshot() { return List.copyOf(entries); }

    /** The successful trials that still hold out-of-fold predictions, best first. */
    public synchronized List<TrialResult> withOof() {
        return entries.stream().filter(r -> r.ok() && r.oof() != null).toList();
    }

    public synchronized int size() { return entries.size(); }

    public Metric metric() { return metric; }
}
