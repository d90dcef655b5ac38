package org.automlwb.spark.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.automlwb.common.BadInputException;
import org.automlwb.data.ColumnProfile;
import org.automlwb.engine.TaskDetector;
import org.automlwb.engine.TaskType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * The task decided from a large source's target the way {@link TaskDetector} decides it on a table, from the
 * profile's aggregates and one small group-by: classification when the target is text, or integers with at most
 * {@value TaskDetector#MAX_INTEGER_CLASSES} distinct values; two classes make it binary. The class counts come
 * back too: the stratified sample draws from each class by them.
 *
 * @param task    the task
 * @param classes class value (as Spark holds it) to its rows, most rows first; empty for regression
 */
record SparkTask(TaskType task, Map<Object, Long> classes) {
    /** More classes than this is no classification the search can do on a sample; said in one line. */
    static final int MAX_CLASSES = 1_000;

    /**
     * @param override the task the user forced, or null
     * @throws BadInputException as {@link TaskDetector#detect(Table, String, TaskType)} would on the whole data,
     *                           and when the target has more than {@value #MAX_CLASSES} classes
     */
    static SparkTask decide(SparkSource source, SparkProfile profile, String target, TaskType override)
            throws BadInputException {
        ColumnProfile t = profile.column(target);
        if (t == null) throw noSuchTarget(source, target);
        long present = t.count() - t.missing();
        if (present == 0) {
            throw new BadInputException("every value of the target is blank", null, 0, target,
                    "choose a column that holds what you want to predict");
        }
        boolean numeric = t.kind().isNumeric();
        boolean integral = numeric && profile.targetFraction() == 0;
        if (override == TaskType.REGRESSION) {
            if (!numeric) {
                throw new BadInputException("regression needs numbers, but the target holds text", null, 0, target,
                        "use --task auto, binary or multiclass");
            }
            if (t.distinct() < 2) {
                throw new BadInputException("every row has the same target value, so there is nothing to predict",
                        null, 0, target, "choose another target column");
            }
            return new SparkTask(TaskType.REGRESSION, Map.of());
        }
        boolean classes = override != null || !numeric || integral;
        // The sketch is exact to within 2%: far above the class limit it is a quantity without counting exactly.
        if (!classes || override == null && numeric && t.distinct() > 2L * TaskDetector.MAX_INTEGER_CLASSES) {
            return new SparkTask(TaskType.REGRESSION, Map.of());
        }
        Map<Object, Long> counts = classCounts(source, target);
        if (counts.size() > TaskDetector.MAX_INTEGER_CLASSES && override == null && numeric) {
            return new SparkTask(TaskType.REGRESSION, Map.of());
        }
        if (counts.size() > MAX_CLASSES) {
            throw new BadInputException("the target has more than " + MAX_CLASSES + " classes", null, 0, target,
                    "choose another target column, or --task regression for a number");
        }
        if (counts.size() < 2) {
            throw new BadInputException("the target has only one class, '" + counts.keySet().iterator().next()
                    + "', so there is nothing to predict", null, 0, target,
                    "choose another target column, or add rows of the other classes");
        }
        if (override == TaskType.BINARY && counts.size() > 2) {
            throw new BadInputException("binary classification needs two classes, but the target has "
                    + counts.size(), null, 0, target, "use --task multiclass or auto");
        }
        TaskType task = override != null ? override : counts.size() == 2 ? TaskType.BINARY : TaskType.MULTICLASS;
        return new SparkTask(task, counts);
    }

    /** Whether the task is a classification (the sample is then drawn class by class). */
    boolean classification() { return !classes.isEmpty(); }

    /** Rows per class value, most first, at most {@value #MAX_CLASSES} + 1 of them: one small group-by. */
    private static Map<Object, Long> classCounts(SparkSource source, String target) {
        List<Row> rows = source.data().where(SparkColumnTypes.col(target).isNotNull())
                .groupBy(SparkColumnTypes.col(target)).count()
                .orderBy(org.apache.spark.sql.functions.col("count").desc())
                .limit(MAX_CLASSES + 1).collectAsList();
        Map<Object, Long> out = new LinkedHashMap<>();
        for (Row r : rows) out.put(r.get(0), r.getLong(1));
        return out;
    }

    /**
     * The loader's message for a target that is not a column, with its suggestions of similar names: the same
     * check run on an empty table with the source's columns.
     */
    static BadInputException noSuchTarget(SparkSource source, String target) {
        Table names = Table.create("columns");
        source.kinds().keySet().forEach(n -> names.addColumns(StringColumn.create(n)));
        try {
            TaskDetector.detect(names, target);
        } catch (BadInputException e) {
            return new BadInputException(e.getMessage() + " in " + source.location(), e.hint());
        }
        return new BadInputException("there is no target column '" + target + "' in " + source.location(),
                "choose one of its columns");
    }
}
