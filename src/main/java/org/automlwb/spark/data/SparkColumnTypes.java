package org.automlwb.spark.data;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.automlwb.data.ColumnKind;

/** Spark's column types as the workbench's column kinds, and columns named safely. */
final class SparkColumnTypes {
    private SparkColumnTypes() { }

    /**
     * The kind a Spark type reads as, following the CSV loader's: integers of any width INTEGER (a long column
     * becomes a LongColumn only when a value needs it), floating and decimal numbers DECIMAL, BOOLEAN, DATE,
     * timestamps DATETIME, strings TEXT; null for the rest (binary, arrays, maps, structs, intervals).
     */
    static ColumnKind kindOf(DataType t) {
        if (t instanceof ByteType || t instanceof ShortType || t instanceof IntegerType || t instanceof LongType) {
            return ColumnKind.INTEGER;
        }
        if (t instanceof FloatType || t instanceof DoubleType || t instanceof DecimalType) return ColumnKind.DECIMAL;
        if (t instanceof BooleanType) return ColumnKind.BOOLEAN;
        if (t instanceof DateType) return ColumnKind.DATE;
        if (t instanceof TimestampType || t instanceof TimestampNTZType) return ColumnKind.DATETIME;
        if (t instanceof StringType) return ColumnKind.TEXT;
        return null;
    }

    /** A column by its exact name: back-quoted, since names with dots or spaces otherwise parse as paths. */
    static Column col(String name) {
        return functions.col("`" + name.replace("`", "``") + "`");
    }
}
