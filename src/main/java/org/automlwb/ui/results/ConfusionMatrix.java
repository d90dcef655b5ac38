package org.automlwb.ui.results;

import java.util.List;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.Targets;

/**
 * Counts of true class (row) against predicted class (column, the most probable one).
 *
 * @param classes class names, the order of rows and columns
 * @param counts  counts[truth][predicted]
 */
public record ConfusionMatrix(List<String> classes, int[][] counts) {
    public static ConfusionMatrix of(Targets truth, Predictions predictions) {
        int k = Math.max(truth.classNames().size(), predictions.probabilities()[0].length);
        int[][] counts = new int[k][k];
        int[] predicted = predictions.argmax();
        for (int i = 0; i < predicted.length; i++) counts[truth.classIndex()[i]][predicted[i]]++;
        return new ConfusionMatrix(List.copyOf(truth.classNames()), counts);
    }

    /** How many rows have class {@code truth}: cells are shaded by their share of it. */
    public int rowTotal(int truth) {
        int s = 0;
        for (int c : counts[truth]) s += c;
        return s;
    }

    /** Share of all rows on the diagonal. */
    public double accuracy() {
        long right = 0;
        long all = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) {
                all += counts[i][j];
                if (i == j) right += counts[i][j];
            }
        }
        return all == 0 ? Double.NaN : right / (double) all;
    }
}
