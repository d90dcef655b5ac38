package org.automlwb.engine.algo;

import java.util.List;
import org.automlwb.engine.FeatureEncoding;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.space.Config;
import org.automlwb.engine.space.SearchSpace;

/**
 * One learning algorithm of the catalogue: it declares its search space, its strong defaults and its cost,
 * and builds a {@link Learner} for a configuration (Tribuo algorithms through {@link TribuoAlgorithm}). The
 * search never looks inside; a new algorithm plugs in by implementing this and registering in
 * {@link AlgorithmCatalogue}.
 */
public interface Algorithm {
    /** Stable id used in JSON, on the command line and in the leaderboard (e.g. {@code xgboost}). */
    String id();

    /** Name shown to people (e.g. "XGBoost"). */
    String displayName();

    /** Whether it can learn this task at all. */
    boolean supports(TaskType task);

    /** Whether it should run on this data (e.g. KNN and LibSVM only on small data). */
    default boolean appliesTo(DataShape shape) { return supports(shape.task()); }

    /** The hyperparameters a search may vary for this task. */
    SearchSpace space(TaskType task);

    /** Strong default configurations, cheapest first: the portfolio tried before any model-based search. */
    List<Config> portfolio(TaskType task, DataShape shape);

    /** Relative cost of one fit versus a logistic regression on the same data (1.0); used to order work. */
    double relativeCost(DataShape shape);

    /** How the recipe's output must look for it: one-hot, one-hot with numbers standardised, or category codes. */
    FeatureEncoding encoding();

    /**
     * Whether a regression target must be standardised (and predictions mapped back) for this algorithm to fit
     * well. Tribuo's SGD regression has no intercept initialisation or target scaling of its own.
     */
    default boolean needsTargetScaling() { return false; }

    /**
     * Whether every fit of this algorithm takes one JVM-wide lock, so that only one runs at a time however many
     * trial threads there are (LibSVM: {@code synchronized (LibSVMTrainer.class)}). A runner should queue such
     * trials on one lane rather than let them block pool threads.
     */
    default boolean trainsOneAtATime() { return false; }

    /**
     * Whether this algorithm's first portfolio configuration runs right after the cheapest algorithm's, whatever
     * its cost: a strong general-purpose learner, so that a good model exists early even on data where the
     * cheap linear models are slow (kddcup99: LibLinear timed out while XGBoost waited its turn).
     */
    default boolean leadsPortfolio() { return false; }

    /**
     * Heap bytes a fit on all rows holds per row and feature, preprocessing included: the recipe's table of
     * doubles (8), the float feature matrix (4) and the learner's own copies. Tribuo's examples keep a double and
     * a name reference per feature, and its XGBoost a native matrix beside them, hence 48; sizes the final refit to
     * the memory there is ({@code RefitRows}). Generous on purpose: a refit that runs out of memory loses the run.
     */
    default int fitBytesPerCell() { return 48; }

    /** Native threads one fit uses (XGBoost's nThread); 1 for plain Java trainers. */
    default int threadsPerFit(Config config, int threadsAvailable) { return 1; }

    /**
     * Builds the learner for a configuration.
     *
     * @param threads native threads one fit may use ({@link #threadsPerFit})
     */
    Learner learner(TaskType task, Config config, long seed, int threads);
}
