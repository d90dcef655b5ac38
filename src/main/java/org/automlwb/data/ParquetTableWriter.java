package org.automlwb.data;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Parquet through parquet-java, without Hadoop's file system or codecs ({@link ParquetCodecs}): every column
 * optional (missing values are nulls), integers as INT32 or INT64, decimals as DOUBLE, booleans, text as UTF-8
 * strings, dates as DATE, date-times as microsecond TIMESTAMP not adjusted to UTC (a local time, as in the CSV).
 * Spark, pandas (with pyarrow) and DuckDB read these types as they are.
 */
final class ParquetTableWriter implements TableFileWriter {
    private final MessageType schema;
    private final SimpleGroupFactory groups;
    private final ParquetWriter<Group> writer;
    private final List<String> names;

    ParquetTableWriter(Path file, Table shape) throws IOException {
        this.names = shape.columnNames();
        this.schema = schema(shape);
        this.groups = new SimpleGroupFactory(schema);
        this.writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(schema)
                .withCodecFactory(new ParquetCodecs())
                .withCompressionCodec(ParquetCodecs.WRITTEN)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .build();
    }

    /** The Parquet schema of a table's columns. */
    static MessageType schema(Table shape) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (Column<?> c : shape.columns()) {
            String name = c.name();
            if (c instanceof IntColumn || c instanceof ShortColumn) {
                b.optional(PrimitiveTypeName.INT32).named(name);
            } else if (c instanceof LongColumn) {
                b.optional(PrimitiveTypeName.INT64).named(name);
            } else if (c instanceof DoubleColumn) {
                b.optional(PrimitiveTypeName.DOUBLE).named(name);
            } else if (c instanceof FloatColumn) {
                b.optional(PrimitiveTypeName.FLOAT).named(name);
            } else if (c instanceof BooleanColumn) {
                b.optional(PrimitiveTypeName.BOOLEAN).named(name);
            } else if (c instanceof DateColumn) {
                b.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(name);
            } else if (c instanceof DateTimeColumn) {
                b.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.timestampType(false,
                        LogicalTypeAnnotation.TimeUnit.MICROS)).named(name);
            } else {
                b.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
            }
        }
        return b.named("row");
    }

    @Override
    public void write(Table chunk) throws IOException {
        if (!chunk.columnNames().equals(names)) {
            throw new IllegalArgumentException("chunk columns " + chunk.columnNames() + " are not " + names);
        }
        List<Column<?>> cols = chunk.columns();
        for (int r = 0; r < chunk.rowCount(); r++) {
            Group g = groups.newGroup();
            for (int c = 0; c < cols.size(); c++) {
                Column<?> col = cols.get(c);
                if (col.isMissing(r)) continue;
                if (col instanceof IntColumn ic) g.add(c, ic.getInt(r));
                else if (col instanceof ShortColumn sc) g.add(c, (int) sc.getShort(r));
                else if (col instanceof LongColumn lc) g.add(c, lc.getLong(r));
                else if (col instanceof DoubleColumn dc) g.add(c, dc.getDouble(r));
                else if (col instanceof FloatColumn fc) g.add(c, fc.getFloat(r));
                else if (col instanceof BooleanColumn bc) g.add(c, bc.get(r));
                else if (col instanceof DateColumn dc) g.add(c, (int) ((LocalDate) dc.get(r)).toEpochDay());
                else if (col instanceof DateTimeColumn tc) g.add(c, micros(tc.get(r)));
                else g.add(c, col.getString(r));
            }
            writer.write(g);
        }
    }

    private static long micros(LocalDateTime t) {
        long seconds = t.toEpochSecond(ZoneOffset.UTC);
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), t.getNano() / 1_000L);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
