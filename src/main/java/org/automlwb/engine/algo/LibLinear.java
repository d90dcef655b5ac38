package org.automlwb.engine.algo;

import java.util.List;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.ChoiceParam;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.RealParam;
import org.automlwb.engine.space.SearchSpace;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.regression.liblinear.LibLinearRegressionTrainer;
import org.tribuo.regression.liblinear.LinearRegressionType;

/**
 * LIBLINEAR: regularised logistic regression for classification (only the logistic solvers, whose models
 * report probabilities; the SVC solvers do not), L2-regularised L2-loss support vector regression otherwise.
 */
public final class LibLinear implements TribuoAlgorithm {
    static final String C = "C";
    static final String PENALTY = "penalty";
    private static final int MAX_ITERATIONS = 1000;
    private static final double TOLERANCE = 0.01;
    // The SVR insensitivity width is in target units, which differ per data set: 0 keeps it a plain L2 loss.
    private static final double SVR_EPSILON = 0.0;

    @Override public String id() { return "liblinear"; }

    @Override public String displayName() { return "LIBLINEAR linear model"; }

    @Override public boolean supports(TaskType task) { return true; }

    @Override
    public SearchSpace space(TaskType task) {
        RealParam c = new RealParam(C, 1e-3, 1e3, true,
                "Inverse regularisation strength. Larger C fits the training data more closely; smaller C keeps "
                        + "weights small and the model simpler.");
        if (!task.isClassification()) return SearchSpace.of(c);
        return SearchSpace.of(c, new ChoiceParam(PENALTY, List.of("l2", "l1"),
                "l2 shrinks all weights smoothly; l1 drives unhelpful weights to exactly zero (feature selection).",
                (Param.Condition) null));
    }

    @Override
    public List<Config> portfolio(TaskType task, DataShape shape) {
        if (!task.isClassification()) return List.of(Config.of(C, 1.0));
        return List.of(Config.of(C, 1.0, PENALTY, "l2"), Config.of(C, 0.1, PENALTY, "l1"));
    }

    @Override public double relativeCost(DataShape shape) { return 0.7; }

    @Override public FeatureEncoding encoding() { return FeatureEncoding.ONE_HOT_SCALED; }

    @Override
    public Trainer<? extends Output<?>> trainer(TaskType task, Config config, long seed, int threads) {
        double c = config.getDouble(C, 1.0);
        if (task.isClassification()) {
            LinearClassificationType.LinearType type = "l1".equals(config.getString(PENALTY, "l2"))
                    ? LinearClassificationType.LinearType.L1R_LR : LinearClassificationType.LinearType.L2R_LR;
            return new LibLinearClassificationTrainer(new LinearClassificationType(type), c, MAX_ITERATIONS,
                    TOLERANCE, seed);
        }
        return new LibLinearRegressionTrainer(
                new LinearRegressionType(LinearRegressionType.LinearType.L2R_L2LOSS_SVR), c, MAX_ITERATIONS,
                TOLERANCE, SVR_EPSILON, seed);
    }
}
