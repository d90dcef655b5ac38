package org.automlwb.engine.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.automlwb.common.CancelToken;
import org.automlwb.data.CsvLoader;
import org.automlwb.engine.search.AshaPruner;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.Pruner;
import org.automlwb.engine.trial.TrialReport;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.automlwb.engine.trial.TrialTask;
import org.automlwb.engine.trial.TrialRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A trial is plain data: its task and the run's context survive Java serialisation (what Spark does to them), and a
 * worker that rebuilds the fold data from the context scores a trial exactly as the driver does on its own folds.
 */
class TrialWorkTest {
    private static PreparedRun run;
    private static TrialRunner.Settings limits;

    @BeforeAll
    static void prepare() throws Exception {
        RunSpec spec = RunSpec.defaults("survived").toBuilder().budget(null).maxTrials(2).threads(1).build();
        run = AutoMLRun.prepare(CsvLoader.load(Path.of("sample-data/titanic-survival.csv")).table(), null, spec, null);
        limits = new TrialRunner.Settings(Duration.ofMinutes(2), 1);
    }

    @SuppressWarnings("unchecked")
    private static <T> T shipped(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    private static TrialTask task(String runId, String algorithm, Config config) {
        TrialSpec spec = new TrialSpec(7, algorithm, config, 1234L, "tpe");
        return TrialTask.of(runId, spec, System.nanoTime() + Duration.ofMinutes(2).toNanos(), 1);
    }

    @Test
    void aTrialSentWithItsContextScoresExactlyAsOnTheDriver() throws Exception {
        TrialTask task = task("run-a", "xgboost", Config.of("n_estimators", 40, "max_depth", 3));
        TrialReport here = TrialWork.local(new TrialRunner(run.folds(), run.metric(), limits), run::algorithm)
                .run(task, Pruner.none(), CancelToken.none(), TrialReport.LOCAL);

        RunContext context = shipped(RunContext.of("run-a", run, limits));
        TrialReport there = shipped(TrialWork.runSent(context, shipped(task), shipped(new AshaPruner().snapshot()),
                CancelToken.none(), "executor 1 @ 127.0.0.1"));

        assertEquals(TrialStatus.OK, here.result().status(), here.result().error());
        assertEquals(TrialStatus.OK, there.result().status(), there.result().error());
        assertEquals(here.result().score(), there.result().score(), 0.0);
        assertArrayEquals(here.result().oof().probabilities()[0], there.result().oof().probabilities()[0], 0.0);
        assertEquals(here.result().oof().size(), there.result().oof().size());
        assertEquals("executor 1 @ 127.0.0.1", there.executor());
        // Five folds: rung 0 on fold 0, rung 1 on every fold; both reported back for the driver's pruner.
        assertEquals(List.of(0, 1), there.rungLosses().stream().map(TrialReport.RungLoss::rung).toList());
        assertEquals(here.rungLosses(), there.rungLosses());
    }

    @Test
    void aPrunerSnapshotDecidesAsTheOriginalWouldHave() throws Exception {
        AshaPruner driver = new AshaPruner();
        for (int id = 1; id <= 6; id++) driver.report(id, 0, id); // losses 1..6 at rung 0
        Pruner copy = shipped(driver.snapshot());
        assertFalse(copy.report(7, 0, 10.0), "a loss worse than two thirds of the earlier ones is pruned");
        assertTrue(copy.report(8, 0, 0.5));
        assertEquals(6, driver.recorded(0), "the copy's reports do not reach the driver's pruner");
    }

    @Test
    void damagedRowsAreRefusedWithOneLineInsteadOfTrainedOn() throws Exception {
        RunContext good = RunContext.of("run-damaged", run, limits);
        byte[] rows = good.rows().clone();
        rows[rows.length / 2] ^= 0x5A;
        RunContext damaged = new RunContext(good.runId(), rows, good.sha256(), good.target(), good.task(),
                good.targets(), good.recipeJson(), good.plan(), good.metric(), good.trialCapMillis(), good.threads());
        TrialReport report = TrialWork.runSent(damaged, task("run-damaged", "liblinear", Config.empty()),
                Pruner.none(), CancelToken.none(), "e1");
        assertEquals(TrialStatus.FAILED, report.result().status());
        assertTrue(report.result().error().contains("arrived damaged"), report.result().error());
    }

    @Test
    void aWallClockDeadlineMeansTheSameMomentOnTheNanoClock() {
        long in30s = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        TrialTask t = TrialTask.of("r", new TrialSpec(1, "liblinear", Config.empty(), 1, "tpe"), in30s, 1);
        assertEquals(in30s, t.deadlineNanos(), Duration.ofMillis(50).toNanos());
        TrialTask unbounded = TrialTask.of("r", t.spec(), Long.MAX_VALUE, 1);
        assertTrue(unbounded.deadlineEpochMillis() - System.currentTimeMillis() <= Duration.ofDays(1).toMillis());
    }
}
