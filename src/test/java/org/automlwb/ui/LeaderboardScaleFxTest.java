package org.automlwb.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.stage.Stage;
import org.automlwb.engine.Metric;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.ui.run.LeaderRow;
import org.automlwb.ui.run.LeaderboardTable;
import org.automlwb.ui.run.LiveLeaderboard;
import org.automlwb.ui.run.Trials;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A leaderboard of 5,000 synthetic trials in a real table: sorting by a column and scrolling end to end work
 * (the times are logged for the report, not asserted).
 */
@ExtendWith(ApplicationExtension.class)
class LeaderboardScaleFxTest {
    private static final Logger LOG = LoggerFactory.getLogger(LeaderboardScaleFxTest.class);
    private final ObservableList<LeaderRow> rows = FXCollections.observableArrayList();
    private LeaderboardTable table;

    @Start
    void start(Stage stage) {
        table = new LeaderboardTable(rows, "accuracy");
        stage.setScene(new Scene(table, 1000, 600));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void fiveThousandRowsSortAndScroll(FxRobot robot) {
        Random r = new Random(11);
        List<TrialResult> trials = new ArrayList<>();
        String[] algos = {"cart", "xgboost", "logistic", "knn", "forest"};
        for (int i = 1; i <= 5000; i++) {
            trials.add(i % 50 == 0 ? Trials.failed(i, algos[i % 5], "synthetic failure")
                    : Trials.ok(i, algos[r.nextInt(5)], r.nextDouble()));
        }
        List<LeaderRow> ranked = LiveLeaderboard.ranked(Metric.ACCURACY, trials);
        robot.interact(() -> rows.setAll(ranked));
        WaitForAsyncUtils.waitForFxEvents();

        long[] sortNanos = new long[2];
        robot.interact(() -> {
            TableColumn<LeaderRow, ?> params = column(table, "Hyperparameters");
            TableColumn<LeaderRow, ?> score = column(table, "accuracy");
            table.getSortOrder().setAll(List.of(score)); // warm up the sort and cell paths once
            table.layout();
            long t0 = System.nanoTime();
            table.getSortOrder().setAll(List.of(params));
            table.layout();
            sortNanos[0] = System.nanoTime() - t0;
            TableColumn<LeaderRow, ?> trial = column(table, "Trial");
            trial.setSortType(TableColumn.SortType.DESCENDING);
            t0 = System.nanoTime();
            table.getSortOrder().setAll(List.of(trial));
            table.layout();
            sortNanos[1] = System.nanoTime() - t0;
        });
        assertEquals(5000, table.getItems().get(0).trialId(), "sorted by trial, descending");

        FrameGaps gaps = new FrameGaps();
        robot.interact(gaps::start);
        long t0 = System.nanoTime();
        long[] scrollWork = new long[1];
        for (int i = 0; i < 5000; i += 100) {
            int at = i;
            robot.interact(() -> {
                long s0 = System.nanoTime();
                table.scrollTo(at);
                table.layout();
                scrollWork[0] += System.nanoTime() - s0;
            });
        }
        long scrollNanos = System.nanoTime() - t0;
        robot.interact(gaps::stop);
        String line = String.format(java.util.Locale.ROOT, "5,000-row leaderboard (Monocle): sort by hyperparameters "
                + "%d ms, by trial %d ms (sort + layout); 50 scroll jumps: %d ms on the UI thread (%d ms wall with the "
                + "robot's waits); frames while scrolling: %s", sortNanos[0] / 1_000_000, sortNanos[1] / 1_000_000,
                scrollWork[0] / 1_000_000, scrollNanos / 1_000_000, gaps.summary());
        LOG.info(line);
        FrameGaps.record(line);
        robot.interact(() -> table.getSortOrder().clear());
        assertEquals(1, table.getItems().get(0).rank(), "unsorted shows rank order");
    }

    /** A column by its title: the table's columns move as columns are added (the engine column). */
    private static TableColumn<LeaderRow, ?> column(LeaderboardTable table, String title) {
        return table.getColumns().stream().filter(c -> c.getText().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no column " + title));
    }
}
