package org.automlwb.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.automlwb.engine.Metric;
import org.automlwb.engine.PlainNames;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.automlwb.ui.run.LeaderRow;
import org.automlwb.ui.run.Trials;
import org.junit.jupiter.api.Test;

/** Results' plain words: the sentence, ensemble members, the baseline mark, the crowded-top warning, the legend. */
class PlainSummaryTest {
    private static RunSummary summary(TaskType task, Metric metric, TrialResult leader, Map<String, Double> val,
                                      Map<String, Double> test) {
        return new RunSummary(RunSummary.Outcome.BUDGET_USED, task, metric, 3, leader, val, test, 10, "");
    }

    private static RunResult result(RunSummary s, List<TrialResult> board, Map<Integer, Double> weights) {
        return new RunResult(s, board, null, weights, null, null, null, null, null, null, null);
    }

    private static TrialResult trial(int id, String algo, double score, String origin, Config c) {
        return new TrialResult(new TrialSpec(id, algo, c, 1L, origin), TrialStatus.OK, score, Map.of(), 1, null,
                null, 0);
    }

    @Test
    void classificationSaysHowOftenItIsRightAndWhatTheAucMeans() {
        TrialResult leader = Trials.ok(2, "xgboost", 0.83);
        String s = PlainSummary.headline(summary(TaskType.BINARY, Metric.AUC, leader,
                Map.of("accuracy", 0.7712, "auc", 0.8321), Map.of()), "Survived");
        assertEquals("Right for 77 of every 100 cases · AUC 0.83 (0.5 = guessing, 1 = perfect) — in validation "
                + "(rows held out while training)", s);
        String onTest = PlainSummary.headline(summary(TaskType.BINARY, Metric.AUC, leader,
                Map.of("accuracy", 0.7, "auc", 0.8), Map.of("accuracy", 0.81, "auc", 0.88)), "Survived");
        assertTrue(onTest.startsWith("Right for 81 of every 100 cases · AUC 0.88"), onTest);
        assertTrue(onTest.endsWith("on the test file, which the model never saw"), onTest);
    }

    @Test
    void regressionGivesTheTypicalErrorInTheTargetsUnit() {
        String s = PlainSummary.headline(summary(TaskType.REGRESSION, Metric.RMSE, Trials.ok(1, "lightgbm", 5.2),
                Map.of("rmse", 5.2, "mae", 4.1234, "r2", 0.811), Map.of()), "strength_MPa");
        assertTrue(s.startsWith("Typical error ±4.12 strength_MPa · R² 0.81 (0 = no better than the average"), s);
        assertEquals("", PlainSummary.headline(summary(TaskType.REGRESSION, Metric.RMSE, null, Map.of(), Map.of()),
                "y"), "no model, no sentence");
    }

    @Test
    void anEnsembleShowsItsMembersByAlgorithmAndWeight() {
        List<TrialResult> board = List.of(trial(111, "ensemble", 0.9, "ensemble", Config.empty()),
                trial(3, "xgboost", 0.88, "tpe", Config.of("eta", 0.1234567)),
                trial(5, "xgboost", 0.87, "tpe", Config.of("eta", 0.3)),
                trial(7, "linear_sgd", 0.8, "portfolio", Config.empty()));
        RunResult r = result(summary(TaskType.BINARY, Metric.AUC, board.get(0), Map.of("auc", 0.9), Map.of()), board,
                Map.of(3, 0.5, 5, 0.3, 7, 0.2));
        assertEquals("XGBoost ×2 80% · Linear model (SGD) 20%", PlainSummary.members(r));
        String details = PlainSummary.details(r);
        assertTrue(details.contains("XGBoost (trial 3, weight 0.50)\n  eta = 0.123"), details);
        assertTrue(details.contains("Linear model (SGD) (trial 7, weight 0.20)\n  (default settings)"), details);
        assertEquals("", PlainSummary.members(result(summary(TaskType.BINARY, Metric.AUC, board.get(1),
                Map.of("auc", 0.88), Map.of()), board, Map.of())));
    }

    @Test
    void aModelNoBetterThanTheBaselineIsMarked() {
        TrialResult base = trial(1, "baseline", 0.5, "portfolio", Config.empty());
        TrialResult cart = trial(2, "cart", 0.49, "portfolio", Config.empty());
        RunResult worse = result(summary(TaskType.BINARY, Metric.AUC, cart, Map.of("auc", 0.49), Map.of()),
                List.of(base, cart), Map.of());
        assertTrue(PlainSummary.baseline(worse).startsWith("Worse than the constant baseline"));
        TrialResult good = trial(3, "cart", 0.8, "portfolio", Config.empty());
        assertEquals("", PlainSummary.baseline(result(summary(TaskType.BINARY, Metric.AUC, good, Map.of("auc", 0.8),
                Map.of()), List.of(base, good), Map.of())));
        // lower is better for RMSE: 12 against the average's 10 is worse
        TrialResult avg = trial(1, "baseline", 10, "portfolio", Config.empty());
        TrialResult knn = trial(2, "knn", 12, "portfolio", Config.empty());
        assertTrue(PlainSummary.baseline(result(summary(TaskType.REGRESSION, Metric.RMSE, knn, Map.of("rmse", 12.0),
                Map.of()), List.of(avg, knn), Map.of())).contains("always predicting the average"));
    }

    @Test
    void warnsWhenNearIdenticalConfigurationsFillTheTopOfASmallDataSet() {
        List<TrialResult> board = new ArrayList<>();
        for (int i = 1; i <= 5; i++) board.add(trial(i, "xgboost", 0.850 - i * 0.001, "tpe", Config.of("eta", i)));
        board.add(trial(6, "cart", 0.70, "portfolio", Config.empty()));
        RunResult r = result(summary(TaskType.BINARY, Metric.AUC, board.get(0), Map.of("auc", 0.849), Map.of()),
                board, Map.of());
        // 891 rows: one standard error is 0.5 / √891 = 0.0168; the top five lie within 0.004
        String w = PlainSummary.crowdedTop(r, 891);
        assertTrue(w.startsWith("The top 5 are 5 × XGBoost"), w);
        assertTrue(w.contains("0.0168"), w);
        assertEquals("", PlainSummary.crowdedTop(r, 50_000), "a large data set separates them");
        board.set(4, trial(5, "xgboost", 0.80, "tpe", Config.empty()));
        assertEquals("", PlainSummary.crowdedTop(result(r.summary(), board, Map.of()), 891),
                "a spread wider than the noise is a real difference");
    }

    @Test
    void theLegendExplainsPrunedAndTimedOutRows() {
        List<LeaderRow> rows = List.of(LeaderRow.of(Trials.ok(1, "cart", 0.8), 1),
                new LeaderRow(0, 2, "xgboost", "", Double.NaN, 1, TrialStatus.PRUNED, "", Map.of()),
                new LeaderRow(0, 3, "knn", "", Double.NaN, 1, TrialStatus.TIMEOUT, "", Map.of()));
        String legend = LeaderboardLegend.of(rows);
        assertTrue(legend.contains("1 pruned: stopped early on purpose, not an error"), legend);
        assertTrue(legend.contains("1 timed out"), legend);
        assertEquals("", LeaderboardLegend.of(rows.subList(0, 1)));
    }

    @Test
    void namesComeFromOnePlace() {
        assertEquals("Linear model (SGD)", PlainNames.algorithm("linear_sgd"));
        assertEquals("Log loss", PlainNames.metric("logloss"));
        assertEquals("Deep learning", PlainNames.algorithm("deep_learning"), "another engine's id reads as words");
        assertTrue(PlainNames.meaning(Metric.RMSE).endsWith("Lower is better."));
        assertTrue(PlainNames.statusMeaning(TrialStatus.PRUNED).startsWith("Not an error"));
    }
}
