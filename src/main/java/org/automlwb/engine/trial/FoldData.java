package org.automlwb.engine.trial;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.automlwb.engine.FeatureMatrix;
import org.automlwb.engine.FeaturePipelines;
import org.automlwb.engine.FittedFeatures;
import org.automlwb.engine.LabelledData;
import org.automlwb.engine.OutputAdapter;
import org.automlwb.engine.algo.DataShape;
import org.automlwb.prep.TrainingRows;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.Example;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import tech.tablesaw.api.Table;

/**
 * The folds of a run, preprocessed once and shared by every trial: for each fold and each variant (plain or
 * scaled) the pipeline is fitted on the fold's training rows only and applied to its training and validation
 * rows. Computed lazily on first use, once, thread-safe; a failed preparation is not cached (the next trial
 * tries again and fails with the same reason).
 *
 * <p>Each fold holds its own copies of the examples, so no {@code DatasetView} (whose row indices would bloat
 * every model's provenance, STACK.md) is involved.
 */
public final class FoldData {
    private static final Logger LOG = LoggerFactory.getLogger(FoldData.class);

    private final LabelledData data;
    private final ValidationPlan plan;
    private final FeaturePipelines pipelines;
    private final OutputAdapter<?> outputs;
    private final ConcurrentMap<Key, Once<PreparedFold<?>>> cache = new ConcurrentHashMap<>();

    private record Key(int fold, boolean scaled, boolean subsample) { }

    public FoldData(LabelledData data, ValidationPlan plan, FeaturePipelines pipelines) {
        if (plan.rows() != data.rows()) {
            throw new IllegalArgumentException("plan for " + plan.rows() + " rows, data has " + data.rows());
        }
        this.data = data;
        this.plan = plan;
        this.pipelines = pipelines;
        this.outputs = OutputAdapter.of(data.task(), data.classNames(), data.target());
    }

    public LabelledData data() { return data; }

    public ValidationPlan plan() { return plan; }

    public FeaturePipelines pipelines() { return pipelines; }

    /** The Tribuo output adapter for this data's task and classes. */
    public OutputAdapter<?> outputs() { return outputs; }

    /**
     * Fold {@code fold} (0-based) of the plan, preprocessed with the plain or the scaled pipeline.
     *
     * @param <T> the output type: {@code Label} for classification, {@code Regressor} for regression
     */
    @SuppressWarnings("unchecked")
    public <T extends Output<T>> PreparedFold<T> fold(int fold, boolean scaled) {
        if (fold < 0 || fold >= plan.folds().size()) throw new IndexOutOfBoundsException("fold " + fold);
        return (PreparedFold<T>) cache.computeIfAbsent(new Key(fold, scaled, false), k -> new Once<>())
                .get(() -> prepare(fold, scaled, (OutputAdapter<T>) outputs));
    }

    /**
     * Successive-halving rung 0: fold 0's subsample of training rows (preprocessed by fold 0's pipeline, which
     * was fitted on a superset of them and on no validation row) and fold 0's validation rows.
     *
     * @throws IllegalStateException when the plan has no subsample
     */
    @SuppressWarnings("unchecked")
    public <T extends Output<T>> PreparedFold<T> subsample(boolean scaled) {
        if (!plan.hasSubsample()) throw new IllegalStateException("this plan has no subsample");
        return (PreparedFold<T>) cache.computeIfAbsent(new Key(0, scaled, true), k -> new Once<>())
                .get(() -> subsampleOf(fold(0, scaled), (OutputAdapter<T>) outputs));
    }

    /** The shape algorithms size themselves by, from fold 0's plain preprocessing (computes it if needed). */
    public DataShape shape() {
        PreparedFold<?> f0 = fold(0, false);
        boolean nonNegative = true;
        for (Example<?> e : f0.train()) {
            for (var feature : e) {
                if (feature.getValue() < 0) {
                    nonNegative = false;
                    break;
                }
            }
            if (!nonNegative) break;
        }
        return new DataShape(data.task(), data.rows(), f0.featureNames().size(), data.classNames().size(),
                nonNegative);
    }

    private <T extends Output<T>> PreparedFold<T> prepare(int fold, boolean scaled, OutputAdapter<T> out) {
        long start = System.nanoTime();
        ValidationPlan.Fold f = plan.folds().get(fold);
        Table train = data.table().rows(f.train());
        Table validation = data.table().rows(f.validation());
        FittedFeatures fitted = pipelines.forScaling(scaled).fit(train, data.target());
        List<String> names = fitted.featureNames();
        // Row filters act on training rows only: validation rows are all scored, as new rows would be.
        TrainingRows kept = fitted.applyForTraining(train);
        int[] trainRows = new int[kept.rows().length];
        for (int i = 0; i < trainRows.length; i++) trainRows[i] = f.train()[kept.rows()[i]];
        FeatureMatrix trainX = FeatureMatrix.of(kept.features(), names);
        FeatureMatrix validationX = FeatureMatrix.of(fitted.apply(validation), names);
        MutableDataset<T> ds = FeatureMatrix.dataset(
                trainX.examples(i -> out.truth(data.targets(), trainRows[i])), out.factory(),
                "fold " + fold + " training rows");
        List<Example<T>> val = validationX.examples(i -> out.truth(data.targets(), f.validation()[i]));
        LOG.debug("prepared fold {} ({}): {} train, {} validation rows, {} features in {} ms", fold,
                scaled ? "scaled" : "plain", trainRows.length, f.validation().length, names.size(),
                (System.nanoTime() - start) / 1_000_000);
        return new PreparedFold<>(ds, val, trainRows, f.validation(), names);
    }

    private <T extends Output<T>> PreparedFold<T> subsampleOf(PreparedFold<T> fold0, OutputAdapter<T> out) {
        int[] rows = plan.subsample();
        List<Example<T>> examples = new java.util.ArrayList<>(rows.length);
        int[] used = new int[rows.length];
        for (int row : rows) {
            int position = Arrays.binarySearch(fold0.trainRows(), row);
            if (position < 0) continue; // a row the recipe's filters took out of training
            used[examples.size()] = row;
            examples.add(fold0.train().getExample(position));
        }
        MutableDataset<T> ds = FeatureMatrix.dataset(examples, out.factory(), "fold 0 subsample");
        return new PreparedFold<>(ds, fold0.validation(), Arrays.copyOf(used, examples.size()),
                fold0.validationRows(), fold0.featureNames());
    }
}
