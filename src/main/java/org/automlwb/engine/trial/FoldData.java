package org.automlwb.engine.trial;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.automlwb.data.WideTables;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.FeatureMatrix;
import org.automlwb.engine.FeaturePipeline;
import org.automlwb.engine.FeaturePipelines;
import org.automlwb.engine.FittedFeatures;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.LabelledMatrix;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.prep.TrainingRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * The folds of a run, preprocessed once and shared by every trial: for each fold and each
 * {@link FeatureEncoding} the pipeline is fitted on the fold's training rows only and applied to its training
 * and validation rows. Computed lazily on first use, once, thread-safe; a failed preparation is not cached (the
 * next trial tries again and fails with the same reason).
 *
 * <p>Each fold holds its own copies of the rows, so no {@code DatasetView} (whose row indices would bloat every
 * Tribuo model's provenance, STACK.md) is involved.
 */
public final class FoldData {
    private static final Logger LOG = LoggerFactory.getLogger(FoldData.class);

    private final LabelledData data;
    private final ValidationPlan plan;
    private final FeaturePipelines pipelines;
    private final ConcurrentMap<Key, Once<PreparedFold>> cache = new ConcurrentHashMap<>();

    private record Key(int fold, FeatureEncoding encoding, boolean subsample) { }

    public FoldData(LabelledData data, ValidationPlan plan, FeaturePipelines pipelines) {
        if (plan.rows() != data.rows()) {
            throw new IllegalArgumentException("plan for " + plan.rows() + " rows, data has " + data.rows());
        }
        this.data = data;
        this.plan = plan;
        this.pipelines = pipelines;
    }

    public LabelledData data() { return data; }

    public ValidationPlan plan() { return plan; }

    public FeaturePipelines pipelines() { return pipelines; }

    /** Fold {@code fold} (0-based) of the plan, preprocessed in the given encoding. */
    public PreparedFold fold(int fold, FeatureEncoding encoding) {
        if (fold < 0 || fold >= plan.folds().size()) throw new IndexOutOfBoundsException("fold " + fold);
        return cache.computeIfAbsent(new Key(fold, encoding, false), k -> new Once<>())
                .get(() -> prepare(fold, encoding));
    }

    /**
     * Successive-halving rung 0: fold 0's subsample of training rows (preprocessed by fold 0's pipeline, which
     * was fitted on a superset of them and on no validation row) and fold 0's validation rows.
     *
     * @throws IllegalStateException when the plan has no subsample
     */
    public PreparedFold subsample(FeatureEncoding encoding) {
        if (!plan.hasSubsample()) throw new IllegalStateException("this plan has no subsample");
        return cache.computeIfAbsent(new Key(0, encoding, true), k -> new Once<>())
                .get(() -> subsampleOf(fold(0, encoding)));
    }

    /**
     * Drops every prepared fold, to free their memory once no trial will run again (the final refit fits its own
     * pipeline on all rows). A fold asked for afterwards is prepared again.
     */
    public void release() {
        cache.clear();
    }

    /** The shape algorithms size themselves by, from fold 0's one-hot preprocessing (computes it if needed). */
    public DataShape shape() {
        PreparedFold f0 = fold(0, FeatureEncoding.ONE_HOT);
        return new DataShape(data.task(), data.rows(), f0.featureNames().size(), data.classNames().size(),
                f0.train().x().nonNegative());
    }

    private PreparedFold prepare(int fold, FeatureEncoding encoding) {
        long start = System.nanoTime();
        ValidationPlan.Fold f = plan.folds().get(fold);
        Table train = WideTables.rows(data.table(), f.train());
        Table validation = WideTables.rows(data.table(), f.validation());
        FeaturePipeline.Fit fit = pipelines.of(encoding).fitTransform(train, data.target(),
                data.targets().select(f.train()));
        FittedFeatures fitted = fit.features();
        List<String> names = fitted.featureNames();
        // Row filters act on training rows only: validation rows are all scored, as new rows would be.
        TrainingRows kept = fit.rows();
        int[] trainRows = new int[kept.rows().length];
        for (int i = 0; i < trainRows.length; i++) trainRows[i] = f.train()[kept.rows()[i]];
        FeatureMatrix trainX = FeatureMatrix.of(kept.features(), names, fitted.categoricalFeatures());
        FeatureMatrix validationX = FeatureMatrix.of(fitted.apply(validation), names, fitted.categoricalFeatures());
        LabelledMatrix trainSet = LabelledMatrix.of(trainX, data.targets().select(trainRows));
        LabelledMatrix validationSet = LabelledMatrix.of(validationX, data.targets().select(f.validation()));
        LOG.debug("prepared fold {} ({}): {} train, {} validation rows, {} features in {} ms", fold,
                encoding, trainRows.length, f.validation().length, names.size(),
                (System.nanoTime() - start) / 1_000_000);
        return new PreparedFold(trainSet, validationSet, trainRows, f.validation());
    }

    private PreparedFold subsampleOf(PreparedFold fold0) {
        int[] rows = plan.subsample();
        int[] positions = new int[rows.length];
        int[] used = new int[rows.length];
        int count = 0;
        for (int row : rows) {
            int position = Arrays.binarySearch(fold0.trainRows(), row);
            if (position < 0) continue; // a row the recipe's filters took out of training
            positions[count] = position;
            used[count++] = row;
        }
        positions = Arrays.copyOf(positions, count);
        LabelledMatrix train = LabelledMatrix.of(fold0.train().x().rows(positions),
                fold0.train().targets().select(positions));
        return new PreparedFold(train, fold0.validation(), Arrays.copyOf(used, count), fold0.validationRows());
    }
}
