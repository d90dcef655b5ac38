package org.automlwb.engine.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.Prediction;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.regression.Regressor;

/**
 * Every algorithm, for every task it supports, trained from each portfolio configuration and from a few
 * configurations drawn from its declared space: it must train, give probabilities (classification), beat the
 * constant baseline on an easy signal, and give identical predictions after a protobuf round trip.
 */
class AlgorithmTrainingTest {
    private static final int TRAIN_ROWS = 300;
    private static final int TEST_ROWS = 200;
    private static final int SAMPLES_PER_SPACE = 3;
    private static final long SEED = 42L;
    /** Tree counts are capped (and one thread used) so the suite stays fast on a shared two-core machine. */
    private static final int MAX_TREES = 100;

    private static final Map<Variant, Data> DATA = new HashMap<>();
    private static Path dir;

    /** Which data an algorithm sees: the task, and whether features and target are standardised. */
    private record Variant(TaskType task, boolean scaled, boolean scaledTarget) {
        static Variant of(Algorithm algorithm, TaskType task) {
            return new Variant(task, algorithm.encoding() == FeatureEncoding.ONE_HOT_SCALED,
                    algorithm.needsTargetScaling() && !task.isClassification());
        }
    }

    /** Train and test rows, and the constant baseline's score on them. */
    private record Data(MutableDataset<?> train, MutableDataset<?> test, double baseline) {
        static Data of(Variant v) {
            MutableDataset<?> train = SyntheticData.generate(v.task(), TRAIN_ROWS, v.scaled(), v.scaledTarget(), SEED);
            MutableDataset<?> test = SyntheticData.generate(v.task(), TEST_ROWS, v.scaled(), v.scaledTarget(),
                    SEED + 1);
            Model<?> baseline = AlgorithmTrainingTest.train(
                    new ConstantBaseline().trainer(v.task(), Config.empty(), SEED, 1), train);
            return new Data(train, test, score(v.task(), baseline, test));
        }
    }

    // Tribuo logs every bagged member at INFO through java.util.logging; held here so the level sticks.
    private static final java.util.logging.Logger TRIBUO_LOG = java.util.logging.Logger.getLogger("org.tribuo");

    @BeforeAll
    static void setUp() throws IOException {
        TRIBUO_LOG.setLevel(java.util.logging.Level.WARNING);
        dir = Files.createTempDirectory("algos-test");
    }

    @AfterAll
    static void tearDown() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }

    @TestFactory
    Stream<DynamicTest> everyConfigurationTrainsAndRoundTrips() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Algorithm algorithm : AlgorithmCatalogue.all()) {
            // Tribuo's trainers only: LightGBM trains through its own learner (LightGbmAlgorithmTest).
            if (!(algorithm instanceof TribuoAlgorithm)) continue;
            for (TaskType task : TaskType.values()) {
                if (!algorithm.supports(task)) continue;
                DataShape shape = new DataShape(task, TRAIN_ROWS, SyntheticData.FEATURES,
                        SyntheticData.classes(task), true);
                List<Config> configs = new ArrayList<>(algorithm.portfolio(task, shape));
                SpaceSampler sampler = new SpaceSampler(SEED + algorithm.id().hashCode() + task.ordinal());
                for (int i = 0; i < SAMPLES_PER_SPACE && !algorithm.space(task).params().isEmpty(); i++) {
                    configs.add(sampler.sample(algorithm.space(task)));
                }
                for (Config declared : configs) {
                    Config config = capTrees(declared);
                    String name = algorithm.id() + " " + task.key() + " {" + config + "}";
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        try {
                            check(algorithm, task, config);
                        } catch (AssertionError e) {
                            // Surefire's report numbers dynamic tests; name the case in the message.
                            throw new AssertionError(name + ": " + e.getMessage(), e);
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    private static void check(Algorithm algorithm, TaskType task, Config config) throws IOException {
        Data data;
        synchronized (DATA) {
            data = DATA.computeIfAbsent(Variant.of(algorithm, task), Data::of);
        }
        int threads = algorithm.threadsPerFit(config, 1);
        Model<?> model = train(((TribuoAlgorithm) algorithm).trainer(task, config, SEED, threads), data.train());

        if (task.isClassification()) {
            assertTrue(model.generatesProbabilities(), "model must generate probabilities");
            assertProbabilities(model, data.test());
        }
        if (algorithm instanceof ConstantBaseline) return; // nothing to beat; see ConstantBaselineTest
        double score = score(task, model, data.test());
        double baseline = data.baseline();
        if (task.isClassification()) {
            assertTrue(score > baseline + 0.05, "accuracy " + score + " must beat the baseline's " + baseline);
        } else {
            assertTrue(score < 0.95 * baseline, "RMSE " + score + " must beat the baseline's " + baseline);
        }

        Path file = dir.resolve(algorithm.id() + "-" + task.key() + "-" + config.hashCode() + ".tribuo");
        model.serializeToFile(file);
        Model<?> loaded = Model.deserializeFromFile(file);
        assertEquals(model.generatesProbabilities(), loaded.generatesProbabilities());
        assertSamePredictions(predict(model, data.test()), predict(loaded, data.test()));
    }

    private static Config capTrees(Config config) {
        Object trees = config.values().get("trees");
        return trees instanceof Integer n && n > MAX_TREES ? config.with("trees", MAX_TREES) : config;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Model<?> train(Trainer<? extends Output<?>> trainer, MutableDataset<?> train) {
        return ((Trainer) trainer).train(train);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Prediction<?>> predict(Model<?> model, MutableDataset<?> test) {
        return (List) ((Model) model).predict((MutableDataset) test);
    }

    /** Accuracy for classification, RMSE for regression. */
    private static double score(TaskType task, Model<?> model, MutableDataset<?> test) {
        List<Prediction<?>> predictions = predict(model, test);
        double sum = 0;
        for (Prediction<?> p : predictions) {
            if (task.isClassification()) {
                Label truth = (Label) p.getExample().getOutput();
                sum += ((Label) p.getOutput()).getLabel().equals(truth.getLabel()) ? 1 : 0;
            } else {
                double err = ((Regressor) p.getOutput()).getValues()[0]
                        - ((Regressor) p.getExample().getOutput()).getValues()[0];
                sum += err * err;
            }
        }
        double mean = sum / predictions.size();
        return task.isClassification() ? mean : Math.sqrt(mean);
    }

    private static void assertProbabilities(Model<?> model, MutableDataset<?> test) {
        int classes = model.getOutputIDInfo().size();
        for (Prediction<?> p : predict(model, test)) {
            assertTrue(p.hasProbabilities(), "prediction must be flagged as probabilistic");
            Map<String, ? extends Output<?>> scores = p.getOutputScores();
            assertEquals(classes, scores.size(), "one score per class");
            double total = 0;
            for (Output<?> o : scores.values()) {
                double s = ((Label) o).getScore();
                assertFalse(Double.isNaN(s), "NaN probability");
                assertTrue(s >= -1e-9 && s <= 1 + 1e-9, "probability out of [0, 1]: " + s);
                total += s;
            }
            assertEquals(1.0, total, 1e-6, "probabilities must sum to 1");
        }
    }

    private static void assertSamePredictions(List<Prediction<?>> expected, List<Prediction<?>> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            Output<?> e = expected.get(i).getOutput();
            Output<?> a = actual.get(i).getOutput();
            if (e instanceof Label el) {
                assertEquals(el.getLabel(), ((Label) a).getLabel(), "label of row " + i);
                Map<String, ? extends Output<?>> es = expected.get(i).getOutputScores();
                Map<String, ? extends Output<?>> as = actual.get(i).getOutputScores();
                assertEquals(es.keySet(), as.keySet());
                for (String k : es.keySet()) {
                    assertEquals(((Label) es.get(k)).getScore(), ((Label) as.get(k)).getScore(), 0.0,
                            "score of " + k + " in row " + i);
                }
            } else {
                assertEquals(((Regressor) e).getValues()[0], ((Regressor) a).getValues()[0], 0.0, "row " + i);
            }
        }
    }
}
