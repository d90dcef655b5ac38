package org.automlwb.engine.algo;

import java.util.List;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.Param;
import org.automlwb.engine.space.RealParam;
import org.automlwb.engine.space.SearchSpace;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.libsvm.LibSVMRegressionTrainer;
import org.tribuo.regression.libsvm.SVMRegressionType;

/**
 * Kernel support vector machine with an RBF kernel (LIBSVM), on small data only: training grows roughly with
 * the square of the rows. Classification turns on LIBSVM's probability estimates (Platt scaling fitted by an
 * internal cross-validation, which costs several extra fits); regression is epsilon-SVR on a standardised
 * target. Tribuo runs only one LIBSVM fit at a time in the whole JVM.
 */
public final class LibSvm implements TribuoAlgorithm {
    static final String C = "C";
    static final String GAMMA = "gamma";
    static final String EPSILON = "epsilon";
    /** Largest training set LIBSVM is tried on. */
    static final int MAX_ROWS = 5_000;
    private static final double CACHE_MB = 200.0;

    static {
        // LIBSVM prints its optimiser progress to System.out (JVM-wide): that would corrupt command-line output
        // such as JSON. Tribuo does not silence it, unlike LIBLINEAR's.
        libsvm.svm.svm_set_print_string_function(message -> { });
    }

    @Override public String id() { return "libsvm"; }

    @Override public String displayName() { return "Support vector machine (RBF)"; }

    @Override public boolean supports(TaskType task) { return true; }

    @Override
    public boolean appliesTo(DataShape shape) {
        return supports(shape.task()) && shape.rows() <= MAX_ROWS;
    }

    @Override
    public SearchSpace space(TaskType task) {
        RealParam c = new RealParam(C, 0.03, 1000.0, true,
                "Penalty for training errors. Larger C fits the training data more tightly; smaller C gives a "
                        + "smoother boundary.");
        RealParam gamma = new RealParam(GAMMA, 1e-4, 4.0, true,
                "Kernel width: how far one training row's influence reaches. Larger gamma means shorter reach "
                        + "and wigglier boundaries.");
        if (task.isClassification()) return SearchSpace.of(c, gamma);
        return SearchSpace.of(c, gamma, new RealParam(EPSILON, 1e-3, 1.0, true,
                "Width of the no-penalty tube around the target, in standard deviations of the target. Wider "
                        + "tubes ignore small errors and give simpler models.", (Param.Condition) null));
    }

    @Override
    public List<Config> portfolio(TaskType task, DataShape shape) {
        // LIBSVM's usual default gamma is 1 / features (on standardised inputs).
        double gamma = Math.max(1e-4, Math.min(4.0, 1.0 / Math.max(1, shape.features())));
        Config base = Config.of(C, 1.0, GAMMA, gamma);
        Config wider = Config.of(C, 10.0, GAMMA, gamma);
        if (task.isClassification()) return List.of(base, wider);
        return List.of(base.with(EPSILON, 0.1), wider.with(EPSILON, 0.05));
    }

    @Override
    public double relativeCost(DataShape shape) {
        // Grows with the square of the rows; 3,000 x 10 with probability estimates took 36x a logistic fit.
        double thousands = shape.rows() / 1000.0;
        return 2.0 + 5.0 * thousands * thousands;
    }

    @Override public FeatureEncoding encoding() { return FeatureEncoding.ONE_HOT_SCALED; }

    @Override public boolean trainsOneAtATime() { return true; }

    @Override
    public Trainer<? extends Output<?>> trainer(TaskType task, Config config, long seed, int threads) {
        if (task.isClassification()) {
            SVMParameters<Label> params = new SVMParameters<>(
                    new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC), KernelType.RBF);
            configure(params, config);
            params.setProbability();
            return new LibSVMClassificationTrainer(params, seed);
        }
        SVMParameters<Regressor> params = new SVMParameters<>(
                new SVMRegressionType(SVMRegressionType.SVMMode.EPSILON_SVR), KernelType.RBF);
        configure(params, config);
        params.setEpsilon(config.getDouble(EPSILON, 0.1));
        return new LibSVMRegressionTrainer(params, true, seed);
    }

    private static void configure(SVMParameters<?> params, Config config) {
        params.setCost(config.getDouble(C, 1.0));
        params.setGamma(config.getDouble(GAMMA, 0.1));
        params.setCacheSize(CACHE_MB);
    }
}
