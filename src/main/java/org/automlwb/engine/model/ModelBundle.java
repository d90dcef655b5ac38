package org.automlwb.engine.model;

import java.util.ArrayList;
import java.util.List;
import org.automlwb.engine.FinalModel;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.SingleModel;
import org.automlwb.engine.TaskType;
import org.automlwb.engine.ensemble.Calibration;
import org.automlwb.engine.ensemble.StackingMetalearner;
import org.automlwb.engine.ensemble.WeightedAverage;
import tech.tablesaw.api.Table;

/**
 * The final model of a run as it is saved, read back and served: one or more members (each a fitted pipeline and
 * a trained model of one algorithm, in any artifact format), how their predictions combine (one member as it is,
 * a weighted average, or a stacking metalearner), and an optional calibration of the combined probabilities.
 * Immutable; thread-safe for prediction.
 */
public final class ModelBundle implements FinalModel {
    /**
     * One member and its raw weight in a weighted average (e.g. how many times ensemble selection picked it); a
     * stack's members carry weight 1 here and their weights in the metalearner.
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
        SINGLE("single"),
        /** A weighted average of the members' probabilities or values (ensemble selection). */
        WEIGHTED_ENSEMBLE("ensemble"),
        /** A regularised, non-negative metalearner over the members' predictions (stacking). */
        STACK("stack");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The key written in JSON. */
        public String key() { return key; }
    }

    private final List<Member> members;
    private final double[] weights;
    private final StackingMetalearner stack;
    private final Calibration calibration;

    private ModelBundle(List<Member> members, StackingMetalearner stack, Calibration calibration) {
        if (members.isEmpty()) throw new IllegalArgumentException("a model bundle needs members");
        SingleModel first = members.get(0).model();
        for (Member m : members) {
            if (m.model().task() != first.task() || !m.model().classNames().equals(first.classNames())) {
                throw new IllegalArgumentException("the members of a bundle must share task and classes");
            }
        }
        if (stack != null && stack.weights().length != members.size()) {
            throw new IllegalArgumentException("the stack has " + stack.weights().length + " weights for "
                    + members.size() + " members");
        }
        if (stack != null && stack.task() != first.task()) {
            throw new IllegalArgumentException("the stack was fitted for another task");
        }
        if (calibration != null && calibration.kind() != Calibration.Kind.IDENTITY && !first.task().isClassification()) {
            throw new IllegalArgumentException("only probabilities are calibrated");
        }
        this.members = List.copyOf(members);
        this.weights = stack != null ? null
                : new WeightedAverage(members.stream().mapToDouble(Member::weight).toArray()).weights();
        this.stack = stack;
        this.calibration = calibration == null ? Calibration.identity() : calibration;
    }

    /** A bundle of one model. */
    public static ModelBundle single(SingleModel model) {
        return new ModelBundle(List.of(new Member(model, 1.0)), null, null);
    }

    /**
     * A weighted average of members.
     *
     * @throws IllegalArgumentException when there are no members, the weights sum to 0, or the members differ in
     *                                  task or classes
     */
    public static ModelBundle weighted(List<Member> members) {
        return new ModelBundle(members, null, null);
    }

    /**
     * A stack: the metalearner combines the members' predictions (its weights in member order).
     *
     * @throws IllegalArgumentException when the metalearner does not fit the members
     */
    public static ModelBundle stacked(List<SingleModel> members, StackingMetalearner metalearner) {
        List<Member> m = new ArrayList<>();
        for (SingleModel s : members) m.add(new Member(s, 1.0));
        return new ModelBundle(m, metalearner, null);
    }

    /** This bundle with its combined probabilities calibrated (identity: uncalibrated). */
    public ModelBundle calibrated(Calibration c) {
        return new ModelBundle(members, stack, c);
    }

    public Kind kind() {
        if (stack != null) return Kind.STACK;
        return members.size() == 1 ? Kind.SINGLE : Kind.WEIGHTED_ENSEMBLE;
    }

    public List<Member> members() { return members; }

    /**
     * How much each member counts, in member order: a weighted average's weights (summing to 1), or a stack's
     * metalearner weights normalised to sum to 1 (how strongly it listens to each member; 0 for those it ignores).
     */
    public double[] weights() {
        if (weights != null) return weights.clone();
        double[] w = stack.weights();
        double sum = 0;
        for (double x : w) sum += x;
        for (int i = 0; i < w.length; i++) w[i] = sum > 0 ? w[i] / sum : 0;
        return w;
    }

    /** The stack's metalearner, or null when the bundle is not a stack. */
    public StackingMetalearner stack() { return stack; }

    /** The calibration applied to the combined probabilities (identity when none). */
    public Calibration calibration() { return calibration; }

    @Override
    public TaskType task() { return members.get(0).model().task(); }

    @Override
    public List<String> classNames() { return members.get(0).model().classNames(); }

    @Override
    public String describe() {
        String base = switch (kind()) {
            case SINGLE -> members.get(0).model().describe();
            case WEIGHTED_ENSEMBLE -> "ensemble of " + members.size() + " models";
            case STACK -> "stack of " + used() + " models";
        };
        return calibration.kind() == Calibration.Kind.IDENTITY ? base : base + ", calibrated";
    }

    /** Members that contribute to predictions (weight above 0). */
    private int used() {
        int n = 0;
        for (double w : weights()) if (w > 0) n++;
        return n;
    }

    @Override
    public Predictions predict(Table raw) {
        double[] w = weights();
        boolean none = used() == 0; // a stack that ignores every member still needs the number of rows from one
        List<Predictions> each = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            // members with weight 0 add nothing: skip the work, keep a placeholder for the index
            each.add(w[i] == 0 && !(none && i == 0) ? null : members.get(i).model().predict(raw));
        }
        Predictions combined = stack != null ? stack.combine(each) : WeightedAverage.combine(each, weights);
        return calibration.apply(combined);
    }

    /**
     * The weighted average of predictions of the same rows (see {@link WeightedAverage#combine}).
     *
     * @param weights one per entry, at least 0, summing to more than 0 (normalised here)
     */
    public static Predictions combine(List<Predictions> predictions, double[] weights) {
        return WeightedAverage.combine(predictions, weights);
    }
}
