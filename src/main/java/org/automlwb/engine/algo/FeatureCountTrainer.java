package org.automlwb.engine.algo;

import java.util.Map;
import java.util.function.IntFunction;
import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import org.tribuo.Dataset;
import org.tribuo.Model;
import org.tribuo.Output;
import org.tribuo.Trainer;
import org.tribuo.provenance.TrainerProvenance;

/**
 * Builds the real trainer only when the data arrives, from its feature count.
 *
 * <p>Tribuo's CART considers {@code Math.round(fractionFeaturesInSplit * features)} features per split: a fraction
 * sampled from a search space can round to zero on narrow data (the tree then never splits), and random forests
 * additionally need the fraction below 1. {@link Algorithm#trainer} does not see the data, so forests defer the
 * choice to here; see {@link #splitFraction}.
 *
 * @param <T> the output type
 */
final class FeatureCountTrainer<T extends Output<T>> implements Trainer<T> {
    /** A nominal feature count, only used to build the trainer whose provenance describes this one. */
    private static final int NOMINAL_FEATURES = 1000;

    private final IntFunction<Trainer<T>> factory;
    private final TrainerProvenance provenance;
    private int invocations;

    /** @param factory builds the trainer for a given number of features */
    FeatureCountTrainer(IntFunction<Trainer<T>> factory) {
        this.factory = factory;
        this.provenance = factory.apply(NOMINAL_FEATURES).getProvenance();
    }

    /**
     * A fraction of features per split that selects at least one feature and stays at most {@code max}.
     *
     * @param requested the configured fraction
     * @param features  features in the data
     * @param max       the largest fraction allowed (random forests need it below 1)
     */
    static float splitFraction(double requested, int features, float max) {
        float atLeastOne = 1.0f / Math.max(1, features);
        return Math.min(max, Math.max((float) requested, atLeastOne));
    }

    @Override
    public Model<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance) {
        return train(examples, runProvenance, INCREMENT_INVOCATION_COUNT);
    }

    @Override
    public Model<T> train(Dataset<T> examples, Map<String, Provenance> runProvenance, int invocationCount) {
        int count;
        synchronized (this) {
            if (invocationCount != INCREMENT_INVOCATION_COUNT) invocations = invocationCount;
            count = invocations++;
        }
        // A fresh trainer per fit, told how many fits came before, draws the same random streams as one
        // reused trainer would.
        return factory.apply(examples.getFeatureIDMap().size()).train(examples, runProvenance, count);
    }

    @Override
    public synchronized int getInvocationCount() {
        return invocations;
    }

    @Override
    public synchronized void setInvocationCount(int invocationCount) {
        invocations = invocationCount;
    }

    @Override
    public TrainerProvenance getProvenance() {
        return provenance;
    }

    @Override
    public String toString() {
        return "FeatureCountTrainer(" + factory.apply(NOMINAL_FEATURES) + ")";
    }
}
