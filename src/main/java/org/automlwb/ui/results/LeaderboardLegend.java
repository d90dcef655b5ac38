package org.automlwb.ui.results;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.automlwb.engine.PlainNames;
import org.automlwb.engine.trial.TrialStatus;
import org.automlwb.ui.run.LeaderRow;

/**
 * One line above a leaderboard that explains the statuses it holds other than ok, where they appear: a pruned
 * trial, for one, is not an error, and a row without a score is not a broken one.
 */
final class LeaderboardLegend {
    private LeaderboardLegend() { }

    /** The explanation of the statuses in {@code rows} other than ok; empty when every row is ok. */
    static String of(List<LeaderRow> rows) {
        Map<TrialStatus, Integer> count = new EnumMap<>(TrialStatus.class);
        for (LeaderRow r : rows) if (r.status() != TrialStatus.OK) count.merge(r.status(), 1, Integer::sum);
        if (count.isEmpty()) return "";
        StringBuilder b = new StringBuilder("No score (—) on ");
        boolean first = true;
        for (Map.Entry<TrialStatus, Integer> e : count.entrySet()) {
            if (!first) b.append(' ');
            first = false;
            b.append(e.getValue()).append(' ').append(PlainNames.status(e.getKey())).append(": ")
                    .append(brief(e.getKey()));
        }
        return b.toString();
    }

    private static String brief(TrialStatus s) {
        return switch (s) {
            case PRUNED -> "stopped early on purpose, not an error (it trailed the others on a first, smaller round).";
            case TIMEOUT -> "took longer than one trial may.";
            case FAILED -> "could not train with those settings (see Error).";
            case CANCELLED -> "still training when the run was stopped.";
            case OK -> "";
        };
    }
}
