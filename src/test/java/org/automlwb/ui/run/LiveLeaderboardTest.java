package org.automlwb.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.automlwb.engine.Metric;
import org.junit.jupiter.api.Test;

class LiveLeaderboardTest {
    @Test
    void higherIsBetterRanksTheHighestFirstAndUnscoredLast() {
        LiveLeaderboard board = new LiveLeaderboard(Metric.ACCURACY);
        board.addAll(List.of(Trials.ok(1, "logistic", 0.7), Trials.failed(2, "knn", "out of memory")));
        List<LeaderRow> rows = board.addAll(List.of(Trials.ok(3, "xgboost", 0.9), Trials.ok(4, "cart", 0.8)));
        assertEquals(List.of(3, 4, 1, 2), rows.stream().map(LeaderRow::trialId).toList());
        assertEquals(List.of(1, 2, 3, 0), rows.stream().map(LeaderRow::rank).toList());
        assertEquals("out of memory", rows.get(3).error());
    }

    @Test
    void lowerIsBetterRanksTheLowestFirstAndTiesByTrialNumber() {
        List<LeaderRow> rows = LiveLeaderboard.ranked(Metric.RMSE,
                List.of(Trials.ok(5, "a", 2.0), Trials.ok(2, "b", 1.0), Trials.ok(1, "c", 2.0)));
        assertEquals(List.of(2, 1, 5), rows.stream().map(LeaderRow::trialId).toList());
        assertEquals(List.of(1, 2, 3), rows.stream().map(LeaderRow::rank).toList());
    }
}
