package org.automlwb.engine.trial;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.FeaturePipelines;
import org.automlwb.engine.LabelledData;
import org.automlwb.prep.Recipe;
import org.automlwb.prep.TargetEncodeStep;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A learner must never see its own label through a target-encoded feature: fold training rows carry the
 * recipe's out-of-fold values, not the mapping learnt from the same rows.
 */
class TargetEncodingTrainingTest {
    @Test
    void foldTrainingRowsHoldOutOfFoldValues() throws Exception {
        // Every row has a level of its own: a full mapping would give back each row's label (blended with the
        // prior); out of fold, no other row has the level, so every training row gets its other folds' prior.
        int n = 200;
        Random rng = new Random(1);
        String[] ids = new String[n];
        String[] y = new String[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            ids[i] = "level" + i;
            y[i] = rng.nextBoolean() ? "yes" : "no";
            x[i] = rng.nextGaussian();
        }
        Table t = Table.create("d", StringColumn.create("shop", ids), DoubleColumn.create("x", x),
                StringColumn.create("y", y));
        LabelledData data = LabelledData.forTraining(t, "y", null);
        Recipe recipe = Recipe.of(TargetEncodeStep.of(List.of("shop")));
        ValidationPlan plan = ValidationPlan.create(data.targets(), ValidationSettings.defaults(), 42);
        FoldData folds = new FoldData(data, plan, FeaturePipelines.fromRecipe(recipe));
        PreparedFold f = folds.fold(0, FeatureEncoding.ONE_HOT);
        int column = f.featureNames().indexOf("shop_te");
        assertTrue(column >= 0, "features " + f.featureNames());
        double yesRows = 0;
        double yesMean = 0;
        double noMean = 0;
        for (int i = 0; i < f.train().rows(); i++) {
            double v = f.train().x().value(i, column);
            boolean yes = f.train().targets().classIndex()[i] == 1;
            if (yes) {
                yesMean += v;
                yesRows++;
            } else {
                noMean += v;
            }
        }
        yesMean /= yesRows;
        noMean /= f.train().rows() - yesRows;
        // With the full mapping the "yes" rows would average well above the "no" rows (by about 10/11 - 1/11 of a
        // level's share, 0.09 here); out of fold they do not (leaving a row's own inner fold out even tilts the
        // prior slightly the other way).
        assertTrue(yesMean - noMean < 0.03, "the encoded value reveals the row's own label: yes rows " + yesMean
                + ", no rows " + noMean);
    }
}
