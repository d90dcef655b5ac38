package org.automlwb.prep;

import static org.automlwb.prep.TestTables.assertAllFinite;
import static org.automlwb.prep.TestTables.assertValues;
import static org.automlwb.prep.TestTables.booleans;
import static org.automlwb.prep.TestTables.dates;
import static org.automlwb.prep.TestTables.doubles;
import static org.automlwb.prep.TestTables.ints;
import static org.automlwb.prep.TestTables.names;
import static org.automlwb.prep.TestTables.strings;
import static org.automlwb.prep.TestTables.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.automlwb.data.ColumnKind;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** Each step's fit and apply on small hand-made tables, with exact expected values. */
class StepsTest {

    @Test
    void dropRemovesColumnsAndTheyAreNotNeededAtPrediction() {
        Table t = table(doubles("a", 1.0, 2.0), doubles("b", 3.0, 4.0), strings("y", "p", "q"));
        FittedRecipe r = Recipe.of(DropStep.of("b")).fit(t, "y");
        assertEquals(List.of("a"), r.featureNames());
        assertEquals(List.of(new InputColumn("a", ColumnKind.DECIMAL)), r.inputColumns());
        Table out = r.apply(table(doubles("a", 5.0)));
        assertEquals(List.of("a"), names(out));
        assertValues(out, "a", 5);
    }

    @Test
    void castIntegerCodesToTextThenEncode() {
        Table t = table(ints("code", 1, 2, 1, 2, 1), doubles("y", 0.0, 1.0, 0.0, 1.0, 0.0));
        Recipe recipe = Recipe.of(new CastStep(List.of("code"), ColumnKind.TEXT),
                new EncodeStep(List.of(), 1, 0, 50, true));
        FittedRecipe r = recipe.fit(t, "y");
        assertEquals(List.of("code=1", "code=2", "code=(other)"), r.featureNames());
        Table out = r.apply(table(ints("code", 2, 7)));
        assertValues(out, "code=1", 0, 0);
        assertValues(out, "code=2", 1, 0);
        assertValues(out, "code=(other)", 0, 1);
    }

    @Test
    void castTextToNumberMakesUnreadableValuesMissing() {
        Table t = table(strings("n", "1.5", "x", "3.5"));
        FittedRecipe r = Recipe.of(new CastStep(List.of("n"), ColumnKind.DECIMAL),
                new ImputeStep(List.of("n"), ImputeStep.Strategy.MEAN, null, ImputeStep.Indicator.NONE)).fit(t, null);
        assertValues(r.apply(t), "n", 1.5, 2.5, 3.5);
    }

    @Test
    void imputeMedianWithIndicatorAndMissingAtPrediction() {
        Table t = table(doubles("a", 1.0, null, 3.0, 10.0), doubles("b", 1.0, 2.0, 3.0, 4.0));
        FittedRecipe r = Recipe.of(new ImputeStep(List.of(), ImputeStep.Strategy.MEDIAN, null,
                ImputeStep.Indicator.WHEN_MISSING_AT_FIT)).fit(t, null);
        // b had no missing values in training: no indicator, but its median is still learnt.
        assertEquals(List.of("a", "a_missing", "b"), r.featureNames());
        Table out = r.apply(t);
        assertValues(out, "a", 1, 3, 3, 10);
        assertValues(out, "a_missing", 0, 1, 0, 0);
        Table later = r.apply(table(doubles("a", (Double) null), doubles("b", (Double) null)));
        assertValues(later, "a", 3);
        assertValues(later, "a_missing", 1);
        assertValues(later, "b", 2.5);
    }

    @Test
    void imputeMeanMostFrequentAndConstant() {
        Table t = table(doubles("a", 1.0, 2.0, null, 6.0), strings("s", "x", null, "y", "y"),
                ints("k", 4, null, 4, 9));
        Recipe recipe = Recipe.of(
                new ImputeStep(List.of("a"), ImputeStep.Strategy.MEAN, null, ImputeStep.Indicator.NONE),
                new ImputeStep(List.of("s"), ImputeStep.Strategy.MOST_FREQUENT, null, ImputeStep.Indicator.ALWAYS),
                new ImputeStep(List.of("k"), ImputeStep.Strategy.CONSTANT, "-1", ImputeStep.Indicator.NONE),
                new EncodeStep(List.of("s"), 1, 0, 50, true));
        FittedRecipe r = recipe.fit(t, null);
        assertEquals(List.of("a", "s=y", "s=x", "s=(other)", "s_missing", "k"), r.featureNames());
        Table out = r.apply(t);
        assertValues(out, "a", 1, 2, 3, 6);
        assertValues(out, "s=y", 0, 1, 1, 1);
        assertValues(out, "s_missing", 0, 1, 0, 0);
        assertValues(out, "k", 4, -1, 4, 9);
    }

    @Test
    void encodeFoldsRareAndUnseenLevelsIntoOther() {
        Table t = table(strings("city", "A", "A", "B", null, "C", "A", "B"));
        FittedRecipe r = Recipe.of(new EncodeStep(List.of("city"), 2, 0, 50, true)).fit(t, null);
        assertEquals(List.of("city=A", "city=B", "city=(other)"), r.featureNames());
        Table out = r.apply(table(strings("city", "A", "B", "C", null, "Zürich")));
        assertValues(out, "city=A", 1, 0, 0, 0, 0);
        assertValues(out, "city=B", 0, 1, 0, 0, 0);
        assertValues(out, "city=(other)", 0, 0, 1, 1, 1);
    }

    @Test
    void encodeCapsLevelsAndKeepsMissingAsALevel() {
        Table t = table(strings("c", "a", "a", "a", "b", "b", null, null, "c"));
        FittedRecipe r = Recipe.of(new EncodeStep(List.of(), 1, 0, 2, true)).fit(t, null);
        // Most frequent first, ties alphabetically ("(missing)" sorts before letters); "c" is beyond the cap.
        assertEquals(List.of("c=a", "c=(missing)", "c=(other)"), r.featureNames());
        assertValues(r.apply(t), "c=(other)", 0, 0, 0, 1, 1, 0, 0, 1);
    }

    @Test
    void encodeBooleansAsZeroOne() {
        Table t = table(booleans("flag", true, false, true), strings("y", "a", "b", "a"));
        FittedRecipe r = Recipe.of(new EncodeStep(List.of(), 5, 0.001, 50, true)).fit(t, "y");
        assertEquals(List.of("flag"), r.featureNames());
        assertValues(r.apply(t), "flag", 1, 0, 1);
    }

    @Test
    void scaleStandardAndMinMax() {
        Table t = table(doubles("x", 1.0, 2.0, 3.0, 4.0), doubles("m", 10.0, 20.0, 30.0, 40.0));
        FittedRecipe r = Recipe.of(new ScaleStep(List.of("x"), ScaleStep.Method.STANDARD),
                new ScaleStep(List.of("m"), ScaleStep.Method.MIN_MAX)).fit(t, null);
        double sd = Math.sqrt(1.25);
        Table out = r.apply(t);
        assertValues(out, "x", -1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd);
        assertValues(out, "m", 0, 1.0 / 3, 2.0 / 3, 1);
        assertValues(r.apply(table(doubles("x", 2.5), doubles("m", 50.0))), "m", 4.0 / 3);
    }

    @Test
    void clipFixedAndQuantile() {
        Table t = table(doubles("f", -5.0, 5.0, 15.0), doubles("q", 1.0, 2.0, 3.0, 4.0, 5.0).subset(new int[] {0, 1, 2}));
        FittedRecipe fixed = Recipe.of(new ClipStep(List.of("f"), ClipStep.Bounds.FIXED, 0.0, 10.0)).fit(t, null);
        assertValues(fixed.apply(t), "f", 0, 5, 10);

        Table u = table(doubles("q", 1.0, 2.0, 3.0, 4.0, 5.0));
        FittedRecipe quant = Recipe.of(new ClipStep(List.of(), ClipStep.Bounds.QUANTILE, 0.25, 0.75)).fit(u, null);
        assertValues(quant.apply(u), "q", 2, 2, 3, 4, 4);
        assertValues(quant.apply(table(doubles("q", -100.0, 100.0))), "q", 2, 4);
    }

    @Test
    void binEqualWidthAndQuantile() {
        Table t = table(doubles("w", 0.0, 1.0, 2.0, 3.0, 4.0));
        FittedRecipe ew = Recipe.of(new BinStep(List.of("w"), BinStep.Method.EQUAL_WIDTH, 2)).fit(t, null);
        assertValues(ew.apply(t), "w", 0, 0, 1, 1, 1);
        assertValues(ew.apply(table(doubles("w", -7.0, 99.0))), "w", 0, 1);

        Table u = table(doubles("v", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0));
        FittedRecipe q = Recipe.of(new BinStep(List.of(), BinStep.Method.QUANTILE, 4)).fit(u, null);
        BinStep.Fitted fitted = (BinStep.Fitted) q.steps().get(0);
        assertEquals(List.of(2.75, 4.5, 6.25), fitted.edges().get(0).cuts());
        assertValues(q.apply(u), "v", 0, 0, 1, 1, 2, 2, 3, 3);
    }

    @Test
    void datePartsYearMonthDayOfWeek() {
        Table t = table(dates("d", "2024-01-01", "2023-12-31", null, "2024-02-29"));
        FittedRecipe r = Recipe.of(DatePartsStep.of(List.of())).fit(t, null);
        assertEquals(List.of("d_year", "d_month", "d_day_of_week"), r.featureNames());
        Table out = r.apply(t);
        // The missing date's parts fall back to the training medians (2024, 2, 4).
        assertValues(out, "d_year", 2024, 2023, 2024, 2024);
        assertValues(out, "d_month", 1, 12, 2, 2);
        assertValues(out, "d_day_of_week", 1, 7, 4, 4);
    }

    @Test
    void derivedColumnGuardsLogAndDivision() {
        double e = Math.E;
        Table t = table(doubles("a", 1.0, e, e * e, 0.0), doubles("b", 2.0, 2.0, 2.0, 2.0),
                doubles("c", 1.0, 1.0, 1.0, 0.0));
        FittedRecipe r = Recipe.of(new DerivedStep("z", "log(a) + b / c"), DropStep.of("a", "b", "c")).fit(t, null);
        assertEquals(List.of("z"), r.featureNames());
        // The last row divides by zero: missing, then the training median of the valid results.
        assertValues(r.apply(t), "z", 2, 3, 4, 3);
        assertEquals(List.of("a", "b", "c"), r.inputColumns().stream().map(InputColumn::name).toList());
    }

    @Test
    void filterRowsActsOnlyWhileFitting() {
        Table t = table(doubles("x", 1.0, null, 5.0, 100.0), strings("y", "a", "b", "c", "d"));
        Recipe recipe = Recipe.of(new FilterRowsStep("x", true, null, 10.0),
                new ImputeStep(List.of("x"), ImputeStep.Strategy.MEDIAN, null, ImputeStep.Indicator.NONE));
        FitResult fit = recipe.fitTransform(t, "y");
        assertValues(fit.features(), "x", 1, 5);
        assertEquals(List.of("a", "c"), fit.features().stringColumn("y").asList());
        assertEquals(2, fit.recipe().applyForTraining(t).features().rowCount());
        // Prediction: every row stays; the median of the kept training rows is 3.
        Table out = fit.recipe().apply(t);
        assertValues(out, "x", 1, 3, 5, 100);
        assertEquals(List.of("a", "b", "c", "d"), out.stringColumn("y").asList());
    }

    @Test
    void targetIsCopiedUnchangedAndNeverAFeature() {
        Table t = table(doubles("x", 1.0, 2.0), ints("y", 7, 8));
        FittedRecipe r = Recipe.automatic(t, "y").withScaling().fit(t, "y");
        Table out = r.apply(t);
        assertEquals(List.of("x", "y"), names(out));
        assertEquals(List.of(7, 8), out.intColumn("y").asList());
        assertEquals("y", r.target());
        assertEquals(List.of("x"), r.featureNames());
        assertEquals(List.of("x"), names(r.apply(table(doubles("x", 3.0)))));
    }

    @Test
    void missingInputColumnIsAClearError() {
        Table t = table(doubles("x", 1.0, 2.0), doubles("w", 1.0, 2.0));
        FittedRecipe r = Recipe.empty().fit(t, null);
        RecipeInputException e = assertThrows(RecipeInputException.class, () -> r.apply(table(doubles("x", 1.0))));
        assertEquals("w", e.badInput().column());
        assertTrue(e.badInput().oneLine().contains("is missing"), e.badInput().oneLine());
        assertThrows(org.automlwb.common.BadInputException.class, () -> r.check(table(doubles("x", 1.0))));
    }

    @Test
    void wrongTypeAtPredictionIsAClearError() {
        Table t = table(doubles("x", 1.0, 2.0));
        FittedRecipe r = Recipe.empty().fit(t, null);
        assertValues(r.apply(table(strings("x", "3.5", ""))), "x", 3.5, 1.5);
        RecipeInputException e = assertThrows(RecipeInputException.class, () -> r.apply(table(strings("x", "abc"))));
        assertTrue(e.getMessage().contains("'abc'"), e.getMessage());
    }

    @Test
    void textLeftAtTheEndStopsTheFit() {
        Table t = table(strings("s", "a", "b"));
        RecipeInputException e = assertThrows(RecipeInputException.class, () -> Recipe.empty().fit(t, null));
        assertEquals("s", e.badInput().column());
        assertTrue(e.badInput().hint().contains("encode"));
    }

    @Test
    void validationReportsProblemsPerStep() {
        Table t = table(doubles("x", 1.0), strings("s", "a"), doubles("y", 1.0));
        Recipe recipe = Recipe.of(DropStep.of("y"), new ScaleStep(List.of("s", "nope"), ScaleStep.Method.STANDARD),
                new DerivedStep("z", "log(x"), new EncodeStep(List.of("s"), 1, 0, 5, true),
                new ClipStep(List.of("s=a"), ClipStep.Bounds.FIXED, 0.0, 1.0));
        List<String> problems = recipe.validate(t, "y");
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Step 1 ") && problems.get(0).contains("would drop the target column 'y'"));
        assertTrue(problems.get(1).contains("column 's' holds text"), problems.get(1));
        assertTrue(problems.get(2).contains("column 'nope' does not exist"), problems.get(2));
        assertTrue(problems.get(3).startsWith("Step 3 ") && problems.get(3).contains("')' is missing"), problems.get(3));
        assertThrows(RecipeInputException.class, () -> recipe.fit(t, "y"));
        assertFalse(DropStep.of("x").validate(Recipe.kinds(t), "y").iterator().hasNext());
    }

    @Test
    void everyOutputIsFiniteOnAWildTable() {
        Table t = table(doubles("x", 0.0, null, 1e308, -1e308), strings("s", null, null, null, null),
                booleans("b", null, true, null, false));
        Recipe recipe = Recipe.of(new DerivedStep("big", "x * x"), new DerivedStep("r", "sqrt(x) / x"),
                new EncodeStep(List.of(), 1, 0, 50, false)).withScaling();
        FittedRecipe r = recipe.fit(t, null);
        assertAllFinite(r.apply(t), r);
    }

    @Test
    void theRecipeInWordsNamesEveryColumnWithNumbersRoundedForReading() {
        Table t = table(doubles("a", 1.0, 2.0, 4.0), doubles("b", 0.1, 0.2, 0.4), doubles("c", 1.0, 1.0, 2.0),
                doubles("d", 2.0, 3.0, 5.0), doubles("e", 9.0, 8.0, 1.0), doubles("f", 1.5, 2.5, 3.5),
                doubles("g", 7.0, 7.5, 8.0), doubles("h", 1.0, 0.0, 1.0), strings("y", "p", "q", "p"));
        String words = Recipe.of(ScaleStep.standardiseAll()).fit(t, "y").describe().get(0);
        for (String column : List.of("a", "b", "c", "d", "e", "f", "g", "h")) {
            assertTrue(words.contains(column + " ("), column + " named in: " + words);
        }
        assertFalse(words.contains("more"), "no column left out of the words: " + words);
        assertTrue(words.contains("a (−2.333, ÷"), "the mean 2.3333… rounded to 4 digits: " + words);
        assertEquals("29.88", Steps.number(29.881239));
        assertEquals("0.0001235", Steps.number(0.000123456));
        assertEquals("1235", Steps.number(1234.567));
        assertEquals("28", Steps.number(28.0));
        assertEquals("-0.5", Steps.number(-0.5));
    }
}
