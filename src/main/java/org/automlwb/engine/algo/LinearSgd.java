package org.automlwb.engine.algo;

import java.util.List;
import java.util.Set;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.ChoiceParam;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.IntParam;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.RealParam;
import org.automlwb.engine.space.SearchSpace;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.math.optimisers.RMSProp;
import org.tribuo.math.optimisers.SGD;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Logistic regression (classification, log loss) or least-squares linear regression fitted by stochastic
 * gradient descent. Adam is deliberately absent: Tribuo 4.3.2's Adam multiplies where it should divide.
 */
public final class LinearSgd implements TribuoAlgorithm {
    static final String OPTIMISER = "optimiser";
    static final String ADAGRAD_LR = "adagrad_learning_rate";
    static final String RMSPROP_LR = "rmsprop_learning_rate";
    static final String SGD_LR = "sgd_learning_rate";
    static final String SGD_MOMENTUM = "sgd_momentum";
    static final String EPOCHS = "epochs";
    static final String MINIBATCH = "minibatch";

    private static final String ADAGRAD = "adagrad";
    private static final String RMSPROP = "rmsprop";
    private static final String PLAIN_SGD = "sgd_sqrt_decay";
    /** Tribuo's value for "never log the running loss". */
    private static final int NO_LOGGING = -1;

    @Override public String id() { return "linear_sgd"; }

    @Override public String displayName() { return "Linear model (SGD)"; }

    @Override public boolean supports(TaskType task) { return true; }

    @Override
    public SearchSpace space(TaskType task) {
        return SearchSpace.of(
                new ChoiceParam(OPTIMISER, List.of(ADAGRAD, RMSPROP, PLAIN_SGD),
                        "How each step is sized. AdaGrad and RMSProp adapt the step per feature; plain SGD uses "
                                + "one step size that shrinks with the square root of the step count."),
                new RealParam(ADAGRAD_LR, 0.01, 1.0, true,
                        "AdaGrad's initial step size. Larger learns faster but can overshoot.",
                        new Param.Condition(OPTIMISER, Set.of(ADAGRAD))),
                new RealParam(RMSPROP_LR, 3e-3, 0.1, true,
                        "RMSProp's step size. Larger learns faster but can overshoot.",
                        new Param.Condition(OPTIMISER, Set.of(RMSPROP))),
                new RealParam(SGD_LR, 1e-3, 0.1, true,
                        "Plain SGD's initial step size. Larger learns faster but can diverge.",
                        new Param.Condition(OPTIMISER, Set.of(PLAIN_SGD))),
                new ChoiceParam(SGD_MOMENTUM, List.of("none", "standard", "nesterov"),
                        "Momentum carries part of the previous step into the next one, which smooths noisy "
                                + "gradients.", new Param.Condition(OPTIMISER, Set.of(PLAIN_SGD))),
                new IntParam(EPOCHS, 5, 60, true,
                        "Passes over the training data. More passes fit more closely and take longer."),
                new IntParam(MINIBATCH, 1, 64, true,
                        "Examples averaged per step. Larger batches give smoother, fewer steps per pass."));
    }

    @Override
    public List<Config> portfolio(TaskType task, DataShape shape) {
        int epochs = shape.rows() <= 20_000 ? 20 : shape.rows() <= 200_000 ? 10 : 5;
        return List.of(
                Config.of(OPTIMISER, ADAGRAD, ADAGRAD_LR, 0.1, EPOCHS, epochs, MINIBATCH, 1),
                Config.of(OPTIMISER, RMSPROP, RMSPROP_LR, 0.01, EPOCHS, epochs, MINIBATCH, 16));
    }

    @Override public double relativeCost(DataShape shape) { return 1.0; }

    @Override public FeatureEncoding encoding() { return FeatureEncoding.ONE_HOT_SCALED; }

    // The bias starts at 0 and moves by about one step size per update, so a target far from 0 (prices in the
    // thousands) is never reached in a few epochs.
    @Override public boolean needsTargetScaling() { return true; }

    @Override
    public Trainer<? extends Output<?>> trainer(TaskType task, Config config, long seed, int threads) {
        int epochs = config.getInt(EPOCHS, 20);
        int minibatch = config.getInt(MINIBATCH, 1);
        StochasticGradientOptimiser optimiser = optimiser(config);
        if (task.isClassification()) {
            return new org.tribuo.classification.sgd.linear.LinearSGDTrainer(new LogMulticlass(), optimiser, epochs,
                    NO_LOGGING, minibatch, seed);
        }
        return new org.tribuo.regression.sgd.linear.LinearSGDTrainer(new SquaredLoss(), optimiser, epochs,
                NO_LOGGING, minibatch, seed);
    }

    private static StochasticGradientOptimiser optimiser(Config config) {
        String name = config.getString(OPTIMISER, ADAGRAD);
        return switch (name) {
            case ADAGRAD -> new AdaGrad(config.getDouble(ADAGRAD_LR, 0.1), 1e-6);
            case RMSPROP -> new RMSProp(config.getDouble(RMSPROP_LR, 0.01), 0.9);
            case PLAIN_SGD -> SGD.getSqrtDecaySGD(config.getDouble(SGD_LR, 0.01), 0.9, momentum(config));
            default -> throw new IllegalArgumentException("linear_sgd: unknown optimiser '" + name + "'");
        };
    }

    private static SGD.Momentum momentum(Config config) {
        return switch (config.getString(SGD_MOMENTUM, "none")) {
            case "standard" -> SGD.Momentum.STANDARD;
            case "nesterov" -> SGD.Momentum.NESTEROV;
            default -> SGD.Momentum.NONE;
        };
    }
}
