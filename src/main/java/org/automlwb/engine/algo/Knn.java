package org.automlwb.engine.algo;

import java.util.List;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.ChoiceParam;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.SearchSpace;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.math.distance.DistanceType;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.ensemble.AveragingCombiner;

/**
 * k nearest neighbours, on small data only (prediction compares each row with every training row, and the
 * model stores the whole training set). Classification probabilities are the neighbours' vote fractions,
 * exposed through {@link ProbabilityWrappingTrainer} because Tribuo's KNN model is flagged as not
 * probabilistic.
 */
public final class Knn implements TribuoAlgorithm {
    static final String K = "k";
    static final String DISTANCE = "distance";
    /** Largest training set KNN is tried on. */
    static final int MAX_ROWS = 10_000;
    // One thread: KNN's own parallelism would step outside the runner's thread budget.
    private static final int THREADS = 1;

    @Override public String id() { return "knn"; }

    @Override public String displayName() { return "k nearest neighbours"; }

    @Override public boolean supports(TaskType task) { return true; }

    @Override
    public boolean appliesTo(DataShape shape) {
        return supports(shape.task()) && shape.rows() <= MAX_ROWS;
    }

    @Override
    public SearchSpace space(TaskType task) {
        // k starts at 3: with fewer neighbours, class probabilities are nearly all 0 or 1 and log loss explodes.
        return SearchSpace.of(
                new IntParam(K, 3, 40, true,
                        "Neighbours that vote on each prediction. More neighbours give smoother, less noisy "
                                + "predictions but blur fine detail."),
                new ChoiceParam(DISTANCE, List.of("l2", "l1", "cosine"),
                        "How closeness is measured: straight-line (l2), sum of absolute differences (l1, less "
                                + "swayed by one large difference), or angle between rows (cosine).",
                        (Param.Condition) null));
    }

    @Override
    public List<Config> portfolio(TaskType task, DataShape shape) {
        // A wider vote for more rows; about sqrt(rows) / 2 keeps it local on small data.
        int wide = (int) Math.max(5, Math.min(40, Math.round(Math.sqrt(shape.rows()) / 2)));
        return List.of(Config.of(K, 10, DISTANCE, "l2"), Config.of(K, wide, DISTANCE, "l1"));
    }

    @Override
    public double relativeCost(DataShape shape) {
        // Training is free; scoring grows with rows x rows (3,000 rows scored against themselves: 38x a logistic
        // fit; a validation fold is a fraction of that).
        return 1.0 + shape.rows() / 250.0;
    }

    @Override public FeatureEncoding encoding() { return FeatureEncoding.ONE_HOT_SCALED; }

    @Override
    public Trainer<? extends Output<?>> trainer(TaskType task, Config config, long seed, int threads) {
        int k = config.getInt(K, 10);
        org.tribuo.math.distance.Distance distance = distance(config.getString(DISTANCE, "l2")).getDistance();
        if (task.isClassification()) {
            return new ProbabilityWrappingTrainer(new KNNTrainer<Label>(k, distance, THREADS, new VotingCombiner(),
                    KNNModel.Backend.THREADPOOL, NeighboursQueryFactoryType.BRUTE_FORCE));
        }
        return new KNNTrainer<Regressor>(k, distance, THREADS, new AveragingCombiner(), KNNModel.Backend.THREADPOOL,
                NeighboursQueryFactoryType.BRUTE_FORCE);
    }

    private static DistanceType distance(String name) {
        return switch (name) {
            case "l1" -> DistanceType.L1;
            case "cosine" -> DistanceType.COSINE;
            case "l2" -> DistanceType.L2;
            default -> throw new IllegalArgumentException("knn: unknown distance '" + name + "'");
        };
    }
}
