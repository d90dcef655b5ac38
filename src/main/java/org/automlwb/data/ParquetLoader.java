package org.automlwb.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Loads a Parquet file into a table, the columns typed as the CSV loader types them ({@link ColumnKind}), so that
 * profile, run and the app treat both formats alike. Only the columns {@link ParquetColumns} reads are read (a
 * projection: the others' pages are not even decompressed); each column left out is one sentence in
 * {@link LoadedData#warnings()}. Timestamps become local date-times, in UTC when the file says they are adjusted
 * to UTC. Decimals become doubles. The same {@link NumberLimits} rule as for CSV applies: NaN and infinities are
 * missing values.
 */
public final class ParquetLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ParquetLoader.class);
    /** A Parquet file is compressed and encoded: its table is this many times larger than the file, roughly. */
    static final int EXPANSION = 3;
    private static final int CHECK_EVERY = 4096;

    private ParquetLoader() { }

    /** Whether the path names a Parquet file (by its extension, as the open dialog and the commands decide). */
    public static boolean isParquet(Path file) {
        Path last = file.getFileName();
        String name = last == null ? "" : last.toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".parquet") || name.endsWith(".parq") || name.endsWith(".pq");
    }

    /**
     * Loads the whole file.
     *
     * @throws BadInputException when the file is missing, too large for the heap, not Parquet, or has no column
     *                           that can be read
     */
    public static LoadedData load(Path file, ProgressListener progress, CancelToken cancel) throws BadInputException {
        long size = DataFormat.PARQUET.sizeToRead(file);
        MemoryCheck.ensureRoom(file, size * EXPANSION);
        try (ParquetFileReader reader = open(file)) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            ParquetColumns columns = ParquetColumns.of(schema);
            for (String u : columns.unsupported()) LOG.warn("{}: {}", file, u);
            if (columns.kinds().isEmpty()) {
                throw new BadInputException("no column of this Parquet file can be read ("
                        + String.join("; ", columns.unsupported()) + ")", file, 0, null,
                        "write flat columns of numbers, text, booleans, dates or timestamps");
            }
            List<Type> kept = new ArrayList<>();
            for (String name : columns.kinds().keySet()) kept.add(schema.getType(name));
            MessageType requested = new MessageType(schema.getName(), kept);
            reader.setRequestedSchema(requested);
            long total = reader.getRecordCount();
            if (total > Integer.MAX_VALUE) {
                throw new BadInputException("the file has " + total + " rows, more than a table holds", file, 0, null,
                        "split the file");
            }
            List<Sink> sinks = new ArrayList<>();
            for (Type t : kept) sinks.add(Sink.of(t.asPrimitiveType(), columns.kinds().get(t.getName()), (int) total));
            var io = new ColumnIOFactory().getColumnIO(requested, schema);
            long done = 0;
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(requested));
                for (long r = 0; r < pages.getRowCount(); r++) {
                    Group g = records.read();
                    for (int c = 0; c < sinks.size(); c++) {
                        if (g.getFieldRepetitionCount(c) == 0) sinks.get(c).missing();
                        else sinks.get(c).add(g, c);
                    }
                    if (++done % CHECK_EVERY == 0) {
                        cancel.throwIfCancelled();
                        progress.progress(done, total, "reading");
                    }
                }
            }
            List<Column<?>> out = new ArrayList<>();
            for (Sink s : sinks) out.add(s.column);
            Table table = WideTables.of(file.getFileName().toString(), out);
            progress.progress(total, total, "reading");
            return new LoadedData(file, table, null, columns.kinds(), List.of(), Map.of(), columns.unsupported());
        } catch (IOException | RuntimeException e) {
            if (e instanceof org.automlwb.common.CancelledException c) throw c;
            LOG.info("{}: cannot read as Parquet", file, e);
            // parquet-java names the file by its reader object ("LocalInputFile@1a2b ..."): the line names it already.
            String why = String.valueOf(e.getMessage())
                    .replaceAll("org\\.apache\\.parquet\\.io\\.LocalInputFile@\\p{XDigit}+ ", "");
            throw new BadInputException("cannot read this Parquet file (" + why + ")", file, 0, null,
                    "check that it is a complete Parquet file (one a writer closed)");
        }
    }

    /** Opens a Parquet file without Hadoop's file system or codecs. */
    static ParquetFileReader open(Path file) throws IOException {
        ParquetReadOptions options = ParquetReadOptions.builder(new PlainParquetConfiguration())
                .withCodecFactory(new ParquetCodecs()).build();
        return ParquetFileReader.open(new LocalInputFile(file), options);
    }


    /** Appends one Parquet column's values to a Tablesaw column of its kind. */
    private abstract static class Sink {
        final Column<?> column;

        Sink(Column<?> column) { this.column = column; }

        abstract void add(Group g, int field);

        void missing() { column.appendMissing(); }

        static Sink of(PrimitiveType type, ColumnKind kind, int rows) {
            String name = type.getName();
            LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
            return switch (kind) {
                case INTEGER -> type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT32
                        ? new Sink(IntColumn.create(name)) {
                            @Override
                            void add(Group g, int f) { ((IntColumn) column).append(g.getInteger(f, 0)); }
                        }
                        : new Sink(LongColumn.create(name)) {
                            @Override
                            void add(Group g, int f) { ((LongColumn) column).append(g.getLong(f, 0)); }
                        };
                case DECIMAL -> new Sink(DoubleColumn.create(name)) {
                    @Override
                    void add(Group g, int f) {
                        double v = number(type, logical, g, f);
                        if (Double.isFinite(v)) ((DoubleColumn) column).append(NumberLimits.clip(v));
                        else column.appendMissing();
                    }
                };
                case BOOLEAN -> new Sink(BooleanColumn.create(name)) {
                    @Override
                    void add(Group g, int f) { ((BooleanColumn) column).append(g.getBoolean(f, 0)); }
                };
                case DATE -> new Sink(DateColumn.create(name)) {
                    @Override
                    void add(Group g, int f) { ((DateColumn) column).append(LocalDate.ofEpochDay(g.getInteger(f, 0))); }
                };
                case DATETIME -> new Sink(DateTimeColumn.create(name)) {
                    @Override
                    void add(Group g, int f) { ((DateTimeColumn) column).append(timestamp(type, logical, g, f)); }
                };
                case TEXT -> new Sink(StringColumn.create(name)) {
                    @Override
                    void add(Group g, int f) { ((StringColumn) column).append(g.getString(f, 0)); }
                };
            };
        }
    }

    private static double number(PrimitiveType type, LogicalTypeAnnotation logical, Group g, int f) {
        int scale = logical instanceof DecimalLogicalTypeAnnotation d ? d.getScale() : 0;
        return switch (type.getPrimitiveTypeName()) {
            case FLOAT -> g.getFloat(f, 0);
            case DOUBLE -> g.getDouble(f, 0);
            case INT32 -> BigDecimal.valueOf(g.getInteger(f, 0), scale).doubleValue();
            case INT64 -> BigDecimal.valueOf(g.getLong(f, 0), scale).doubleValue();
            case BINARY, FIXED_LEN_BYTE_ARRAY ->
                    new BigDecimal(new BigInteger(g.getBinary(f, 0).getBytes()), scale).doubleValue();
            default -> throw new IllegalStateException("not a number column: " + type);
        };
    }

    private static LocalDateTime timestamp(PrimitiveType type, LogicalTypeAnnotation logical, Group g, int f) {
        if (type.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT96) {
            // Nanoseconds of the day (8 bytes), then the Julian day (4 bytes), little-endian.
            ByteBuffer b = g.getInt96(f, 0).toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
            long nanos = b.getLong();
            long julianDay = b.getInt();
            return LocalDate.ofEpochDay(julianDay - 2_440_588L).atStartOfDay().plusNanos(nanos);
        }
        long v = g.getLong(f, 0);
        TimestampLogicalTypeAnnotation ts = (TimestampLogicalTypeAnnotation) logical;
        Instant instant = switch (ts.getUnit()) {
            case MILLIS -> Instant.ofEpochMilli(v);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1_000L);
            case NANOS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
        };
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
