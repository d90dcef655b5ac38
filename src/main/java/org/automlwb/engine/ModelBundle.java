package org.automlwb.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The final model of a run as it is saved, read back and served: one or more members (each a fitted pipeline and
 * a trained model of one algorithm, in any artifact format) and how their predictions combine. A single model is
 * a bundle of one member. Immutable; thread-safe for prediction.
 */
public final class ModelBundle implements FinalModel {
    /**
     * One member and its raw weight in a weighted average (e.g. how many times ensemble selection picked it).
     *
     * @param model  the member
     * @param weight at least 0
     */
    public record Member(SingleModel model, double weight) {
        public Member {
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("member weight must be finite and >= 0, not " + weight);
            }
        }
    }

    /** How the bundle's members make one prediction. */
    public enum Kind {
        /** One member. */
        SINGLE,
        /** A weighted average of the members' probabilities or values (ensemble selection). */
        WEIGHTED_ENSEMBLE
    }

    private final List<Member> members;
    private final double[] weights;

    private ModelBundle(List<Member> members) {
        if (members.isEmpty()) throw new IllegalArgumentException("a model bundle needs members");
        SingleModel first = members.get(0).model();
        for (Member m : members) {
            if (m.model().task() != first.task() || !m.model().classNames().equals(first.classNames())) {
                throw new IllegalArgumentException("the members of a bundle must share task and classes");
            }
        }
        this.members = List.copyOf(members);
        this.weights = normalised(members.stream().mapToDouble(Member::weight).toArray());
    }

    /** A bundle of one model. */
    public static ModelBundle single(SingleModel model) {
        return new ModelBundle(List.of(new Member(model, 1.0)));
    }

    /**
     * A weighted average of members.
     *
     * @throws IllegalArgumentException when there are no members, the weights sum to 0, or the members differ in
     *                                  task or classes
     */
    public static ModelBundle weighted(List<Member> members) {
        return new ModelBundle(members);
    }

    public Kind kind() { return members.size() == 1 ? Kind.SINGLE : Kind.WEIGHTED_ENSEMBLE; }

    public List<Member> members() { return members; }

    /** The weights, normalised to sum to 1, in member order. */
    public double[] weights() { return weights.clone(); }

    @Override
    public TaskType task() { return members.get(0).model().task(); }

    @Override
    public List<String> classNames() { return members.get(0).model().classNames(); }

    @Override
    public String describe() {
        return members.size() == 1 ? members.get(0).model().describe() : "ensemble of " + members.size() + " models";
    }

    @Override
    public Predictions predict(tech.tablesaw.api.Table raw) {
        List<Predictions> each = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            // members with weight 0 add nothing: skip the work, keep a placeholder for the index
            each.add(weights[i] == 0 ? null : members.get(i).model().predict(raw));
        }
        return combine(each, weights);
    }

    /**
     * The weighted average of predictions of the same rows. Also serves ensemble selection on out-of-fold
     * predictions. Entries whose weight is 0 may be null.
     *
     * @param weights one per entry, at least 0, summing to more than 0 (normalised here)
     */
    public static Predictions combine(List<Predictions> predictions, double[] weights) {
        if (predictions.size() != weights.length) throw new IllegalArgumentException("one weight per prediction");
        double[] w = normalised(weights);
        Predictions ref = null;
        for (int i = 0; i < w.length && ref == null; i++) if (w[i] > 0) ref = predictions.get(i);
        int n = ref.size();
        if (ref.isClassification()) {
            int k = ref.probabilities().length == 0 ? 0 : ref.probabilities()[0].length;
            double[][] out = new double[n][k];
            for (int m = 0; m < w.length; m++) {
                if (w[m] == 0) continue;
                double[][] p = checkSize(predictions.get(m), n).probabilities();
                for (int i = 0; i < n; i++) for (int c = 0; c < k; c++) out[i][c] += w[m] * p[i][c];
            }
            return Predictions.ofProbabilities(out);
        }
        double[] out = new double[n];
        for (int m = 0; m < w.length; m++) {
            if (w[m] == 0) continue;
            double[] v = checkSize(predictions.get(m), n).values();
            for (int i = 0; i < n; i++) out[i] += w[m] * v[i];
        }
        return Predictions.ofValues(out);
    }

    private static Predictions checkSize(Predictions p, int n) {
        if (p.size() != n) throw new IllegalArgumentException("predictions of different sizes: " + p.size() + ", " + n);
        return p;
    }

    private static double[] normalised(double[] weights) {
        double sum = 0;
        for (double x : weights) {
            if (!(x >= 0) || Double.isInfinite(x)) throw new IllegalArgumentException("bad weight " + x);
            sum += x;
        }
        if (!(sum > 0)) throw new IllegalArgumentException("ensemble weights sum to 0");
        double[] out = new double[weights.length];
        for (int i = 0; i < out.length; i++) out[i] = weights[i] / sum;
        return out;
    }
}
