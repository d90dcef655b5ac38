package org.automlwb.prep;

import static org.automlwb.prep.TestTables.assertAllFinite;
import static org.automlwb.prep.TestTables.assertValues;
import static org.automlwb.prep.TestTables.doubles;
import static org.automlwb.prep.TestTables.strings;
import static org.automlwb.prep.TestTables.table;
import static org.automlwb.prep.TestTables.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.automlwb.data.ColumnKind;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/** The automatic recipe on a mixed table, unseen levels, missing values at prediction, and scaling. */
class AutomaticRecipeTest {
    private static final List<String> FEATURES = List.of("age", "age_missing", "score", "income",
            "city=C", "city=A", "city=B", "city=(missing)", "city=(other)", "member",
            "joined_year", "joined_month", "joined_day_of_week", "joined_missing");

    @Test
    void choosesStepsForAMixedTable() {
        Table t = MixedTable.build();
        Recipe recipe = Recipe.automatic(t, "y");
        List<Step> steps = recipe.steps();
        assertEquals(new DropStep(List.of("const"), "the same value in every row"), steps.get(0));
        assertEquals(List.of("id", "name"), ((DropStep) steps.get(1)).columns());
        assertEquals(ImputeStep.median(List.of("age", "score", "income", "member", "joined")), steps.get(2));
        assertEquals(DatePartsStep.of(List.of("joined")), steps.get(3));
        assertEquals(EncodeStep.oneHot(List.of("city", "member")), steps.get(4));
        assertEquals(5, steps.size());
        assertTrue(recipe.validate(t, "y").isEmpty());
    }

    @Test
    void givesTheExpectedFeatures() {
        Table t = MixedTable.build();
        FittedRecipe r = Recipe.automatic(t, "y").fit(t, "y");
        assertEquals(FEATURES, r.featureNames());
        assertEquals(List.of(new InputColumn("age", ColumnKind.INTEGER), new InputColumn("score", ColumnKind.INTEGER),
                new InputColumn("income", ColumnKind.DECIMAL), new InputColumn("city", ColumnKind.TEXT),
                new InputColumn("member", ColumnKind.BOOLEAN), new InputColumn("joined", ColumnKind.DATE)),
                r.inputColumns());
        Table out = r.apply(t);
        assertEquals(40, out.rowCount());
        assertAllFinite(out, r);
        assertEquals(t.doubleColumn("y").asList(), out.doubleColumn("y").asList());
        // Row 0 holds the rare city "Z"; row 3 has no age.
        assertEquals(1.0, values(out, "city=(other)")[0]);
        assertEquals(1.0, values(out, "age_missing")[3]);
    }

    @Test
    void unseenLevelsAndMissingValuesAtPrediction() {
        Table t = MixedTable.build();
        FittedRecipe r = Recipe.automatic(t, "y").fit(t, "y");
        Table fresh = MixedTable.build().emptyCopy();
        fresh.intColumn("age").appendMissing();
        fresh.intColumn("score").appendMissing();
        fresh.doubleColumn("income").appendMissing();
        fresh.stringColumn("city").append("Atlantis");
        fresh.booleanColumn("member").appendMissing();
        fresh.dateColumn("joined").appendMissing();
        fresh.intColumn("id").append(99);
        fresh.stringColumn("const").append("k");
        fresh.stringColumn("name").append("new");
        fresh.doubleColumn("y").appendMissing();
        Table out = r.apply(fresh.removeColumns("id", "const", "name", "y"));
        assertEquals(FEATURES, out.columnNames());
        ImputeStep.Fitted impute = (ImputeStep.Fitted) r.steps().get(2);
        assertValues(out, "age", impute.fills().get(0).number());
        assertValues(out, "age_missing", 1);
        assertValues(out, "income", 1000 + 19.5 * 17.5);
        assertValues(out, "city=(other)", 1);
        assertValues(out, "city=A", 0);
        assertValues(out, "member", 0);
        assertValues(out, "joined_missing", 1);
        assertAllFinite(out, r);
    }

    @Test
    void scalingLeavesFlagsAloneAndNeverGivesNaN() {
        Table t = MixedTable.build();
        FittedRecipe r = Recipe.automatic(t, "y").withScaling().fit(t, "y");
        assertEquals(FEATURES, r.featureNames());
        ScaleStep.Fitted scale = (ScaleStep.Fitted) r.steps().get(r.steps().size() - 1);
        assertEquals(List.of("age", "score", "income", "joined_year", "joined_month", "joined_day_of_week"),
                scale.params().stream().map(ScaleStep.Affine::column).toList());
        Table out = r.apply(t);
        assertAllFinite(out, r);
        assertEquals(0.0, mean(values(out, "income")), 1e-12);
        for (String flag : List.of("age_missing", "city=A", "member")) {
            for (double v : values(out, flag)) assertTrue(v == 0 || v == 1, flag);
        }
    }

    @Test
    void scalingAConstantOrOneHotColumnGivesNoNaN() {
        Table t = table(doubles("c", 3.0, 3.0, 3.0), strings("s", "a", "a", "a"), doubles("m", null, null, null));
        Recipe recipe = Recipe.of(new ImputeStep(List.of("m"), ImputeStep.Strategy.MEDIAN, null, ImputeStep.Indicator.NONE),
                new EncodeStep(List.of(), 1, 0, 50, true),
                new ScaleStep(List.of("c", "s=a", "s=(other)", "m"), ScaleStep.Method.STANDARD),
                new ScaleStep(List.of("c"), ScaleStep.Method.MIN_MAX));
        FittedRecipe r = recipe.fit(t, null);
        Table out = r.apply(table(doubles("c", 3.0, 4.0), strings("s", "a", "b"), doubles("m", 1.0, null)));
        assertAllFinite(out, r);
        assertValues(out, "c", 0, 1);
        assertValues(out, "s=a", 0, -1);
        assertValues(out, "s=(other)", 0, 1);
        assertValues(out, "m", 1, 0);
    }

    @Test
    void withScalingIsAddedOnce() {
        Recipe r = Recipe.automatic(MixedTable.build(), "y");
        assertEquals(r.steps().size() + 1, r.withScaling().steps().size());
        assertEquals(r.withScaling(), r.withScaling().withScaling());
        assertTrue(r.withScaling().hasScaling());
        assertInstanceOf(ScaleStep.class, r.withScaling().steps().get(r.steps().size()));
    }

    /** {@code rows} rows: shop with {@code shops} levels in turn, city with 3, and a numeric target y. */
    private static Table shops(int rows, int shops) {
        String[] shop = new String[rows];
        String[] city = new String[rows];
        Double[] y = new Double[rows];
        for (int i = 0; i < rows; i++) {
            shop[i] = "shop " + (i % shops);
            city[i] = "city " + (i % 3);
            y[i] = (i % shops) % 10 + 0.5 * (i % 3);
        }
        return table(strings("shop", shop), strings("city", city), doubles("y", y));
    }

    @Test
    void manyLevelsAreTargetEncodedWhenATargetIsNamedAndOneHotOtherwise() {
        // 60 levels of 5 rows each: more than one-hot keeps, far from free text.
        Table t = shops(300, 60);
        Recipe withTarget = Recipe.automatic(t, "y");
        assertEquals(List.of(EncodeStep.oneHot(List.of("city")), TargetEncodeStep.of(List.of("shop"))),
                withTarget.steps());
        FittedRecipe fitted = withTarget.fit(t, "y");
        assertEquals(List.of("shop_te", "city=city 0", "city=city 1", "city=city 2", "city=(other)"),
                fitted.featureNames());
        assertAllFinite(fitted.apply(t), fitted);

        Table noTarget = t.copy().removeColumns("y");
        assertEquals(List.of(EncodeStep.oneHot(List.of("shop", "city"))), Recipe.automatic(noTarget, null).steps());
    }

    @Test
    void noRuleMakesAColumnPerLevel() {
        // 20,000 levels of 3 rows each: without a target, one-hot keeps at most 50 levels and (other).
        Table some = shops(60_000, 20_000).removeColumns("y");
        List<String> oneHot = Recipe.automatic(some, null).fit(some, null).featureNames();
        long shopColumns = oneHot.stream().filter(f -> f.startsWith("shop=")).count();
        assertTrue(shopColumns >= 1 && shopColumns <= 51, oneHot.toString());
        // 100,000 levels in 210,000 rows (under half distinct, so not free text): one target-encoded column whose
        // mapping holds every level.
        Table many = shops(210_000, 100_000);
        FittedRecipe fitted = Recipe.automatic(many, "y").fit(many, "y");
        assertEquals(List.of("shop_te", "city=city 0", "city=city 1", "city=city 2", "city=(other)"),
                fitted.featureNames());
        TargetEncodeStep.Fitted te = (TargetEncodeStep.Fitted) fitted.steps().get(1);
        assertEquals(100_000, te.encodings().get(0).levels().size());
        // Mostly distinct text is still dropped as free text or an ID, target or not.
        Table text = shops(1_000, 600);
        assertInstanceOf(DropStep.class, Recipe.automatic(text, "y").steps().get(0));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
