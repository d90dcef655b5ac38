package org.automlwb.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.junit.jupiter.api.Test;

class RunEventJsonTest {
    private static final TrialSpec SPEC = new TrialSpec(7, "xgboost",
            Config.of("max_depth", 6, "eta", 0.1, "booster", "gbtree"), 1234L, "tpe");
    private static final TrialResult OK = new TrialResult(SPEC, TrialStatus.OK, 0.875,
            Map.of("auc", 0.875, "accuracy", 0.8), 1.5, null, null, 2, Map.of("rounds", 120));
    private static final TrialResult FAILED = new TrialResult(SPEC, TrialStatus.FAILED, Double.NaN, Map.of(), 0.2,
            "out of memory in fold 3", null, 0);

    @Test
    void everyKindOfEventComesBackAsItWasSent() {
        RunSummary summary = new RunSummary(RunSummary.Outcome.BUDGET_USED, TaskType.BINARY, Metric.AUC, 12, OK,
                Map.of("auc", 0.875), Map.of(), 61.5, "best: XGBoost, validation AUC 0.875");
        List<RunEvent> events = List.of(
                new RunEvent.RunStarted(0.4, TaskType.BINARY, Metric.AUC, 598, 4, "5-fold cross-validation", 11),
                new RunEvent.StageChanged(0.5, "search", "searching xgboost"),
                new RunEvent.StageChanged(0.6, "refit", null),
                new RunEvent.TrialStarted(1.0, SPEC),
                new RunEvent.TrialFinished(2.5, OK),
                new RunEvent.TrialFinished(2.6, FAILED),
                new RunEvent.BestChanged(2.5, OK),
                new RunEvent.SearchEnded(60.0, RunSummary.Outcome.BUDGET_USED, 12),
                new RunEvent.RunFinished(61.5, summary));
        for (RunEvent e : events) {
            String line = RunEventJson.line(e);
            assertTrue(!line.contains("\n"), "one line: " + line);
            RunEvent back = RunEventJson.parse(line).orElseThrow(() -> new AssertionError("not read back: " + line));
            if (e instanceof RunEvent.TrialFinished f && Double.isNaN(f.result().score())) {
                // NaN != NaN in a record's equals: compare the rest
                TrialResult r = ((RunEvent.TrialFinished) back).result();
                assertTrue(Double.isNaN(r.score()));
                assertEquals(f.result().error(), r.error());
                assertEquals(f.result().status(), r.status());
            } else {
                assertEquals(e, back, line);
            }
        }
    }

    @Test
    void outOfFoldPredictionsDoNotTravel() {
        String line = RunEventJson.line(new RunEvent.TrialFinished(1, OK));
        assertNull(((RunEvent.TrialFinished) RunEventJson.parse(line).orElseThrow()).result().oof());
    }

    @Test
    void linesThatAreNotEventsAreSkipped() {
        assertTrue(RunEventJson.parse("{\"experiment\":\"20261207-1\",\"leader\":\"xgboost\"}").isEmpty());
        assertTrue(RunEventJson.parse("26/12/07 17:33:25 INFO SparkContext: Running Spark version 4.2.0").isEmpty());
        assertTrue(RunEventJson.parse("{\"event\":\"trial_finished\",\"t\":1.0,\"resu").isEmpty());
        assertTrue(RunEventJson.parse("{\"event\":\"from_a_newer_version\",\"t\":1.0}").isEmpty());
        assertTrue(RunEventJson.parse(null).isEmpty());
    }
}
