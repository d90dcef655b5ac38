package org.automlwb.engine.ensemble;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;

/**
 * A fitted stacked ensemble: a regularised, non-negative combination of member models' predictions (as H2O's
 * stacked ensemble metalearner), fitted by {@link StackingFitter}.
 * <ul>
 *   <li>Regression: {@code ŷ = b + Σ_m w_m ŷ_m}.</li>
 *   <li>Classification (binary and multiclass alike):
 *       {@code p_c = softmax_c(b_c + Σ_m w_m log(clip(p_mc)))}, probabilities clipped to
 *       {@code [EPS, 1-EPS]} ({@link org.automlwb.engine.Metrics#EPS}) as log loss clips them. For two classes
 *       this is logistic regression on the members' logits: {@code logit p = (b_1 - b_0) + Σ_m w_m logit p_m}.</li>
 * </ul>
 * The weights are shared across classes and never negative, so the stack is a weighted product of experts that
 * can sharpen or soften the members but never turns one upside down; a member of weight 0 is not used at all.
 *
 * <p>Plain arrays and primitives only, so Jackson writes and reads it as is. Immutable: the arrays are copied
 * in and out.
 *
 * @param task    the task the members predict
 * @param weights one weight per member, each finite and at least 0, in the order of the members' predictions
 * @param biases  regression: one entry, the intercept b; classification: one bias per class, in the order of
 *                the probability columns
 * @param lambda  the L2 penalty the weights were fitted with (kept for reports and refits), at least 0
 */
public record StackingMetalearner(TaskType task, double[] weights, double[] biases, double lambda)
        implements Combiner {

    /**
     * Checks and copies the fields.
     *
     * @param task    the task
     * @param weights one non-negative weight per member
     * @param biases  one intercept (regression) or one bias per class
     * @param lambda  the penalty the weights were fitted with
     * @throws IllegalArgumentException when a value is missing, not finite, or the sizes do not fit the task
     */
    public StackingMetalearner {
        Objects.requireNonNull(task, "task");
        weights = Objects.requireNonNull(weights, "weights").clone();
        biases = Objects.requireNonNull(biases, "biases").clone();
        if (weights.length == 0) throw new IllegalArgumentException("a stack needs at least one member");
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) throw new IllegalArgumentException("bad member weight " + w);
        }
        for (double b : biases) if (!Double.isFinite(b)) throw new IllegalArgumentException("bad bias " + b);
        int expected = switch (task) {
            case REGRESSION -> 1;
            case BINARY -> 2;
            case MULTICLASS -> biases.length;
        };
        if (biases.length != expected || biases.length == 0) {
            throw new IllegalArgumentException(task.key() + " stack with " + biases.length + " biases");
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) throw new IllegalArgumentException("bad lambda " + lambda);
    }

    /**
     * A regression stack {@code ŷ = intercept + Σ_m weights[m] ŷ_m}.
     *
     * @param weights   one non-negative weight per member
     * @param intercept b
     * @param lambda    the penalty the weights were fitted with
     * @return the stack
     */
    public static StackingMetalearner regression(double[] weights, double intercept, double lambda) {
        return new StackingMetalearner(TaskType.REGRESSION, weights, new double[] {intercept}, lambda);
    }

    /**
     * A classification stack {@code p_c = softmax_c(biases[c] + Σ_m weights[m] log(clip(p_mc)))}.
     *
     * @param task    binary or multiclass
     * @param weights one non-negative weight per member
     * @param biases  one bias per class (2 for binary)
     * @param lambda  the penalty the weights were fitted with
     * @return the stack
     */
    public static StackingMetalearner classification(TaskType task, double[] weights, double[] biases,
            double lambda) {
        if (!task.isClassification()) throw new IllegalArgumentException("not a classification task: " + task);
        return new StackingMetalearner(task, weights, biases, lambda);
    }

    /** @return one weight per member (a copy) */
    @Override
    public double[] weights() { return weights.clone(); }

    /** @return the intercept, or one bias per class (a copy) */
    @Override
    public double[] biases() { return biases.clone(); }

    /**
     * The weight of one member.
     *
     * @param m the member's index
     * @return its weight
     */
    public double weight(int m) { return weights[m]; }

    /**
     * The members of positive weight, ascending. The others need no refit and no prediction: pass null for
     * them to {@link #combine}.
     *
     * @return the indices of the members that are used
     */
    public int[] usedMembers() {
        int count = 0;
        for (double w : weights) if (w > 0) count++;
        int[] out = new int[count];
        for (int m = 0, j = 0; m < weights.length; m++) if (weights[m] > 0) out[j++] = m;
        return out;
    }

    /**
     * Applies the stack to the members' predictions of some rows: the same function for out-of-fold rows and
     * for new rows. Each probability row of the result sums to 1.
     *
     * @param members one entry per weight, in the same order; entries of weight 0 may be null. At least one
     *                entry must be non-null so the rows are known (when no member is used, any one will do).
     * @throws IllegalArgumentException when the entries do not match the weights, the task, each other in size,
     *                                  or the number of classes
     */
    @Override
    public Predictions combine(List<Predictions> members) {
        if (members.size() != weights.length) {
            throw new IllegalArgumentException(members.size() + " members' predictions for " + weights.length
                    + " weights");
        }
        int n = -1;
        for (int m = 0; m < weights.length; m++) {
            Predictions p = members.get(m);
            if (p == null) {
                if (weights[m] > 0) throw new IllegalArgumentException("member " + m + " is used but has no predictions");
                continue;
            }
            if (p.isClassification() != task.isClassification()) {
                throw new IllegalArgumentException("member " + m + "'s predictions do not fit a " + task.key() + " stack");
            }
            if (n >= 0 && p.size() != n) throw new IllegalArgumentException("members predict different numbers of rows");
            n = p.size();
        }
        if (n < 0) throw new IllegalArgumentException("no member's predictions: the number of rows is unknown");
        return task.isClassification() ? combineProbabilities(members, n) : combineValues(members, n);
    }

    private Predictions combineValues(List<Predictions> members, int n) {
        double[] out = new double[n];
        Arrays.fill(out, biases[0]);
        for (int m = 0; m < weights.length; m++) {
            double w = weights[m];
            if (w == 0) continue;
            double[] v = members.get(m).values();
            for (int i = 0; i < n; i++) out[i] += w * v[i];
        }
        return Predictions.ofValues(out);
    }

    private Predictions combineProbabilities(List<Predictions> members, int n) {
        int k = biases.length;
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) out[i] = biases.clone();
        for (int m = 0; m < weights.length; m++) {
            double w = weights[m];
            if (w == 0) continue;
            double[][] p = members.get(m).probabilities();
            for (int i = 0; i < n; i++) {
                double[] pi = p[i];
                if (pi.length != k) {
                    throw new IllegalArgumentException("member " + m + " has " + pi.length + " classes, the stack " + k);
                }
                double[] s = out[i];
                for (int c = 0; c < k; c++) s[c] += w * Math.log(LogProbabilities.clip(pi[c]));
            }
        }
        for (double[] s : out) SoftmaxStackSolver.softmaxInPlace(s);
        return Predictions.ofProbabilities(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StackingMetalearner s && task == s.task && Arrays.equals(weights, s.weights)
                && Arrays.equals(biases, s.biases) && Double.compare(lambda, s.lambda) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(task, Arrays.hashCode(weights), Arrays.hashCode(biases), lambda);
    }

    @Override
    public String toString() {
        return "StackingMetalearner[task=" + task + ", weights=" + Arrays.toString(weights) + ", biases="
                + Arrays.toString(biases) + ", lambda=" + lambda + "]";
    }
}
