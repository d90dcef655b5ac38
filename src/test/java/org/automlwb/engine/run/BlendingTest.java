package org.automlwb.engine.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.automlwb.engine.Metric;
import org.automlwb.engine.Metrics;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.model.ModelBundle;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.trial.TrialResult;
import org.automlwb.engine.trial.TrialSpec;
import org.automlwb.engine.trial.TrialStatus;
import org.junit.jupiter.api.Test;

/** Choosing between the best single model, a Caruana ensemble and a stack, each scored out of fold. */
class BlendingTest {
    private static final int N = 1200;

    /** Members that each see a different half of the signal: together they beat any one of them. */
    private static List<TrialResult> complementary(Targets t, Random rng, double[][] signal) {
        List<TrialResult> out = new ArrayList<>();
        for (int m = 0; m < signal.length; m++) {
            double[][] p = new double[N][];
            for (int i = 0; i < N; i++) {
                double z = signal[m][i] + 0.8 * rng.nextGaussian();
                double yes = 1 / (1 + Math.exp(-z));
                p[i] = new double[] {1 - yes, yes};
            }
            Predictions oof = Predictions.ofProbabilities(p);
            double auc = Metric.AUC.compute(t, oof);
            out.add(new TrialResult(new TrialSpec(m + 1, "algo" + m, Config.empty(), m, "portfolio"), TrialStatus.OK,
                    auc, Metrics.all(TaskType.BINARY, t, oof), 1, null, oof, 2));
        }
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    @Test
    void complementaryModelsAreBlendedAndEveryBlendIsListedWithItsCrossFittedScore() {
        Random rng = new Random(5);
        int[] y = new int[N];
        double[][] signal = new double[3][N];
        for (int i = 0; i < N; i++) {
            double a = rng.nextGaussian();
            double b = rng.nextGaussian();
            double c = rng.nextGaussian();
            y[i] = a + b + c > 0 ? 1 : 0;
            signal[0][i] = 2 * a;
            signal[1][i] = 2 * b;
            signal[2][i] = 2 * c;
        }
        Targets t = Targets.classes(y, List.of("no", "yes"));
        List<TrialResult> trials = complementary(t, rng, signal);
        List<Blending.Blend> blends = Blending.rank(trials, trials.get(0), t, TaskType.BINARY, Metric.AUC, 42, true,
                10, inAMinute());
        assertEquals(3, blends.size(), "single, ensemble and stack");
        Blending.Blend first = blends.get(0);
        assertTrue(first.kind() != ModelBundle.Kind.SINGLE, "a blend of complementary models wins: " + first.kind());
        assertTrue(first.score() > trials.get(0).score() + 0.03, first.score() + " vs " + trials.get(0).score());
        for (Blending.Blend b : blends) {
            assertEquals(b.score(), Metric.AUC.compute(t, b.predictions()), 1e-12, "score of its own predictions");
            assertNotNull(b.entry());
            if (b.kind() != ModelBundle.Kind.SINGLE) {
                assertTrue(Blending.isBlend(b.entry()));
                assertTrue(b.entry().spec().trialId() >= 10, "new leaderboard ids");
                assertEquals(b.members().size(), b.entry().spec().config().values().keySet().stream()
                        .filter(k -> k.startsWith("trial_")).count(), "the entry names its members");
            }
        }
    }

    @Test
    void withEnsemblesOffOnlyTheSingleModelIsOffered() {
        Random rng = new Random(6);
        int[] y = new int[N];
        double[][] signal = new double[2][N];
        for (int i = 0; i < N; i++) {
            double a = rng.nextGaussian();
            y[i] = a > 0 ? 1 : 0;
            signal[0][i] = 3 * a;
            signal[1][i] = 2 * a;
        }
        Targets t = Targets.classes(y, List.of("no", "yes"));
        List<TrialResult> trials = complementary(t, rng, signal);
        List<Blending.Blend> blends = Blending.rank(trials, trials.get(0), t, TaskType.BINARY, Metric.LOGLOSS, 1,
                false, 3, inAMinute());
        assertEquals(1, blends.size());
        assertEquals(ModelBundle.Kind.SINGLE, blends.get(0).kind());
    }

    @Test
    void overconfidentProbabilitiesAreCalibratedForLogLoss() {
        Random rng = new Random(7);
        int[] y = new int[N];
        double[][] p = new double[N][];
        for (int i = 0; i < N; i++) {
            double z = rng.nextGaussian();
            double yes = 1 / (1 + Math.exp(-z));
            y[i] = rng.nextDouble() < yes ? 1 : 0;
            double sharp = 1 / (1 + Math.exp(-4 * z)); // four times too sure
            p[i] = new double[] {1 - sharp, sharp};
        }
        Targets t = Targets.classes(y, List.of("no", "yes"));
        Predictions oof = Predictions.ofProbabilities(p);
        double loss = Metric.LOGLOSS.compute(t, oof);
        TrialResult trial = new TrialResult(new TrialSpec(1, "xgboost", Config.empty(), 1, "portfolio"),
                TrialStatus.OK, loss, Metrics.all(TaskType.BINARY, t, oof), 1, null, oof, 2);
        Blending.Blend single = Blending.rank(List.of(trial), trial, t, TaskType.BINARY, Metric.LOGLOSS, 1, true, 2,
                inAMinute()).get(0);
        assertEquals(ModelBundle.Kind.SINGLE, single.kind());
        assertTrue(single.calibration().kind() != org.automlwb.engine.ensemble.Calibration.Kind.IDENTITY);
        assertTrue(single.score() < loss - 0.02, single.score() + " vs " + loss);
    }

    private static long inAMinute() { return System.nanoTime() + 60_000_000_000L; }

    @Test
    void noTimeLeftMeansTheBestSingleModelAlone() {
        Random rng = new Random(3);
        int[] y = new int[N];
        double[][] signal = new double[3][N];
        for (int i = 0; i < N; i++) {
            y[i] = rng.nextBoolean() ? 1 : 0;
            for (int m = 0; m < 3; m++) signal[m][i] = y[i] == 1 ? 1 : -1;
        }
        Targets t = Targets.classes(y, List.of("no", "yes"));
        List<TrialResult> trials = complementary(t, rng, signal);
        List<Blending.Blend> blends = Blending.rank(trials, trials.get(0), t, TaskType.BINARY, Metric.AUC, 42, true,
                10, System.nanoTime());
        assertEquals(1, blends.size());
        assertEquals(ModelBundle.Kind.SINGLE, blends.get(0).kind());
    }

    @Test
    void theBestOfManyNoisyModelsIsRankedByAnHonestScoreNotItsLuckyOne() {
        Random rng = new Random(11);
        int[] y = new int[N];
        for (int i = 0; i < N; i++) y[i] = rng.nextBoolean() ? 1 : 0;
        Targets t = Targets.classes(y, List.of("no", "yes"));
        // Thirty models that know nothing: the best of them scores above 0.5 only by luck.
        double[][] signal = new double[30][N];
        List<TrialResult> trials = complementary(t, rng, signal);
        List<Blending.Blend> blends = Blending.rank(trials, trials.get(0), t, TaskType.BINARY, Metric.AUC, 42, true,
                40, inAMinute());
        Blending.Blend single = blends.stream().filter(b -> b.kind() == ModelBundle.Kind.SINGLE).findFirst()
                .orElseThrow();
        assertTrue(single.score() > 0.52, "the luckiest model looks good on its own rows: " + single.score());
        assertTrue(single.rankScore() < single.score() - 0.01,
                "chosen on other rows, its score falls back: " + single.rankScore());
    }
}
