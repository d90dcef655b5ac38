package org.automlwb.export;

import java.util.ArrayList;
import java.util.List;
import org.automlwb.data.ColumnKind;
import org.automlwb.data.WideTables;
import org.automlwb.engine.Predictions;
import org.automlwb.engine.TaskType;
import org.automlwb.prep.InputColumn;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.api.NumericColumn;

/**
 * What drift is measured against: the training distribution of every input column and of the predictions, with
 * the PSI thresholds. Saved in a trained model folder ({@value #FILE}) and copied into
 * {@code deployment/model_monitoring/<model>/monitoring_config.json}.
 *
 * @param features   one reference per input column, in input order
 * @param prediction the reference of the predictions: the predicted class (classification) or value (regression)
 *                   of the out-of-fold validation predictions, or of the training targets when those were not kept
 * @param warn       PSI at or above which a feature is reported as a warning
 * @param alert      PSI at or above which it is an alert
 */
public record MonitoringReference(List<DriftBins> features, DriftBins prediction, double warn, double alert) {
    /** The file in a trained model folder. */
    public static final String FILE = "training_profile.json";
    /** The field of {@code model_metadata.json} that holds this file's SHA-256, checked when the model is loaded. */
    public static final String SHA256_FIELD = "training_profile_sha256";
    /** The usual PSI thresholds. */
    public static final double WARN = 0.1;
    public static final double ALERT = 0.25;

    public MonitoringReference {
        features = List.copyOf(features);
    }

    /**
     * @param train       the training rows
     * @param inputs      the model's input columns and their training types
     * @param predictions predictions of training rows (out-of-fold), or null
     * @param truth       the training targets as predictions (one-hot probabilities or values), used without them
     */
    public static MonitoringReference of(Table train, List<InputColumn> inputs, TaskType task,
                                         List<String> classNames, Predictions predictions, Predictions truth) {
        Table rows = spread(train, REFERENCE_ROWS);
        List<DriftBins> features = new ArrayList<>();
        for (InputColumn in : inputs) {
            Column<?> c = rows.column(in.name());
            features.add(numeric(in.kind()) ? DriftBins.numeric(in.name(), numbers(c))
                    : DriftBins.categorical(in.name(), labels(c)));
        }
        return new MonitoringReference(features, predictionBins(task, classNames,
                predictions != null ? predictions : truth), WARN, ALERT);
    }

    /**
     * Rows a reference bins at most: deciles and category shares from 200,000 rows are within a fraction of a percent
     * of the whole file's, and binning every row of a 2,000,000-row file took 8 s after the run.
     */
    static final int REFERENCE_ROWS = 200_000;

    /** At most {@code most} rows spread evenly over the table (every k-th), so a sorted file is covered end to end. */
    static Table spread(Table table, int most) {
        int n = table.rowCount();
        if (n <= most) return table;
        int[] rows = new int[most];
        for (int i = 0; i < most; i++) rows[i] = (int) ((long) i * n / most);
        return WideTables.rows(table, rows);
    }

    private static DriftBins predictionBins(TaskType task, List<String> classNames, Predictions p) {
        return task.isClassification() ? DriftBins.categorical("prediction", predictedLabels(p, classNames))
                : DriftBins.numeric("prediction", p.values());
    }

    /** The predicted class names of classification predictions. */
    public static String[] predictedLabels(Predictions p, List<String> classNames) {
        int[] best = p.argmax();
        String[] out = new String[best.length];
        for (int i = 0; i < best.length; i++) out[i] = classNames.get(best[i]);
        return out;
    }

    /** Whether a column of this training type is binned as numbers. */
    static boolean numeric(ColumnKind kind) {
        return kind.isNumeric() || kind == ColumnKind.DATE || kind == ColumnKind.DATETIME;
    }

    /** A column as numbers (dates as days, date-times as seconds since 1970); NaN = missing or not a number. */
    public static double[] numbers(Column<?> c) {
        int n = c.size();
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            if (c.isMissing(i)) {
                out[i] = Double.NaN;
            } else if (c instanceof NumericColumn<?> nc) {
                out[i] = nc.getDouble(i);
            } else if (c instanceof DateColumn dc) {
                out[i] = dc.get(i).toEpochDay();
            } else if (c instanceof DateTimeColumn dt) {
                out[i] = dt.get(i).toEpochSecond(java.time.ZoneOffset.UTC);
            } else if (c instanceof BooleanColumn bc) {
                out[i] = bc.get(i) ? 1 : 0;
            } else {
                out[i] = parse(c.getString(i));
            }
        }
        return out;
    }

    private static double parse(String s) {
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A column as labels; null = missing. */
    public static String[] labels(Column<?> c) {
        int n = c.size();
        String[] out = new String[n];
        for (int i = 0; i < n; i++) out[i] = c.isMissing(i) ? null : c.getString(i);
        return out;
    }
}
