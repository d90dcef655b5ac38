package org.automlwb.engine.python;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.automlwb.common.CancelToken;
import org.automlwb.data.CsvLoader;
import org.automlwb.data.LoadedData;
import org.automlwb.engine.ModelFormat;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.run.AutoMLRun;
import org.automlwb.engine.run.Journal;
import org.automlwb.engine.run.PreparedRun;
import org.automlwb.engine.run.RunEvent;
import org.automlwb.engine.run.RunResult;
import org.automlwb.engine.run.RunSpec;
import org.automlwb.engine.run.RunSummary;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.ValidationPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python engine end to end with a real interpreter: the same folds as the Tribuo engine, models scored with
 * the product's metric code, the final model's test predictions, and cancellation and a crashed child leaving no
 * process behind. Bounded by model count, never by time. Skipped only where no Python with scikit-learn exists
 * (CI installs python3-sklearn, so there they run).
 */
class PythonSearchTest {
    @TempDir
    static Path dir;
    static PythonRuntime python;
    static LoadedData train;
    static LoadedData test;

    @BeforeAll
    static void data() throws Exception {
        PythonLocator.Lookup found = PythonLocator.find();
        assumeTrue(found.found(), "no Python with scikit-learn here (" + found.problem() + ")");
        python = found.runtime();
        train = CsvLoader.load(write("train.csv", 240, 1));
        test = CsvLoader.load(write("test.csv", 60, 2));
    }

    /** Two numbers (one with blanks), a category, and a label that depends on all three. */
    static Path write(String name, int rows, long seed) throws Exception {
        Random rng = new Random(seed);
        StringBuilder sb = new StringBuilder("x1,x2,colour,label\n");
        String[] colours = {"red", "green", "blue"};
        for (int i = 0; i < rows; i++) {
            double x1 = rng.nextGaussian();
            double x2 = rng.nextGaussian();
            int c = rng.nextInt(3);
            boolean yes = x1 + 0.5 * x2 + (c == 2 ? 1 : 0) + 0.4 * rng.nextGaussian() > 0.3;
            sb.append(String.format(Locale.ROOT, "%.4f,%s,%s,%s%n", x1, i % 17 == 0 ? "" : String.format(
                    Locale.ROOT, "%.4f", x2), colours[c], yes ? "yes" : "no"));
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }

    static RunSpec spec(int maxTrials) {
        return RunSpec.defaults("label").toBuilder().budget(null).maxTrials(maxTrials).threads(1).seed(7)
                .ensemble(false).build();
    }

    @Test
    void modelsAreScoredOnTheTribuoEnginesFoldsAndTheFinalModelIsTheBest() throws Exception {
        PreparedRun p = AutoMLRun.prepare(train.table(), test.table(), spec(3), null);
        List<RunEvent> events = Collections.synchronizedList(new ArrayList<>());
        // trial ids after those another engine of the run used
        RunResult r = PythonSearch.run(p, PythonEngineKind.SKLEARN, python, null, 11, CancelToken.none(),
                List.of(events::add));

        assertEquals(RunSummary.Outcome.MAX_TRIALS, r.summary().outcome(), r.summary().message());
        assertEquals(3, r.leaderboard().size());
        assertEquals(List.of(11, 12, 13), r.leaderboard().stream().map(t -> t.spec().trialId()).sorted().toList());
        // the same plan the Tribuo engine makes from the same targets and seed
        ValidationPlan tribuo = AutoMLRun.prepare(train.table(), test.table(), spec(3), null).folds().plan();
        assertEquals(tribuo.folds().size(), r.plan().folds().size());
        for (int f = 0; f < tribuo.folds().size(); f++) {
            assertArrayEquals(tribuo.folds().get(f).validation(), r.plan().folds().get(f).validation());
        }
        TrialResult best = r.leaderboard().get(0);
        assertTrue(best.ok());
        assertTrue(best.spec().algorithm().startsWith("sklearn."), best.spec().algorithm());
        assertTrue(best.score() > 0.7, "the label is learnable: AUC " + best.score());
        assertEquals(r.summary().leader().spec().trialId(), best.spec().trialId(), "the best model is refit");
        assertEquals(train.table().rowCount(), r.validationPredictions().size());
        assertEquals(3, events.stream().filter(e -> e instanceof RunEvent.TrialFinished).count());
        // each model is announced as it starts, before it finishes: the live view shows it running
        for (int id = 11; id <= 13; id++) {
            int started = indexOf(events, RunEvent.TrialStarted.class, id);
            assertTrue(started >= 0 && started < indexOf(events, RunEvent.TrialFinished.class, id), "trial " + id);
        }
        assertTrue(events.get(events.size() - 1) instanceof RunEvent.RunFinished);

        SingleModel model = r.model().members().get(0).model();
        assertEquals(ModelFormat.SKLEARN, model.model().format());
        // predicting through a fresh interpreter gives what the run's own refit model predicted
        Predictions again = r.model().predict(test.table());
        assertNotNull(r.testPredictions());
        for (int i = 0; i < again.size(); i++) {
            assertArrayEquals(r.testPredictions().probabilities()[i], again.probabilities()[i], 1e-12);
        }
        assertTrue(r.summary().test().containsKey("auc"));
        ((SklearnModel) model.model()).close();
    }

    @Test
    void aHoldoutRegressionTrainsOnItsTrainingRowsOnly() throws Exception {
        RunSpec spec = RunSpec.defaults("x1").toBuilder().budget(null).maxTrials(2).threads(1).seed(3)
                .holdoutAbove(100).ensemble(false).build();
        PreparedRun p = AutoMLRun.prepare(train.table(), null, spec, null);
        assertEquals(ValidationPlan.Kind.HOLDOUT, p.folds().plan().kind());
        RunResult r = PythonSearch.run(p, PythonEngineKind.SKLEARN, python, null, 1, CancelToken.none(), List.of());
        assertNotNull(r.model(), r.summary().message());
        assertEquals(p.folds().plan().folds().get(0).validation().length, r.validationPredictions().size());
        assertTrue(r.summary().validation().containsKey("rmse"));
    }

    @Test
    void aCancelledRunStopsThePythonProcessAndEverythingItStarted() throws Exception {
        PreparedRun p = AutoMLRun.prepare(train.table(), null, spec(10_000), null);
        CancelToken cancel = new CancelToken();
        RunResult r = PythonSearch.run(p, PythonEngineKind.SKLEARN, python, null, 1, cancel, List.of(e -> {
            if (e instanceof RunEvent.TrialFinished) cancel.cancel();
        }));
        assertEquals(RunSummary.Outcome.CANCELLED, r.summary().outcome());
        assertNull(r.model());
        assertTrue(r.leaderboard().size() >= 1, "the models that finished are kept");
        assertEquals(List.of(), searches(), "no search process is left running");
    }

    @Test
    void aCrashedPythonKeepsTheModelsThatFinished() throws Exception {
        PreparedRun p = AutoMLRun.prepare(train.table(), null, spec(10_000), null);
        Path journalFile = dir.resolve("crash-trials.jsonl");
        RunResult r;
        try (Journal journal = Journal.open(journalFile)) {
            r = PythonSearch.run(p, PythonEngineKind.SKLEARN, python, journal, 1, CancelToken.none(), List.of(e -> {
                // the child dies as a crash would (SIGKILL, no last words) after its second model
                if (e instanceof RunEvent.TrialFinished f && f.result().spec().trialId() == 2) {
                    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
                }
            }));
        }
        assertEquals(RunSummary.Outcome.FAILED, r.summary().outcome());
        assertTrue(r.summary().message().contains("failed"), r.summary().message());
        assertTrue(r.leaderboard().size() >= 2);
        assertTrue(Journal.read(journalFile).size() >= 2, "finished models are in the journal");
        assertEquals(List.of(), searches());
    }

    @Test
    void autoSklearnIsOfferedOnlyWhereItImports() {
        String why = PythonLocator.find().whyNot(PythonEngineKind.AUTO_SKLEARN);
        if (python.autoSklearn() == null) {
            assertNotNull(why);
            assertTrue(why.contains("pip install auto-sklearn"), why);
        } else {
            assertNull(why);
        }
    }

    @Test
    void noUsablePythonSaysWhatToInstall() {
        PythonLocator.Lookup none = PythonLocator.search(List.of(dir.resolve("no-such-python").toString()));
        assertTrue(!none.found());
        assertTrue(none.problem().contains("python3-sklearn"), none.problem());
        assertTrue(none.whyNot(PythonEngineKind.SKLEARN).contains("-Dautomlwb.python"), none.problem());
    }

    @Test
    void protocolLinesParse() {
        EngineMessage m = EngineMessage.parse("{\"event\": \"model\", \"model_id\": 4, \"algorithm\": \"ridge\","
                + " \"hyperparameters\": {\"alpha\": 0.5, \"n\": 3}, \"status\": \"ok\", \"score\": 1.5,"
                + " \"fit_seconds\": 0.2, \"oof\": \"oof_4.f64\"}");
        EngineMessage.ModelFinished f = (EngineMessage.ModelFinished) m;
        assertEquals(4, f.modelId());
        assertEquals(Map.of("alpha", 0.5, "n", 3), f.hyperparameters());
        assertTrue(f.ok());
        assertEquals(new EngineMessage.Error("unavailable", "x"),
                EngineMessage.parse("{\"event\":\"error\",\"kind\":\"unavailable\",\"message\":\"x\"}"));
        assertThrowsIllegal("Warning: something printed by a library");
        assertThrowsIllegal("{\"event\": \"unheard_of\"}");
    }

    /** This JVM's live Python search processes (other tests' prediction workers may be up: they are not). */
    private static List<String> searches() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .map(h -> h.info().commandLine().orElse("pid " + h.pid()))
                .filter(c -> !c.contains("automl_engine.py serve")).toList();
    }

    private static int indexOf(List<RunEvent> events, Class<? extends RunEvent> type, int trialId) {
        for (int i = 0; i < events.size(); i++) {
            RunEvent e = events.get(i);
            if (e instanceof RunEvent.TrialStarted s && type.isInstance(e) && s.spec().trialId() == trialId) return i;
            if (e instanceof RunEvent.TrialFinished f && type.isInstance(e) && f.result().spec().trialId() == trialId) {
                return i;
            }
        }
        return -1;
    }

    private static void assertThrowsIllegal(String line) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> EngineMessage.parse(line));
    }
}
