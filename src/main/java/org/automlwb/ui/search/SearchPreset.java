package org.automlwb.ui.search;

import java.time.Duration;
import java.util.Set;

/** Ready-made budgets and algorithm choices for the Search view. */
public enum SearchPreset {
    /** Half a minute, cheap algorithms only: the welcome screen's first run. */
    QUICK("Quick", Duration.ofSeconds(30), Cheap.ALGORITHMS),
    /** A minute, cheap algorithms only. */
    FAST("Fast", Duration.ofSeconds(60), Cheap.ALGORITHMS),
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
            case QUICK, FAST -> only.contains(algorithmId);
            case BALANCED -> !SLOW.contains(algorithmId);
            case THOROUGH -> true;
        };
    }

    /** e.g. "Fast: 1 min, cheap algorithms". */
    public String summary() {
        String time = budget.toSeconds() < 60 ? budget.toSeconds() + " s" : budget.toMinutes() + " min";
        String what = switch (this) {
            case QUICK, FAST -> "cheap algorithms";
            case BALANCED -> "all but the forests";
            case THOROUGH -> "every algorithm";
        };
        return title + ": " + time + ", " + what;
    }

    /** The algorithms that learn in seconds on data of any size (an enum's constants cannot share a static field). */
    private static final class Cheap {
        static final Set<String> ALGORITHMS = Set.of("baseline", "naive_bayes", "liblinear", "elastic_net",
                "lars_lasso", "linear_sgd", "cart", "lightgbm", "xgboost");
    }
}
