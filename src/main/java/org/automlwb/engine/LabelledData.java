package org.automlwb.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.automlwb.common.BadInputException;
import org.automlwb.data.WideTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A table whose every row has a target, with the targets read out for the metrics.
 *
 * @param table       the rows that have a target (all columns, target included), in file order
 * @param target      the target column's name
 * @param task        the task
 * @param targets     the target of each row of {@code table}; class indices follow {@link Targets#classNames()}
 * @param droppedRows rows of the input left out because their target was missing
 */
public record LabelledData(Table table, String target, TaskType task, Targets targets, int droppedRows) {
    private static final Logger LOG = LoggerFactory.getLogger(LabelledData.class);

    /** Rows with a target. */
    public int rows() { return table.rowCount(); }

    /** These rows (indices into this data, ascending) as data of their own: the same task, target and classes. */
    public LabelledData select(int[] rows) {
        return new LabelledData(WideTables.rows(table, rows), target, task, targets.select(rows), droppedRows);
    }

    /** Class names in index order; empty for regression. */
    public List<String> classNames() { return targets.classNames(); }

    /**
     * Training data: detects (or checks) the task, drops rows whose target is missing, and reads the targets.
     * Class names are sorted (numerically when every label is a number), so the same data always gives the
     * same class indices; for a binary task the positive class is the second.
     *
     * @param override the task the user forced, or null for automatic
     * @throws BadInputException see {@link TaskDetector#detect(Table, String, TaskType)}
     */
    public static LabelledData forTraining(Table raw, String target, TaskType override) throws BadInputException {
        TaskType task = TaskDetector.detect(raw, target, override);
        Column<?> column = raw.column(target);
        List<String> classNames = List.of();
        if (task.isClassification()) {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < column.size(); i++) {
                if (!TargetValues.isMissing(column, i)) seen.add(TargetValues.label(column, i));
            }
            classNames = TargetValues.sortedClassNames(seen);
        }
        return read(raw, target, task, classNames);
    }

    /**
     * Data to score a trained model on (a test file): the task and classes come from training. Labels unseen
     * in training get class index -1 (counted wrong by every metric); rows without a target are dropped.
     *
     * @throws BadInputException when the target column is absent, or a regression target is not a number
     */
    public static LabelledData forScoring(Table raw, String target, TaskType task, List<String> classNames)
            throws BadInputException {
        TaskDetector.targetColumn(raw, target);
        return read(raw, target, task, task.isClassification() ? List.copyOf(classNames) : List.of());
    }

    private static LabelledData read(Table raw, String target, TaskType task, List<String> classNames)
            throws BadInputException {
        Column<?> column = raw.column(target);
        int n = raw.rowCount();
        List<Integer> keep = new ArrayList<>(n);
        for (int i = 0; i < n; i++) if (!TargetValues.isMissing(column, i)) keep.add(i);
        int[] rows = keep.stream().mapToInt(Integer::intValue).toArray();
        Targets targets = task.isClassification()
                ? classes(column, rows, classNames)
                : values(column, rows, target);
        int dropped = n - rows.length;
        Table table = dropped == 0 ? raw : raw.rows(rows);
        if (dropped > 0) {
            LOG.info("dropped {} of {} rows whose target '{}' is missing", dropped, n, target);
        }
        return new LabelledData(table, target, task, targets, dropped);
    }

    private static Targets classes(Column<?> column, int[] rows, List<String> classNames) {
        Map<String, Integer> index = new HashMap<>();
        for (int c = 0; c < classNames.size(); c++) index.put(classNames.get(c), c);
        int[] out = new int[rows.length];
        int unseen = 0;
        for (int i = 0; i < rows.length; i++) {
            Integer c = index.get(TargetValues.label(column, rows[i]));
            out[i] = c == null ? -1 : c;
            if (c == null) unseen++;
        }
        if (unseen > 0) LOG.warn("{} rows have a target label not seen in training; they count as wrong", unseen);
        return Targets.classes(out, classNames);
    }

    private static Targets values(Column<?> column, int[] rows, String target) throws BadInputException {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double v = TargetValues.number(column, rows[i]);
            if (!Double.isFinite(v)) {
                throw new BadInputException("row " + (rows[i] + 1) + " holds '" + column.getString(rows[i]).trim()
                        + "', which is not a finite number", null, 0, target,
                        "fix the value, or blank it to leave the row out");
            }
            out[i] = v;
        }
        return Targets.regression(out);
    }
}
