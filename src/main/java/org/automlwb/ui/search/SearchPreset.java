package org.automlwb.ui.search;

import java.time.Duration;
import java.util.Set;

/** Ready-made budgets and algorithm choices for the Search view. */
public enum SearchPreset {
    /** A minute, cheap algorithms only. */
    FAST("Fast", Duration.ofSeconds(60), Set.of("baseline", "naive_bayes", "liblinear", "elastic_net", "lars_lasso",
            "linear_sgd", "cart", "xgboost")),
    /** Five minutes, everything but the forests (Tribuo trains their trees one after another, slowly). */
    BALANCED("Balanced", Duration.ofMinutes(5), null),
    /** Half an hour, every algorithm. */
    THOROUGH("Thorough", Duration.ofMinutes(30), null);

    private static final Set<String> SLOW = Set.of("random_forest", "extra_trees");

    private final String title;
    private final Duration budget;
    private final Set<String> only;

    SearchPreset(String title, Duration budget, Set<String> only) {
        this.title = title;
        this.budget = budget;
        this.only = only;
    }

    public String title() { return title; }
    public Duration budget() { return budget; }

    /** Whether the preset switches this algorithm on. */
    public boolean includes(String algorithmId) {
        return switch (this) {
            case FAST -> only.contains(algorithmId);
            case BALANCED -> !SLOW.contains(algorithmId);
            case THOROUGH -> true;
        };
    }

    /** e.g. "Fast: 1 min, cheap algorithms". */
    public String summary() {
        long m = budget.toMinutes();
        String what = switch (this) {
            case FAST -> "cheap algorithms";
            case BALANCED -> "all but the forests";
            case THOROUGH -> "every algorithm";
        };
        return title + ": " + m + " min, " + what;
    }
}
