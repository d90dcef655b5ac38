package org.automlwb.prep;

import static org.automlwb.prep.TestTables.assertValues;
import static org.automlwb.prep.TestTables.booleans;
import static org.automlwb.prep.TestTables.doubles;
import static org.automlwb.prep.TestTables.strings;
import static org.automlwb.prep.TestTables.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.automlwb.common.BadInputException;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The encode step's codes mode (one integer column per category column, for LightGBM). */
class EncodeCodesTest {
    private static EncodeStep codes(List<String> columns, int minCount, int maxLevels, boolean missingAsLevel) {
        return new EncodeStep(columns, minCount, 0, maxLevels, missingAsLevel, EncodeStep.Mode.CODES);
    }

    @Test
    void levelsAreNumberedInOneHotOrderWithOtherLast() {
        // a ×3, b ×2, (missing) ×2, c ×1: most frequent first, ties alphabetically, c is rare.
        Table t = table(strings("c", "a", "a", "a", "b", "b", null, null, "c"), doubles("x", 1.0, 2.0, 3.0, 4.0,
                5.0, 6.0, 7.0, 8.0));
        FittedRecipe r = Recipe.of(codes(List.of(), 2, 50, true)).fit(t, null);
        assertEquals(List.of("c", "x"), r.featureNames());
        // The one-hot order for the same settings: on ties "(missing)" sorts before "b".
        FittedRecipe oneHot = Recipe.of(new EncodeStep(List.of(), 2, 0, 50, true)).fit(t, null);
        assertEquals(List.of("c=a", "c=(missing)", "c=b", "c=(other)", "x"), oneHot.featureNames());
        assertValues(r.apply(t), "c", 0, 0, 0, 2, 2, 1, 1, 3);
        // Unseen and rare values are other (3); a real value spelt (other) too.
        assertValues(r.apply(table(strings("c", "zzz", "c", "(other)", "b", null), doubles("x", 0.0, 0.0, 0.0, 0.0,
                0.0))), "c", 3, 3, 3, 2, 1);
    }

    @Test
    void capKeepsTheMostFrequentLevels() {
        Table t = table(strings("c", "a", "a", "a", "b", "b", "d"));
        FittedRecipe r = Recipe.of(codes(List.of("c"), 1, 2, true)).fit(t, null);
        assertValues(r.apply(t), "c", 0, 0, 0, 1, 1, 2);
        assertEquals(List.of(new CategoricalFeature("c", 3)), r.categoricalFeatures());
    }

    @Test
    void missingWithoutALevelIsMinusOneAndNotPatchedByTheMedianFallback() {
        Table t = table(strings("c", "a", null, "a", "b", "b", "a"));
        FittedRecipe r = Recipe.of(codes(List.of(), 1, 50, false)).fit(t, null);
        assertValues(r.apply(t), "c", 0, -1, 0, 1, 1, 0);
        assertValues(r.apply(table(strings("c", (String) null))), "c", -1);
        assertEquals(List.of(new CategoricalFeature("c", 3)), r.categoricalFeatures());
    }

    @Test
    void booleansStayZeroOneAndAreNotCategorical() {
        Table t = table(booleans("flag", true, false, true), strings("s", "p", "q", "p"));
        FittedRecipe r = Recipe.of(codes(List.of(), 1, 50, true)).fit(t, null);
        assertEquals(List.of("flag", "s"), r.featureNames());
        Table out = r.apply(t);
        assertValues(out, "flag", 1, 0, 1);
        assertValues(out, "s", 0, 1, 0);
        assertEquals(List.of(new CategoricalFeature("s", 3)), r.categoricalFeatures());
    }

    @Test
    void automaticScalingLeavesCodesAlone() {
        Table t = table(strings("s", "p", "q", "p", "r"), doubles("x", 1.0, 2.0, 3.0, 4.0));
        FittedRecipe r = Recipe.of(codes(List.of(), 1, 50, true)).withScaling().fit(t, null);
        Table out = r.apply(t);
        assertValues(out, "s", 0, 1, 0, 2);
        assertEquals(0, TestTables.values(out, "x")[0] + TestTables.values(out, "x")[3], 1e-12);
    }

    @Test
    void oneHotIsWrittenAsBeforeAndOldFilesReadAsOneHot() throws BadInputException {
        String json = Recipe.of(EncodeStep.oneHot(List.of("c"))).toJson();
        assertFalse(json.contains("mode"), json);
        String old = "{\"version\":1,\"steps\":[{\"type\":\"encode\",\"columns\":[\"c\"],\"minCount\":5,"
                + "\"minFraction\":0.001,\"maxLevels\":50,\"missingAsLevel\":true}]}";
        Recipe read = Recipe.fromJson(old);
        assertEquals(Recipe.of(EncodeStep.oneHot(List.of("c"))), read);
        assertEquals(EncodeStep.Mode.ONE_HOT, ((EncodeStep) read.steps().get(0)).mode());
    }

    @Test
    void codesRoundTripThroughJson() throws BadInputException {
        Recipe recipe = Recipe.of(codes(List.of(), 1, 300, false));
        String json = recipe.toJson();
        assertTrue(json.contains("\"mode\" : \"CODES\""), json);
        assertEquals(recipe, Recipe.fromJson(json));

        Table t = table(strings("c", "a", null, "a", "b"), strings("d", "x", "y", "x", "x"));
        FittedRecipe fitted = recipe.fit(t, null);
        FittedRecipe back = FittedRecipe.fromJson(fitted.toJson());
        assertEquals(fitted.toJson(), back.toJson());
        assertEquals(fitted.categoricalFeatures(), back.categoricalFeatures());
        assertEquals(List.of(new CategoricalFeature("c", 3), new CategoricalFeature("d", 3)), back.categoricalFeatures());
        Table fresh = table(strings("c", "b", "new", null), strings("d", "y", "x", null));
        assertValues(back.apply(fresh), "c", 1, 2, -1);
        assertValues(back.apply(fresh), "d", 1, 0, -1);
        assertTrue(back.describe().get(0).startsWith("Code as category numbers"), back.describe().get(0));
        assertTrue(recipe.describe().get(0).startsWith("Code every text and boolean column as category numbers"),
                recipe.describe().get(0));
    }

    @Test
    void fittedJsonWithoutCategoricalFeaturesReadsAsNone() throws BadInputException {
        Table t = table(strings("c", "a", "b", "a"));
        FittedRecipe fitted = Recipe.of(new EncodeStep(List.of(), 1, 0, 50, true)).fit(t, null);
        String json = fitted.toJson();
        assertFalse(json.contains("categoricalFeatures"), json);
        assertEquals(List.of(), FittedRecipe.fromJson(json).categoricalFeatures());
    }

    @Test
    void withCategoryCodesSwitchesEveryEncodeStepAndIsIdempotent() {
        Recipe recipe = Recipe.of(ImputeStep.median(List.of()), EncodeStep.oneHot(List.of("a")),
                new EncodeStep(List.of("b"), 1, 0, 1000, false));
        Recipe coded = recipe.withCategoryCodes();
        assertEquals(Recipe.of(ImputeStep.median(List.of()),
                new EncodeStep(List.of("a"), 5, 0.001, 255, true, EncodeStep.Mode.CODES),
                new EncodeStep(List.of("b"), 1, 0, 1000, false, EncodeStep.Mode.CODES)), coded);
        assertEquals(coded, coded.withCategoryCodes());
        assertEquals(coded.withScaling(), coded.withScaling().withCategoryCodes());
    }

    @Test
    void codeColumnsKeepTheirNameForLaterSteps() {
        Recipe recipe = Recipe.of(codes(List.of("s"), 1, 50, true), new FilterRowsStep("s", false, 0.0, 0.0));
        assertEquals(List.of(), recipe.validate(table(strings("s", "p", "q")), null));
    }
}
