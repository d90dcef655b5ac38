package org.automlwb.engine.algo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.ChoiceParam;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.RealParam;
import org.automlwb.engine.space.SearchSpace;
import org.junit.jupiter.api.Test;

/** The catalogue's declarations: ids, which tasks and data each algorithm takes, spaces and portfolios. */
class AlgorithmCatalogueTest {
    private static final List<Integer> ROW_COUNTS = List.of(100, 3_000, 15_000, 80_000, 1_000_000);

    @Test
    void catalogueHasAFixedOrderOfUniqueIds() {
        List<String> ids = AlgorithmCatalogue.all().stream().map(Algorithm::id).toList();
        assertEquals(List.of("baseline", "naive_bayes", "liblinear", "elastic_net", "lars_lasso", "linear_sgd",
                "cart", "knn", "libsvm", "lightgbm", "xgboost", "random_forest", "extra_trees"), ids);
        assertEquals("xgboost", AlgorithmCatalogue.byId("xgboost").orElseThrow().id());
        assertTrue(AlgorithmCatalogue.byId("adam_mlp").isEmpty());
    }

    @Test
    void tasksAndDataEachAlgorithmTakes() {
        assertEquals(Set.of("baseline", "liblinear", "elastic_net", "lars_lasso", "linear_sgd", "cart", "knn",
                "libsvm", "lightgbm", "xgboost", "extra_trees", "random_forest"),
                applicable(TaskType.REGRESSION, 1_000, true));
        assertEquals(Set.of("baseline", "naive_bayes", "liblinear", "linear_sgd", "cart", "knn", "libsvm", "lightgbm",
                "xgboost", "extra_trees", "random_forest"), applicable(TaskType.BINARY, 1_000, true));
        // Negative inputs rule out naive Bayes; size rules out LIBSVM, then KNN.
        assertFalse(applicable(TaskType.MULTICLASS, 1_000, false).contains("naive_bayes"));
        assertFalse(applicable(TaskType.BINARY, 5_001, true).contains("libsvm"));
        assertTrue(applicable(TaskType.BINARY, 5_001, true).contains("knn"));
        assertFalse(applicable(TaskType.BINARY, 10_001, true).contains("knn"));
    }

    private static Set<String> applicable(TaskType task, int rows, boolean nonNegative) {
        DataShape shape = new DataShape(task, rows, 10, task.isClassification() ? 2 : 0, nonNegative);
        Set<String> ids = new HashSet<>();
        for (Algorithm a : AlgorithmCatalogue.all()) if (a.appliesTo(shape)) ids.add(a.id());
        return ids;
    }

    @Test
    void everyParameterExplainsItselfAndConditionsPointBackwardsToAChoice() {
        for (Algorithm a : AlgorithmCatalogue.all()) {
            for (TaskType task : TaskType.values()) {
                if (!a.supports(task)) continue;
                SearchSpace space = a.space(task);
                Set<String> seen = new HashSet<>();
                for (Param p : space.params()) {
                    String where = a.id() + "/" + task.key() + "/" + p.name();
                    assertTrue(p.help() != null && p.help().length() > 20, where + ": help text");
                    assertTrue(seen.add(p.name()), where + ": duplicate name");
                    if (p.condition() != null) {
                        Param parent = space.param(p.condition().parent()).orElseThrow();
                        assertTrue(seen.contains(parent.name()), where + ": parent must come first");
                        assertTrue(parent instanceof ChoiceParam c && c.choices().containsAll(p.condition().values()),
                                where + ": condition values must be choices of the parent");
                    }
                }
            }
        }
    }

    @Test
    void portfoliosAreSmallCompleteAndInsideTheirSpaces() {
        for (Algorithm a : AlgorithmCatalogue.all()) {
            for (TaskType task : TaskType.values()) {
                if (!a.supports(task)) continue;
                for (int rows : ROW_COUNTS) {
                    for (int features : List.of(1, 8, 300)) {
                        DataShape shape = new DataShape(task, rows, features, task.isClassification() ? 3 : 0, true);
                        List<Config> portfolio = a.portfolio(task, shape);
                        String where = a.id() + "/" + task.key() + "/" + rows + "x" + features;
                        assertTrue(!portfolio.isEmpty() && portfolio.size() <= 3, where + ": 1-3 configurations");
                        for (Config c : portfolio) assertInside(a.space(task), c, where);
                        assertTrue(a.relativeCost(shape) > 0, where + ": cost");
                    }
                }
            }
        }
    }

    /** Every active parameter has a value in range; no inactive or unknown parameter is set. */
    private static void assertInside(SearchSpace space, Config config, String where) {
        Set<String> expected = new HashSet<>();
        for (Param p : space.params()) {
            if (!space.isActive(p, config)) continue;
            expected.add(p.name());
            Object v = config.values().get(p.name());
            String at = where + " {" + config + "} " + p.name();
            if (p instanceof IntParam i) {
                assertTrue(v instanceof Integer n && n >= i.low() && n <= i.high(), at + " out of range");
            } else if (p instanceof RealParam r) {
                assertTrue(v instanceof Double d && d >= r.low() && d <= r.high(), at + " out of range");
            } else {
                assertTrue(((ChoiceParam) p).choices().contains(v), at + " not a choice");
            }
        }
        assertEquals(expected, config.values().keySet(), where + ": exactly the active parameters");
    }

    @Test
    void forestsShrinkWithRowsAndStayModest() {
        int previous = Integer.MAX_VALUE;
        for (int rows : ROW_COUNTS) {
            int trees = Forest.trees(rows);
            assertTrue(trees <= previous && trees <= 100, rows + " rows: " + trees + " trees");
            previous = trees;
        }
    }

    @Test
    void everyFitIsSingleThreadedAndOnlyLibsvmLocks() {
        for (Algorithm a : AlgorithmCatalogue.all()) {
            TaskType task = a.supports(TaskType.BINARY) ? TaskType.BINARY : TaskType.REGRESSION;
            Config c = a.portfolio(task, new DataShape(task, 1000, 5, task.isClassification() ? 2 : 0, true)).get(0);
            // XGBoost too: parallel trials, not OpenMP teams, keep the cores busy (see XgBoost.MAX_THREADS_PER_FIT).
            assertEquals(1, a.threadsPerFit(c, 8), a.id());
            assertEquals(1, a.threadsPerFit(c, 2), a.id());
            assertEquals(a.id().equals("libsvm"), a.trainsOneAtATime(), a.id());
        }
    }

    @Test
    void splitFractionAlwaysSelectsAFeatureAndRespectsTheCap() {
        for (int features : List.of(1, 2, 3, 7, 100)) {
            for (double requested : List.of(0.1, 0.5, 0.99, 1.0)) {
                float f = FeatureCountTrainer.splitFraction(requested, features, 0.99f);
                assertTrue(f < 1.0f, "random forests need a fraction below 1");
                assertTrue(Math.round(f * features) >= 1, features + " features, " + requested);
            }
        }
        assertEquals(1.0f, FeatureCountTrainer.splitFraction(1.0, 10, 1.0f));
    }
}
