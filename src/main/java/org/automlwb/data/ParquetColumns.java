package org.automlwb.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.IntLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.StringLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Which columns of a Parquet file the workbench reads, and as what: flat (non-repeated) columns of integers,
 * floating-point and decimal numbers, booleans, text, dates and timestamps. Nested, repeated and other columns
 * are left out, each with one sentence saying why.
 *
 * @param kinds       the columns read, in file order, with their type
 * @param unsupported one sentence per column left out
 */
record ParquetColumns(Map<String, ColumnKind> kinds, List<String> unsupported) {
    ParquetColumns {
        kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        unsupported = List.copyOf(unsupported);
    }

    /** Sorts the top-level fields of a file's schema into readable and left-out columns. */
    static ParquetColumns of(MessageType schema) {
        Map<String, ColumnKind> kinds = new LinkedHashMap<>();
        List<String> unsupported = new ArrayList<>();
        for (Type field : schema.getFields()) {
            String name = field.getName();
            if (!field.isPrimitive()) {
                unsupported.add("column '" + name + "': nested columns (" + describe(field)
                        + ") are not read; the other columns are");
                continue;
            }
            if (field.isRepetition(Type.Repetition.REPEATED)) {
                unsupported.add("column '" + name + "': repeated values (a list) are not read; the other columns are");
                continue;
            }
            ColumnKind kind = kindOf(field.asPrimitiveType());
            if (kind == null) {
                unsupported.add("column '" + name + "': the Parquet type " + describe(field)
                        + " is not read; the other columns are");
            } else {
                kinds.put(name, kind);
            }
        }
        return new ParquetColumns(kinds, unsupported);
    }

    /** The type a primitive column reads as, or null when it is not read. */
    static ColumnKind kindOf(PrimitiveType type) {
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        return switch (type.getPrimitiveTypeName()) {
            case BOOLEAN -> logical == null ? ColumnKind.BOOLEAN : null;
            case INT32 -> logical == null || logical instanceof IntLogicalTypeAnnotation ? ColumnKind.INTEGER
                    : logical instanceof DateLogicalTypeAnnotation ? ColumnKind.DATE
                    : logical instanceof DecimalLogicalTypeAnnotation ? ColumnKind.DECIMAL : null;
            case INT64 -> logical == null || logical instanceof IntLogicalTypeAnnotation i && i.isSigned()
                    ? ColumnKind.INTEGER
                    : logical instanceof TimestampLogicalTypeAnnotation ? ColumnKind.DATETIME
                    : logical instanceof DecimalLogicalTypeAnnotation ? ColumnKind.DECIMAL : null;
            // INT96 is the timestamp older Spark and Hive write.
            case INT96 -> ColumnKind.DATETIME;
            case FLOAT, DOUBLE -> logical == null ? ColumnKind.DECIMAL : null;
            // Spark writes text as BINARY without an annotation unless told otherwise.
            case BINARY -> logical == null || logical instanceof StringLogicalTypeAnnotation
                    || logical instanceof LogicalTypeAnnotation.EnumLogicalTypeAnnotation ? ColumnKind.TEXT
                    : logical instanceof DecimalLogicalTypeAnnotation ? ColumnKind.DECIMAL : null;
            case FIXED_LEN_BYTE_ARRAY -> logical instanceof DecimalLogicalTypeAnnotation ? ColumnKind.DECIMAL : null;
        };
    }

    private static String describe(Type field) {
        String s = field.toString().replaceAll("\\s+", " ").trim();
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }
}
