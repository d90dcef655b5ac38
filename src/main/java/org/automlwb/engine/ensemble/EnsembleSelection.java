package org.automlwb.engine.ensemble;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.automlwb.engine.Predictions;

/**
 * The result of greedy ensemble selection.
 *
 * @param weights     the weight of each member trial, by trial id in ascending order; positive, summing to 1
 * @param score       the ensemble's metric on the out-of-fold rows (in the metric's own direction)
 * @param loss        the same as a loss, {@code metric.toLoss(score)}
 * @param predictions the ensemble's out-of-fold predictions: the weighted average of the members'
 *                    probabilities or values. The arrays belong to this selection; do not modify them.
 */
public record EnsembleSelection(Map<Integer, Double> weights, double score, double loss, Predictions predictions) {
    public EnsembleSelection {
        weights = Collections.unmodifiableMap(new TreeMap<>(weights));
    }

    /** The weight of a trial, 0 when it is not a member. */
    public double weight(int trialId) { return weights.getOrDefault(trialId, 0.0); }

    /** The member trials' ids, ascending. */
    public java.util.Set<Integer> members() { return weights.keySet(); }
}
