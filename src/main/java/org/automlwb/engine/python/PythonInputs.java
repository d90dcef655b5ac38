package org.automlwb.engine.python;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.FeatureMatrix;
import org.automlwb.engine.FeaturePipeline;
import org.automlwb.engine.FittedFeatures;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.run.PreparedRun;
import org.automlwb.engine.trial.ValidationPlan;
import org.automlwb.prep.TrainingRows;

/**
 * The search's input files, written from a prepared run: the run's recipe (with categories as codes, the
 * encoding the scikit-learn pipelines one-hot encode or split natively) fitted once on the searched rows, its
 * features as a float32 matrix, the targets, and each row's validation fold from the run's own
 * {@link ValidationPlan}, so the Python engine is scored on exactly the rows and folds the Tribuo engine is.
 *
 * <p>The recipe is fitted once on every searched row, not once per fold as the Tribuo engine does: its imputation
 * values and category codes see the validation rows (their targets only through a target-encoding step, which
 * gives training rows out-of-fold values). The scikit-learn pipeline's own preprocessing is fitted per fold.
 *
 * @param features     the fitted recipe: the exported model's {@code preprocessing_pipeline.json}
 * @param featureNames the matrix's columns, in order
 * @param spec         the spec's data fields (paths, shapes, classes), for the spec JSON
 */
record PythonInputs(FittedFeatures features, List<String> featureNames, Map<String, Object> spec) {
    /** Validation fold of a row that only ever trains (holdout's training rows). */
    static final int TRAIN_ONLY = -1;

    /**
     * Writes the files into {@code dir}.
     *
     * @throws IOException when a file cannot be written
     */
    static PythonInputs write(PreparedRun p, Path dir) throws IOException {
        LabelledData searched = p.searched();
        FeaturePipeline pipeline = p.folds().pipelines().of(FeatureEncoding.CATEGORY_CODES);
        FeaturePipeline.Fit fit = pipeline.fitTransform(searched.table(), searched.target(), searched.targets());
        FittedFeatures f = fit.features();
        int n = searched.rows();
        FeatureMatrix all = FeatureMatrix.of(f.apply(searched.table()), f.featureNames(), f.categoricalFeatures());
        int w = all.features();
        float[] x = all.rowMajor().clone();
        // Rows the recipe's filters keep train, with the values a learner must see for its own rows (a target
        // encoding's out-of-fold values); filtered rows are only ever validated, with the applied values.
        TrainingRows kept = fit.rows();
        FeatureMatrix keptX = FeatureMatrix.of(kept.features(), f.featureNames(), f.categoricalFeatures());
        byte[] trainable = new byte[n];
        for (int i = 0; i < kept.rows().length; i++) {
            System.arraycopy(keptX.rowMajor(), i * w, x, kept.rows()[i] * w, w);
            trainable[kept.rows()[i]] = 1;
        }
        ValidationPlan plan = p.folds().plan();
        int[] foldOf = new int[n];
        java.util.Arrays.fill(foldOf, TRAIN_ONLY);
        for (int k = 0; k < plan.folds().size(); k++) {
            for (int row : plan.folds().get(k).validation()) foldOf[row] = k;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = searched.targets().isClassification() ? searched.targets().classIndex()[i]
                    : searched.targets().values()[i];
        }
        Path xFile = dir.resolve("x.f32");
        Path yFile = dir.resolve("y.f64");
        Path foldFile = dir.resolve("folds.i32");
        Path trainableFile = dir.resolve("trainable.u8");
        ArrayFiles.writeFloats(xFile, x);
        ArrayFiles.writeDoubles(yFile, y);
        ArrayFiles.writeInts(foldFile, foldOf);
        ArrayFiles.writeBytes(trainableFile, trainable);
        List<String> categorical = new ArrayList<>();
        boolean[] isCat = all.categorical();
        for (int i = 0; i < w; i++) if (isCat[i]) categorical.add(all.names().get(i));

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("task", searched.task().key());
        spec.put("classes", searched.classNames());
        spec.put("rows", n);
        spec.put("features", all.names());
        spec.put("categorical", categorical);
        spec.put("x", xFile.toString());
        spec.put("y", yFile.toString());
        spec.put("folds", foldFile.toString());
        spec.put("trainable", trainableFile.toString());
        if (p.test() != null) {
            FeatureMatrix t = FeatureMatrix.of(f.apply(p.test().table()), f.featureNames(), f.categoricalFeatures());
            Path tFile = dir.resolve("test_x.f32");
            ArrayFiles.writeFloats(tFile, t.rowMajor());
            spec.put("test", Map.of("x", tFile.toString(), "rows", t.rows()));
        }
        return new PythonInputs(f, all.names(), spec);
    }
}
