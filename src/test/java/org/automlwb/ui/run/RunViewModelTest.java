package org.automlwb.ui.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.engine.Metric;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunListener;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.export.ExperimentFolder;
import org.automlwb.experiment.ExperimentOutcome;
import org.automlwb.ui.FakeDialogService;
import org.automlwb.ui.QueuedTaskExecutor;
import org.automlwb.ui.TestData;
import org.automlwb.ui.session.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RunViewModelTest {
    private final QueuedTaskExecutor executor = new QueuedTaskExecutor();
    private final FakeDialogService dialogs = new FakeDialogService();
    private final Session session = new Session();
    private final AtomicLong clock = new AtomicLong();
    private final AtomicReference<RunListener> listener = new AtomicReference<>();
    private final AtomicReference<CancelToken> token = new AtomicReference<>();
    private ScriptedRun script = (l, c) -> outcome(RunSummary.Outcome.BUDGET_USED, List.of());
    private RunViewModel vm;

    /** What the fake engine does when the queued run job executes. */
    interface ScriptedRun {
        ExperimentOutcome run(RunListener l, CancelToken c) throws BadInputException;
    }

    @BeforeEach
    void setUp() {
        session.settingsProperty().set(RunSpec.defaults("").withBudget(Duration.ofSeconds(10)).withMetric(Metric.ACCURACY));
        vm = new RunViewModel(executor, dialogs, session, (train, spec, recipe, root, cancel, l) -> {
            listener.set(l);
            token.set(cancel);
            return script.run(l, cancel);
        }, clock::get);
    }

    private void chooseTarget() {
        session.dataProperty().set(TestData.small(Path.of("small.csv")));
        session.targetProperty().set("city");
    }

    @Test
    void theRunOnChoiceDecidesWhichLauncherStartsTheRun() {
        List<String> used = new java.util.ArrayList<>();
        RunViewModel two = new RunViewModel(executor, dialogs, session, (train, spec, recipe, root, cancel, l) -> {
            used.add("this computer");
            return outcome(RunSummary.Outcome.BUDGET_USED, List.of());
        }, (train, spec, recipe, root, cancel, l) -> {
            used.add("spark");
            l.onEvent(new RunEvent.TrialFinished(1, Trials.ok(1, "cart", 0.6))); // as SparkSubmitRun relays them
            return outcome(RunSummary.Outcome.BUDGET_USED, List.of(Trials.ok(1, "cart", 0.6)));
        }, clock::get);
        chooseTarget();
        assertEquals(RunOn.THIS_COMPUTER, two.runOnProperty().get(), "runs stay here unless asked");
        two.start();
        executor.runNext();
        two.runOnProperty().set(RunOn.SPARK_CLUSTER);
        two.start();
        assertEquals("starting spark-submit", two.stageProperty().get());
        executor.runNext();
        assertEquals(List.of("this computer", "spark"), used);
        assertEquals(RunPhase.FINISHED, two.getPhase());
        assertEquals(1, two.rows().size(), "the cluster's trials fill the same leaderboard");
    }

    @Test
    void withoutATargetNothingStarts() {
        assertTrue(vm.needsTargetBinding().get());
        vm.start();
        assertEquals(RunPhase.IDLE, vm.getPhase());
        assertEquals(0, executor.pending());
        chooseTarget();
        assertFalse(vm.needsTargetBinding().get());
    }

    @Test
    void stopCancelsTheEngineAndTheRunEndsStoppedWithItsOutcomeInTheSession() {
        chooseTarget();
        script = (l, c) -> {
            l.onEvent(new RunEvent.TrialFinished(1, Trials.ok(1, "cart", 0.6)));
            return outcome(c.isCancelled() ? RunSummary.Outcome.CANCELLED : RunSummary.Outcome.BUDGET_USED,
                    List.of(Trials.ok(1, "cart", 0.6)));
        };
        vm.start();
        assertEquals(RunPhase.RUNNING, vm.getPhase());
        assertFalse(vm.getPhase().canStart(), "no second run while one goes");
        clock.set(2_000_000_000L);
        vm.drain();
        assertTrue(vm.remainingProperty().get().endsWith(" left"), vm.remainingProperty().get());
        vm.stop();
        assertEquals(RunPhase.STOPPING, vm.getPhase());
        assertFalse(vm.getPhase().canStop());
        clock.set(3_000_000_000L);
        vm.drain();
        assertEquals(RunViewModel.STOPPING_REMAINING, vm.remainingProperty().get(),
                "no count-down of the budget while stopping");
        clock.set(7_000_000_000L); // the engine reports 3 s of its own; the window counted 7
        executor.runNext();
        assertEquals("7 s in all", vm.elapsedProperty().get(), "the clock the elapsed figure counted on");
        assertEquals(7.0, vm.bestSteps().get(vm.bestSteps().size() - 1).seconds(), 1e-9,
                "the best-score line ends where the run did, on the same clock");
        assertTrue(token.get().isCancelled());
        assertEquals(RunPhase.STOPPED, vm.getPhase());
        assertNotNull(session.lastOutcomeProperty().get());
        assertEquals(1, vm.rows().size(), "the final drain applied the last events");
        assertTrue(vm.getPhase().canStart());

        vm.forgetEnded(); // another data set was opened
        assertEquals(RunPhase.IDLE, vm.getPhase());
        assertTrue(vm.rows().isEmpty() && vm.bestSteps().isEmpty() && vm.trialPoints().isEmpty(),
                "no leaderboard or chart of the previous file's run");
        assertEquals("", vm.elapsedProperty().get());
    }

    @Test
    void eventsApplyOnlyWhenDrainedAndBuildLeaderboardChartsAndProgress() {
        chooseTarget();
        vm.start();
        assertEquals("city", session.runSpec().target());
        // The engine would call the listener from its threads; here the job has not run, so call it directly.
        RunListener[] l = new RunListener[1];
        executorListener(l);
        double[] scores = {0.5, 0.7, 0.6, 0.8};
        for (int i = 0; i < scores.length; i++) {
            l[0].onEvent(new RunEvent.TrialFinished(i + 1, Trials.ok(i + 1, i % 2 == 0 ? "cart" : "logistic", scores[i])));
        }
        l[0].onEvent(new RunEvent.TrialFinished(5, Trials.failed(5, "knn", "boom")));
        assertTrue(vm.rows().isEmpty(), "nothing applied before a drain");

        clock.set(5_000_000_000L);
        vm.drain();
        assertEquals(List.of(4, 2, 3, 1, 5), vm.rows().stream().map(LeaderRow::trialId).toList());
        assertEquals(List.of(0.5, 0.5, 0.7, 0.7, 0.8, 0.8), vm.bestSteps().stream().map(ScorePoint::score).toList());
        assertEquals(List.of(1.0, 2.0, 2.0, 4.0, 4.0, 5.0), vm.bestSteps().stream().map(ScorePoint::seconds).toList(),
                "the line runs on to now");
        assertEquals(4, vm.trialPoints().size());
        assertEquals(List.of("cart", "logistic"), vm.spreads().stream().map(AlgorithmSpread::algorithm).toList());
        assertEquals(new AlgorithmSpread("cart", 2, 0.5, 0.55, 0.6), vm.spreads().get(0));
        assertEquals(0.5, vm.progressProperty().get(), 1e-9);
        assertEquals("5 s elapsed", vm.elapsedProperty().get());
        assertEquals("5 s left", vm.remainingProperty().get());
        assertEquals("5 trials done", vm.trialsProperty().get());
        assertEquals(5, vm.log().size());
    }

    @Test
    void theEnsembleAnnouncedAsTheNewBestJoinsTheLeaderboard() {
        chooseTarget();
        vm.start();
        RunListener l = vm.events();
        l.onEvent(new RunEvent.TrialFinished(1, Trials.ok(1, "cart", 0.6)));
        l.onEvent(new RunEvent.BestChanged(1, Trials.ok(1, "cart", 0.6)));
        l.onEvent(new RunEvent.TrialFinished(2, Trials.ok(2, "logistic", 0.7)));
        l.onEvent(new RunEvent.BestChanged(2, Trials.ok(2, "logistic", 0.7)));
        clock.set(3_000_000_000L);
        vm.drain();
        assertEquals(List.of(2, 1), vm.rows().stream().map(LeaderRow::trialId).toList(), "each trial listed once");
        l.onEvent(new RunEvent.BestChanged(3, Trials.ok(3, "ensemble", 0.75)));
        clock.set(4_000_000_000L);
        vm.drain();
        assertEquals(List.of(3, 2, 1), vm.rows().stream().map(LeaderRow::trialId).toList(), "the ensemble on top");
        assertEquals("ensemble", vm.rows().get(0).algorithm());
    }

    @Test
    void chartsCatchUpAtMostOnceASecondWhileTheLeaderboardFollowsEveryDrain() {
        chooseTarget();
        vm.start();
        RunListener l = vm.events();
        l.onEvent(new RunEvent.TrialFinished(0.05, Trials.ok(1, "cart", 0.5)));
        clock.set(100_000_000L);
        vm.drain();
        assertEquals(1, vm.trialPoints().size(), "the first drain draws at once");
        l.onEvent(new RunEvent.TrialFinished(0.5, Trials.ok(2, "cart", 0.9)));
        clock.set(600_000_000L);
        vm.drain();
        assertEquals(2, vm.rows().size());
        assertEquals(1, vm.trialPoints().size(), "half a second later the charts wait");
        assertEquals(1, vm.spreads().get(0).trials());
        clock.set(1_100_000_000L);
        vm.drain();
        assertEquals(2, vm.trialPoints().size());
        assertEquals(4, vm.bestSteps().size(), "two steps and the line on to now");
        assertEquals(2, vm.spreads().get(0).trials());
    }

    @Test
    void badInputGoesToAnErrorDialogInPlainWords() {
        chooseTarget();
        script = (l, c) -> {
            throw new BadInputException("target column 'city' has only one value", null, 0, "city",
                    "choose another target");
        };
        vm.start();
        executor.runNext();
        assertEquals(RunPhase.FAILED, vm.getPhase());
        assertEquals(1, dialogs.errors.size());
        assertEquals("Column 'city': Target column 'city' has only one value.", dialogs.errors.get(0).message());
        assertEquals("Choose another target.", dialogs.errors.get(0).hint());
    }

    @Test
    void theScatterIsThinnedEvenlyAboveItsLimit() {
        chooseTarget();
        vm.start();
        RunListener[] l = new RunListener[1];
        executorListener(l);
        for (int i = 1; i <= 5000; i++) l[0].onEvent(new RunEvent.TrialFinished(i, Trials.ok(i, "cart", i)));
        vm.drain();
        assertEquals(5000, vm.rows().size());
        assertTrue(vm.trialPoints().size() < RunViewModel.MAX_CHART_POINTS, "" + vm.trialPoints().size());
        assertTrue(vm.trialPoints().size() > RunViewModel.MAX_CHART_POINTS / 4);
        assertEquals(5000.0, vm.rows().get(0).score());
    }

    /** The listener the engine of the queued (not yet run) job reports to. */
    private void executorListener(RunListener[] out) {
        out[0] = vm.events();
    }

    static ExperimentOutcome outcome(RunSummary.Outcome how, List<TrialResult> board) {
        TrialResult leader = board.isEmpty() ? null : board.get(0);
        RunSummary s = new RunSummary(how, TaskType.BINARY, Metric.ACCURACY, board.size(), leader,
                Map.of("accuracy", 0.6), Map.of(), 3.0, "stopped by the user");
        RunResult r = new RunResult(s, board, null, Map.of(), null, null, null, null, null, null, null);
        return new ExperimentOutcome(new ExperimentFolder("x", Path.of("models", "x")), r);
    }
}
