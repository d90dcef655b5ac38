package org.automlwb.ui.run;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.automlwb.engine.Metric;
import org.automlwb.engine.trial.TrialResult;

/**
 * The leaderboard kept in rank order as trials arrive: scored trials best first (by the metric's direction),
 * then the rest by trial number. Pure Java, so ordering is tested without a stage.
 */
public final class LiveLeaderboard {
    private final Comparator<LeaderRow> order;
    private final List<LeaderRow> rows = new ArrayList<>();

    public LiveLeaderboard(Metric metric) {
        this.order = order(metric);
    }

    /** Best first: scored trials by score, then unscored ones by trial number. */
    public static Comparator<LeaderRow> order(Metric metric) {
        return Comparator.<LeaderRow>comparingInt(r -> scored(r) ? 0 : 1)
                .thenComparingDouble(r -> scored(r) ? metric.toLoss(r.score()) : 0)
                .thenComparingInt(LeaderRow::trialId);
    }

    /**
     * Adds finished trials and re-numbers the ranks.
     *
     * @return the whole board, ranked, as an unmodifiable list of new rows
     */
    public List<LeaderRow> addAll(Collection<TrialResult> results) {
        for (TrialResult r : results) {
            LeaderRow row = LeaderRow.of(r, 0);
            int at = Collections.binarySearch(rows, row, order);
            rows.add(at < 0 ? -at - 1 : at, row);
        }
        int rank = 0;
        for (int i = 0; i < rows.size(); i++) {
            LeaderRow r = rows.get(i);
            rows.set(i, r.withRank(scored(r) ? ++rank : 0));
        }
        return List.copyOf(rows);
    }

    /** The ranked rows of a finished leaderboard. */
    public static List<LeaderRow> ranked(Metric metric, Collection<TrialResult> results) {
        return new LiveLeaderboard(metric).addAll(results);
    }

    public int size() { return rows.size(); }

    static boolean scored(LeaderRow r) {
        return r.status() == org.automlwb.engine.trial.TrialStatus.OK && !Double.isNaN(r.score());
    }
}
