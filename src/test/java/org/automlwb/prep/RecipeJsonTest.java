package org.automlwb.prep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.automlwb.common.BadInputException;
import org.automlwb.data.ColumnKind;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/** JSON round trips, and that fitting sees only the rows it is given. */
class RecipeJsonTest {
    /** One of every step type, valid on {@link MixedTable}. */
    static Recipe everyStep() {
        return Recipe.of(
                new FilterRowsStep("income", true, 0.0, 1e9),
                new DropStep(List.of("id", "name", "const"), "not features"),
                new CastStep(List.of("score"), ColumnKind.DECIMAL),
                new DerivedStep("ratio", "log(income + 1) / (\"score\" + 1) - abs(-2) * sqrt(4)"),
                new ImputeStep(List.of(), ImputeStep.Strategy.MEDIAN, null, ImputeStep.Indicator.WHEN_MISSING_AT_FIT),
                new ClipStep(List.of("income"), ClipStep.Bounds.QUANTILE, 0.05, 0.95),
                new BinStep(List.of("score"), BinStep.Method.QUANTILE, 4),
                DatePartsStep.of(List.of("joined")),
                new TargetEncodeStep(List.of("city"), 5, 3, true, 1),
                EncodeStep.oneHot(List.of()),
                new ScaleStep(List.of("ratio"), ScaleStep.Method.MIN_MAX)).withScaling();
    }

    @Test
    void recipeRoundTrip() throws BadInputException {
        Recipe recipe = everyStep();
        String json = recipe.toJson();
        assertTrue(json.contains("\"type\" : \"filter_rows\""), json);
        assertTrue(json.contains("\"version\" : 1"), json);
        Recipe back = Recipe.fromJson(json);
        assertEquals(recipe, back);
        assertEquals(json, back.toJson());
    }

    @Test
    void fittedRoundTripIsBitIdentical() throws BadInputException {
        Table train = MixedTable.build();
        FittedRecipe fitted = everyStep().fit(train, "y");
        String json = fitted.toJson();
        FittedRecipe back = FittedRecipe.fromJson(json);
        assertEquals(json, back.toJson());
        assertEquals(fitted.featureNames(), back.featureNames());
        assertEquals(fitted.inputColumns(), back.inputColumns());
        assertEquals(fitted.describe(), back.describe());
        Table fresh = MixedTable.build(3);
        Table a = fitted.apply(fresh);
        Table b = back.apply(fresh);
        for (String f : fitted.featureNames()) {
            double[] x = ((DoubleColumn) a.column(f)).asDoubleArray();
            double[] y = ((DoubleColumn) b.column(f)).asDoubleArray();
            for (int i = 0; i < x.length; i++) {
                assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(y[i]), f + " row " + i);
            }
        }
    }

    @Test
    void fittedValuesDependOnlyOnTrainingRows() {
        int[] trainRows = new int[30];
        for (int i = 0; i < trainRows.length; i++) trainRows[i] = i;
        Table fullA = MixedTable.build(0);
        Table fullB = MixedTable.build(0);
        // Change every validation row (30..39) in B.
        Table other = MixedTable.build(7);
        for (int i = 30; i < MixedTable.ROWS; i++) {
            fullB.doubleColumn("income").set(i, other.doubleColumn("income").get(i));
            fullB.stringColumn("city").set(i, "Elsewhere");
            fullB.intColumn("age").setMissing(i);
        }
        Recipe recipe = everyStep();
        FittedRecipe fa = recipe.fit(fullA.rows(trainRows), "y");
        FittedRecipe fb = recipe.fit(fullB.rows(trainRows), "y");
        assertEquals(fa.toJson(), fb.toJson());
        // Applying to validation rows changes nothing in the fitted recipe.
        String before = fa.toJson();
        fa.apply(fullB.dropRange(0, 30));
        assertEquals(before, fa.toJson());
    }

    @Test
    void badJsonIsABadInputException() {
        BadInputException e = assertThrows(BadInputException.class, () -> Recipe.fromJson("{\"version\":1,\"steps\":[{\"type\":\"nope\"}]}"));
        assertTrue(e.getMessage().contains("not valid"), e.getMessage());
        assertThrows(BadInputException.class, () -> Recipe.fromJson("{\"version\":99,\"steps\":[]}"));
        assertThrows(BadInputException.class, () -> FittedRecipe.fromJson(""));
        assertThrows(BadInputException.class, () -> FittedRecipe.fromJson("{\"version\":1}"));
    }

    @Test
    void handWrittenRecipeWithDefaults() throws BadInputException {
        Recipe r = Recipe.fromJson("{\"version\":1,\"steps\":[{\"type\":\"impute\",\"strategy\":\"mean\"},"
                + "{\"type\":\"scale\"}]}");
        assertEquals(Recipe.of(new ImputeStep(List.of(), ImputeStep.Strategy.MEAN, null, ImputeStep.Indicator.NONE),
                ScaleStep.standardiseAll()), r);
    }
}
