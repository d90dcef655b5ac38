package org.automlwb.prep;

import static org.automlwb.prep.TestTables.assertValues;
import static org.automlwb.prep.TestTables.doubles;
import static org.automlwb.prep.TestTables.names;
import static org.automlwb.prep.TestTables.strings;
import static org.automlwb.prep.TestTables.table;
import static org.automlwb.prep.TestTables.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.automlwb.common.BadInputException;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Target encoding: exact smoothed values, out-of-fold training values, outputs per task, JSON, filters. */
class TargetEncodeTest {
    private static final String[] CITIES = {"a", "a", "a", "b", "b", "c"};
    private static final double[] Y = {1, 2, 3, 10, 20, 5};

    private static TargetEncodeStep step(double smoothing, int folds) {
        return new TargetEncodeStep(List.of(), smoothing, folds, true, 42);
    }

    @Test
    void fittedMappingIsTheSmoothedMeanAndUnseenGetThePrior() {
        Table t = table(strings("city", CITIES));
        FittedRecipe r = Recipe.of(step(2, 5)).fit(t, null, TrainingTarget.regression(Y));
        assertEquals(List.of("city_te"), r.featureNames());
        // prior = 41/6; a: (6 + 2·prior) / (3 + 2); b: (30 + 2·prior) / (2 + 2); c: (5 + 2·prior) / (1 + 2).
        double prior = 41.0 / 6;
        Table out = r.apply(table(strings("city", "a", "b", "c", "never seen", null)));
        assertValues(out, "city_te", 59.0 / 15, 131.0 / 12, 56.0 / 9, prior, prior);
        assertEquals(prior, values(out, "city_te")[3], 0.0);
        // Training rows prepared again (as for a refit) use the same full mapping.
        assertValues(r.applyForTraining(t).features(), "city_te", 59.0 / 15, 59.0 / 15, 59.0 / 15, 131.0 / 12,
                131.0 / 12, 56.0 / 9);
    }

    @Test
    void trainingRowsGetLeaveOneOutValuesWhenEveryRowIsItsOwnFold() {
        Table t = table(strings("city", CITIES));
        double m = 2;
        FitResult fit = Recipe.of(step(m, CITIES.length)).fitTransform(t, null, TrainingTarget.regression(Y));
        double[] got = values(fit.features(), "city_te");
        for (int i = 0; i < Y.length; i++) {
            double count = 0;
            double sum = 0;
            double all = 0;
            for (int j = 0; j < Y.length; j++) {
                if (j == i) continue;
                all += Y[j];
                if (CITIES[j].equals(CITIES[i])) { count++; sum += Y[j]; }
            }
            double prior = all / (Y.length - 1);
            double expected = count == 0 ? prior : (sum + m * prior) / (count + m);
            assertEquals(expected, got[i], 1e-12, "row " + i);
        }
        // "c" is seen once: its training row gets exactly the other rows' mean, never its own label.
        assertEquals(36.0 / 5, got[5], 1e-12);
        // The saved mapping is the one from every row, so it differs from the training values.
        assertNotEquals(got[0], values(fit.recipe().apply(t), "city_te")[0]);
    }

    @Test
    void aRowsOwnLabelNeverChangesItsTrainingValue() {
        int n = 400;
        String[] cities = new String[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            cities[i] = "c" + (i % 37);
            y[i] = (i * 7919 % 101) / 10.0;
        }
        Table t = table(strings("city", cities));
        Recipe recipe = Recipe.of(TargetEncodeStep.of(List.of()));
        double[] base = values(recipe.fitTransform(t, null, TrainingTarget.regression(y)).features(), "city_te");
        double[] full = values(recipe.fit(t, null, TrainingTarget.regression(y)).apply(t), "city_te");
        int differ = 0;
        for (int i = 0; i < n; i++) if (Math.abs(base[i] - full[i]) > 1e-9) differ++;
        assertTrue(differ > n / 2, "out-of-fold values differ from the full mapping in most rows: " + differ);
        for (int i : new int[] {0, 17, 399}) {
            double[] changed = y.clone();
            changed[i] += 1000;
            double[] again = values(recipe.fitTransform(t, null, TrainingTarget.regression(changed)).features(), "city_te");
            assertEquals(base[i], again[i], 1e-9, "row " + i + " must not see its own label");
        }
    }

    @Test
    void binaryGivesTheSmoothedRateOfTheSecondClass() {
        // Classes sort to [no, yes]: the column is the smoothed share of "yes".
        Table t = table(strings("city", "a", "a", "a", "b"), strings("label", "yes", "yes", "no", "no"));
        FittedRecipe r = Recipe.of(step(1, 2)).fit(t, "label");
        assertEquals(List.of("city_te"), r.featureNames());
        // prior 2/4; a: (2 + 0.5) / 4; b: (0 + 0.5) / 2.
        assertValues(r.apply(table(strings("city", "a", "b", "z"))), "city_te", 2.5 / 4, 0.25, 0.5);
    }

    @Test
    void multiclassGivesOneColumnPerClass() {
        Table t = table(strings("city", "a", "a", "b", "b", "b", "c"), strings("label", "x", "y", "z", "z", "x", "y"));
        FittedRecipe r = Recipe.of(step(0, 2)).fit(t, "label");
        assertEquals(List.of("city_te=x", "city_te=y", "city_te=z"), r.featureNames());
        Table out = r.apply(table(strings("city", "a", "b", "unseen")));
        assertValues(out, "city_te=x", 0.5, 1.0 / 3, 2.0 / 6);
        assertValues(out, "city_te=y", 0.5, 0, 2.0 / 6);
        assertValues(out, "city_te=z", 0, 2.0 / 3, 2.0 / 6);
        // Training values too: one column per class, rates that add up to 1 in every row (or the prior's).
        Table train = Recipe.of(step(3, 3)).fitTransform(t, "label").features();
        for (int i = 0; i < t.rowCount(); i++) {
            double total = values(train, "city_te=x")[i] + values(train, "city_te=y")[i] + values(train, "city_te=z")[i];
            assertEquals(1, total, 1e-12, "row " + i);
        }
    }

    @Test
    void classesComeFromTheTargetColumnWithTheEnginesRule() {
        Table t = table(doubles("n", 2.0, 10.0, 2.0, 1.0), doubles("r", 0.5, 1.0, 2.0, 3.0),
                strings("s", "b", " a", "", "b"));
        assertEquals(List.of("1", "2", "10"), TrainingTarget.of(t, "n").classes());
        assertEquals(TrainingTarget.classification(new int[] {1, 2, 1, 0}, List.of("1", "2", "10")),
                TrainingTarget.of(t, "n"));
        assertEquals(TrainingTarget.regression(new double[] {0.5, 1, 2, 3}), TrainingTarget.of(t, "r"));
        assertEquals(TrainingTarget.classification(new int[] {1, 0, -1, 1}, List.of("a", "b")), TrainingTarget.of(t, "s"));
    }

    @Test
    void aRowFilterBeforeKeepsTheTargetAlignedWithTheKeptRows() {
        Table t = table(doubles("x", 1.0, null, 1.0, 1.0), strings("city", "a", "a", "b", "b"),
                doubles("y", 1.5, 100.5, 10.5, 20.5));
        Recipe recipe = Recipe.of(FilterRowsStep.dropMissing("x"), step(0, 2));
        FitResult fit = recipe.fitTransform(t, "y");
        assertEquals(3, fit.features().rowCount());
        assertEquals(List.of(1.5, 10.5, 20.5), fit.features().doubleColumn("y").asList());
        // Row 1 (100.5) was left out: a is 1.5, not 51; b is 15.5.
        assertValues(fit.recipe().apply(table(doubles("x", 1.0, 1.0), strings("city", "a", "b"))), "city_te", 1.5, 15.5);
        // The same with the engine's target given for every input row.
        FittedRecipe given = recipe.fit(t, "y", TrainingTarget.regression(new double[] {1.5, 100.5, 10.5, 20.5}));
        assertEquals(fit.recipe().toJson(), given.toJson());
    }

    @Test
    void jsonRoundTripReplaysIdentically() throws BadInputException {
        Table t = table(strings("city", "a", "b", "a", "c", "b", "a", null), doubles("n", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0),
                strings("label", "x", "y", "z", "x", "y", "x", "z"));
        Recipe recipe = Recipe.of(new TargetEncodeStep(List.of("city", "n"), 2.5, 3, false, 7));
        assertEquals(recipe, Recipe.fromJson(recipe.toJson()));
        assertTrue(recipe.toJson().contains("\"type\" : \"target_encode\""), recipe.toJson());
        FittedRecipe fitted = recipe.fit(t, "label");
        String json = fitted.toJson();
        FittedRecipe back = FittedRecipe.fromJson(json);
        assertEquals(json, back.toJson());
        assertEquals(fitted.describe(), back.describe());
        assertEquals(fitted.featureNames(), back.featureNames());
        Table fresh = table(strings("city", "c", "new", null, "a"), doubles("n", 4.0, 9.0, null, 1.0));
        Table a = fitted.apply(fresh);
        Table b = back.apply(fresh);
        for (String f : fitted.featureNames()) {
            double[] x = values(a, f);
            double[] y = values(b, f);
            for (int i = 0; i < x.length; i++) {
                assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(y[i]), f + " row " + i);
            }
        }
    }

    @Test
    void withoutATargetItFailsWithAClearMessage() {
        Table t = table(strings("city", "a", "b"));
        RecipeInputException e = assertThrows(RecipeInputException.class,
                () -> Recipe.of(TargetEncodeStep.of(List.of())).fit(t, null));
        assertTrue(e.getMessage().contains("target encoding needs the target column"), e.getMessage());
        assertEquals("city", e.badInput().column());
        // With nothing to encode there is nothing to learn, and no target is needed.
        Table numbers = table(doubles("x", 1.0, 2.0));
        assertEquals(List.of("x"), Recipe.of(TargetEncodeStep.of(List.of())).fit(numbers, null).featureNames());
    }

    @Test
    void checkNamesTheOutputsAndRefusesTooFewFolds() {
        Table t = table(strings("city", "a", "b"), doubles("y", 1.0, 2.0));
        assertEquals(List.of(), Recipe.of(TargetEncodeStep.of(List.of()), DropStep.of("city_te")).validate(t, "y"));
        List<String> problems = Recipe.of(new TargetEncodeStep(List.of("city"), -1, 1, true, 1)).validate(t, "y");
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(Recipe.of(TargetEncodeStep.of(List.of("y"))).validate(t, "y").get(0).contains("target"));
    }

    @Test
    void describeSaysWhatItDoesInPlainWords() {
        String d = TargetEncodeStep.of(List.of("city")).describe();
        assertTrue(d.startsWith("Target encode city: each value becomes the average target"), d);
        Table t = table(strings("city", "a", "b", "a"), doubles("y", 1.5, 2.5, 3.5));
        assertEquals("Target encode city (2 levels → city_te)",
                Recipe.of(TargetEncodeStep.of(List.of())).fit(t, "y").describe().get(0));
        assertEquals(List.of("city_te"), names(Recipe.of(TargetEncodeStep.of(List.of())).fit(t, "y").apply(t)).subList(0, 1));
    }
}
