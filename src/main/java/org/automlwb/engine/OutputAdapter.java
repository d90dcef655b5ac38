package org.automlwb.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * Between our {@link Targets}/{@link Predictions} and Tribuo's outputs: {@link Label} for classification,
 * {@link Regressor} for regression.
 *
 * @param <T> the Tribuo output type
 */
public abstract sealed class OutputAdapter<T extends Output<T>> {
    private OutputAdapter() { }

    /**
     * The adapter for a task.
     *
     * @param classNames class names in index order (ignored for regression)
     * @param target     the target's name, used as the regression dimension's name
     */
    public static OutputAdapter<?> of(TaskType task, List<String> classNames, String target) {
        return task.isClassification() ? new Classes(classNames) : new Values(target);
    }

    public abstract OutputFactory<T> factory();

    /** The true output of a row of {@code targets}. */
    public abstract T truth(Targets targets, int row);

    /** The output to attach to rows whose truth is not known (prediction time). */
    public abstract T unknown();

    /**
     * Tribuo predictions as ours: class probabilities in the order of the class names (read by label name and
     * renormalised; a one-hot of the predicted label when the model gives no probabilities or they are
     * unusable), or the predicted values.
     *
     * @throws IllegalStateException when a regression prediction is not a finite number
     */
    public abstract Predictions predictions(List<Prediction<T>> predictions, boolean probabilistic);

    /** The same prediction for every one of {@code rows} rows (a fold whose training rows hold one class). */
    public abstract Predictions constant(T output, int rows);

    /** Classification outputs. */
    static final class Classes extends OutputAdapter<Label> {
        private final List<String> classNames;
        private final Map<String, Integer> index = new HashMap<>();
        private final LabelFactory factory = new LabelFactory();

        Classes(List<String> classNames) {
            this.classNames = List.copyOf(classNames);
            for (int c = 0; c < classNames.size(); c++) index.put(classNames.get(c), c);
        }

        @Override
        public OutputFactory<Label> factory() { return factory; }

        @Override
        public Label truth(Targets targets, int row) {
            int c = targets.classIndex()[row];
            if (c < 0) throw new IllegalArgumentException("row " + row + " has a label unseen in training");
            return new Label(classNames.get(c));
        }

        @Override
        public Label unknown() { return LabelFactory.UNKNOWN_LABEL; }

        @Override
        public Predictions predictions(List<Prediction<Label>> predictions, boolean probabilistic) {
            int k = classNames.size();
            double[][] out = new double[predictions.size()][];
            for (int i = 0; i < out.length; i++) {
                Prediction<Label> p = predictions.get(i);
                double[] row = probabilistic ? scores(p.getOutputScores(), k) : null;
                out[i] = row != null ? row : oneHot(p.getOutput().getLabel(), k);
            }
            return Predictions.ofProbabilities(out);
        }

        /** Scores by label name, renormalised; null when they do not add up to a usable distribution. */
        private double[] scores(Map<String, Label> scores, int k) {
            double[] row = new double[k];
            double sum = 0;
            for (Map.Entry<String, Label> e : scores.entrySet()) {
                Integer c = index.get(e.getKey());
                double s = e.getValue().getScore();
                if (c == null || !(s > 0)) continue; // NaN and negative scores carry no probability
                row[c] = s;
                sum += s;
            }
            if (!(sum > 0) || !Double.isFinite(sum)) return null;
            for (int c = 0; c < k; c++) row[c] /= sum;
            return row;
        }

        @Override
        public Predictions constant(Label output, int rows) {
            double[][] out = new double[rows][];
            for (int i = 0; i < rows; i++) out[i] = oneHot(output.getLabel(), classNames.size());
            return Predictions.ofProbabilities(out);
        }

        private double[] oneHot(String label, int k) {
            double[] row = new double[k];
            Integer c = index.get(label);
            if (c != null) {
                row[c] = 1;
            } else {
                java.util.Arrays.fill(row, 1.0 / k); // a label we never trained on: say nothing
            }
            return row;
        }
    }

    /** Regression outputs (one dimension). */
    static final class Values extends OutputAdapter<Regressor> {
        private final String name;
        private final RegressionFactory factory = new RegressionFactory();

        Values(String name) {
            this.name = name;
        }

        @Override
        public OutputFactory<Regressor> factory() { return factory; }

        @Override
        public Regressor truth(Targets targets, int row) {
            return new Regressor(name, targets.values()[row]);
        }

        @Override
        public Regressor unknown() { return RegressionFactory.UNKNOWN_REGRESSOR; }

        @Override
        public Predictions predictions(List<Prediction<Regressor>> predictions, boolean probabilistic) {
            double[] out = new double[predictions.size()];
            for (int i = 0; i < out.length; i++) {
                double v = predictions.get(i).getOutput().getValues()[0];
                if (!Double.isFinite(v)) throw new IllegalStateException("the model predicted " + v + " for a row");
                out[i] = v;
            }
            return Predictions.ofValues(out);
        }

        @Override
        public Predictions constant(Regressor output, int rows) {
            double[] out = new double[rows];
            java.util.Arrays.fill(out, output.getValues()[0]);
            return Predictions.ofValues(out);
        }
    }
}
