package org.automlwb.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.TestData;
import org.automlwb.engine.api.EngineFailedException;
import org.automlwb.engine.api.EngineKind;
import org.automlwb.engine.run.AutoMLRun;
import org.automlwb.engine.run.PreparedRun;
import org.automlwb.engine.run.ResumeState;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.tribuo.TribuoEngine;
import org.automlwb.engine.trial.TrialResult;
import org.junit.jupiter.api.Test;

/** Several engines one after another: one that fails is said in one line, the others' models are kept. */
class EngineSequenceTest {
    @Test
    void anEngineThatFailsIsSaidInOneLineAndTheNextOneGivesTheModel() throws Exception {
        RunSpec spec = RunSpec.defaults("y").toBuilder().budget(null).maxTrials(3).threads(1)
                .algorithms(List.of("liblinear", "lightgbm")).ensemble(false).build();
        PreparedRun data = AutoMLRun.prepare(TestData.binary(300, 3), null, spec, null);
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        List<EngineSequence.Part> parts = List.of(
                new EngineSequence.Part(EngineKind.H2O, (context, listener, cancel) -> {
                    throw new EngineFailedException(EngineKind.H2O, "H2O did not start: no memory", null);
                }, null),
                new EngineSequence.Part(EngineKind.SKLEARN, null, "python3 cannot import sklearn"),
                new EngineSequence.Part(EngineKind.TRIBUO, new TribuoEngine().prepare(data), null));

        var result = EngineSequence.run(parts, data, null, ResumeState.none(), CancelToken.none(), events::add);

        assertNotNull(result.model());
        assertEquals(RunSummary.Outcome.MAX_TRIALS, result.summary().outcome());
        assertTrue(result.summary().message().contains("h2o failed: H2O did not start: no memory"),
                result.summary().message());
        assertTrue(result.summary().message().contains("sklearn not run: python3 cannot import sklearn"),
                result.summary().message());
        assertEquals(3, result.leaderboard().size());
        assertEquals(1, events.stream().filter(e -> e instanceof RunEvent.RunFinished).count());
        assertEquals(1, events.stream().filter(e -> e instanceof RunEvent.RunStarted).count(),
                "the run starts once, whichever engines fail");
        assertTrue(events.stream().anyMatch(e -> e instanceof RunEvent.StageChanged s && s.stage().equals("engine")
                && s.message().equals("h2o failed: H2O did not start: no memory")));
    }

    @Test
    void twoEnginesShareOneLeaderboardWithUniqueIdsBestFirst() throws Exception {
        RunSpec spec = RunSpec.defaults("y").toBuilder().budget(null).maxTrials(2).threads(1)
                .algorithms(List.of("liblinear", "lightgbm")).ensemble(false).build();
        PreparedRun data = AutoMLRun.prepare(TestData.binary(300, 4), null, spec, null);
        // The Tribuo engine twice, as two engines of a plan would run: same data, ids that follow on.
        List<EngineSequence.Part> parts = List.of(
                new EngineSequence.Part(EngineKind.TRIBUO, new TribuoEngine().prepare(data), null),
                new EngineSequence.Part(EngineKind.H2O, new TribuoEngine().prepare(data), null));

        var result = EngineSequence.run(parts, data, null, ResumeState.none(), CancelToken.none(), e -> { });

        assertEquals(4, result.leaderboard().size());
        Set<Integer> ids = new HashSet<>();
        for (TrialResult t : result.leaderboard()) assertTrue(ids.add(t.spec().trialId()), "id " + t.spec().trialId());
        for (int i = 1; i < result.leaderboard().size(); i++) {
            assertTrue(result.leaderboard().get(i - 1).score() >= result.leaderboard().get(i).score());
        }
        assertEquals(result.leaderboard().get(0).score(), result.summary().validation().get("auc"), 1e-12);
        assertEquals(4, result.summary().trials());
    }
}
