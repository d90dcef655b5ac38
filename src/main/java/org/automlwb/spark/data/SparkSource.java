package org.automlwb.spark.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.automlwb.common.BadInputException;
import org.automlwb.data.ColumnKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A large location opened as a Spark {@link Dataset}, with the columns the workbench reads and their types. Spark
 * reads lazily: opening lists the files and reads the schema (Parquet footers; for CSV one pass to infer the
 * types), nothing else.
 *
 * @param location    the location as given
 * @param format      how it is read
 * @param data        the columns read, in source order
 * @param kinds       column name to type, as the CSV loader types a column
 * @param unsupported one sentence per column left out (nested, binary, intervals...)
 */
record SparkSource(String location, SparkFormat format, Dataset<Row> data, Map<String, ColumnKind> kinds,
                   List<String> unsupported) {
    private static final Logger LOG = LoggerFactory.getLogger(SparkSource.class);

    /**
     * Opens {@code location}.
     *
     * @throws BadInputException naming the location, when Spark cannot read it or it holds no readable column
     */
    static SparkSource open(SparkSession spark, String location) throws BadInputException {
        SparkFormat format = SparkFormat.of(location);
        Dataset<Row> all;
        try {
            all = format == SparkFormat.PARQUET ? spark.read().parquet(location)
                    // inferSchema: one pass over the files to type each column from every value, as the CSV
                    // loader does; sampling would mistype a column whose first decimal comes late.
                    : spark.read().option("header", "true").option("inferSchema", "true")
                    .option("mode", "PERMISSIVE").csv(location);
        } catch (Exception e) { // AnalysisException is checked in Java's eyes yet undeclared (Scala)
            throw unreadable(location, format, e);
        }
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        List<String> unsupported = new ArrayList<>();
        for (StructField f : all.schema().fields()) {
            ColumnKind kind = SparkColumnTypes.kindOf(f.dataType());
            if (kind == null) {
                unsupported.add("column '" + f.name() + "': the Spark type " + f.dataType().simpleString()
                        + " is not read; the other columns are");
            } else {
                kinds.put(f.name(), kind);
            }
        }
        if (kinds.isEmpty()) {
            throw new BadInputException("Spark finds no readable column in " + location + " (read as "
                    + format.key() + ")", "give a Parquet or CSV location with flat columns of numbers, text, "
                    + "booleans or dates");
        }
        Dataset<Row> read;
        try {
            read = all.select(kinds.keySet().stream().map(SparkColumnTypes::col)
                    .toArray(org.apache.spark.sql.Column[]::new));
        } catch (Exception e) { // two columns whose names differ only in case are ambiguous to Spark SQL
            throw unreadable(location, format, e);
        }
        return new SparkSource(location, format, read, kinds, unsupported);
    }

    /** Spark's failure to read a location as one line naming it, the cause in the log. */
    static BadInputException unreadable(String location, SparkFormat format, Throwable e) {
        LOG.info("Spark cannot read {} as {}", location, format.key(), e);
        String why = firstLine(e);
        String hint = location.startsWith("s3a://")
                ? "check the path and that the cluster's Spark has the hadoop-aws connector and credentials"
                : "check the path (a Parquet or CSV file, folder or glob that this Spark can reach)";
        return new BadInputException("Spark cannot read " + location + " as " + format.key() + ": " + why, hint);
    }

    /** The first line of the innermost message, shortened: Spark's messages run to pages of plan. */
    private static String firstLine(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (e.getMessage() != null && e.getMessage().contains("PATH_NOT_FOUND")) m = "no such path";
        m = m.strip().lines().findFirst().orElse(m);
        return m.length() > 160 ? m.substring(0, 157) + "..." : m;
    }
}
