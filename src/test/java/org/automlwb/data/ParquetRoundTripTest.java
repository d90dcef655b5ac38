package org.automlwb.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.automlwb.common.BadInputException;
import org.automlwb.common.CancelToken;
import org.automlwb.common.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Parquet written by the product reads back with parquet-java itself and through the loader with the same values
 * and types; a file with nested and unsupported columns loads its flat columns and says one line per other column.
 */
class ParquetRoundTripTest {
    @TempDir
    Path dir;

    private static Table everyType() {
        IntColumn ints = IntColumn.create("age", new int[] {31, 45, 0});
        ints.setMissing(2);
        DoubleColumn doubles = DoubleColumn.create("score", new double[] {0.1, -2.5e-300, Double.NaN});
        return Table.create("t", ints,
                LongColumn.create("big", new long[] {1L << 40, -7, 3}),
                doubles,
                BooleanColumn.create("flag", new boolean[] {true, false, true}),
                StringColumn.create("city", new String[] {"Oslo", "Rio, \"RJ\"", ""}),
                DateColumn.create("day", new LocalDate[] {LocalDate.of(2024, 2, 29), LocalDate.of(1969, 12, 31), null}),
                DateTimeColumn.create("at", new LocalDateTime[] {LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000),
                        null, LocalDateTime.of(1950, 6, 1, 0, 0)}));
    }

    @Test
    void everyTypeRoundTripsThroughTheLoader() throws Exception {
        Path file = dir.resolve("t.parquet");
        Table t = everyType();
        try (TableFileWriter w = DataFormat.PARQUET.open(file, t)) {
            w.write(t.first(2));
            w.write(t.dropRange(0, 2));
        }
        try (ParquetFileReader r = ParquetLoader.open(file)) {
            assertEquals(3, r.getRecordCount());
            assertEquals(CompressionCodecName.SNAPPY, r.getFooter().getBlocks().get(0).getColumns().get(0).getCodec());
        }
        LoadedData back = CsvLoader.load(file, CsvOptions.defaults(), ProgressListener.none(), CancelToken.none());
        Table b = back.table();
        assertEquals(List.of("age", "big", "score", "flag", "city", "day", "at"), b.columnNames());
        assertEquals(Map.of("age", ColumnKind.INTEGER, "big", ColumnKind.INTEGER, "score", ColumnKind.DECIMAL,
                "flag", ColumnKind.BOOLEAN, "city", ColumnKind.TEXT, "day", ColumnKind.DATE,
                "at", ColumnKind.DATETIME), back.kinds());
        assertEquals(31, b.intColumn("age").getInt(0));
        assertTrue(b.intColumn("age").isMissing(2));
        assertEquals(1L << 40, b.longColumn("big").getLong(0));
        assertEquals(-2.5e-300, b.doubleColumn("score").getDouble(1));
        assertTrue(b.doubleColumn("score").isMissing(2), "NaN is a missing value, as in CSV");
        assertEquals(false, b.booleanColumn("flag").get(1));
        assertEquals("Rio, \"RJ\"", b.stringColumn("city").get(1));
        assertEquals(LocalDate.of(1969, 12, 31), b.dateColumn("day").get(1));
        assertTrue(b.dateColumn("day").isMissing(2));
        assertEquals(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_000_000), b.dateTimeColumn("at").get(0));
        assertEquals(LocalDateTime.of(1950, 6, 1, 0, 0), b.dateTimeColumn("at").get(2));
        assertTrue(back.warnings().isEmpty(), back.warnings().toString());
    }

    @Test
    void nestedAndUnsupportedColumnsAreOneLineEachAndTheRestIsRead() throws Exception {
        MessageType schema = Types.buildMessage()
                .optional(PrimitiveTypeName.DOUBLE).named("x")
                .optionalGroup().optional(PrimitiveTypeName.INT32).named("a").named("point")
                .repeated(PrimitiveTypeName.INT32).named("tags")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.jsonType()).named("doc")
                .optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("name")
                .named("row");
        Path file = dir.resolve("nested.parquet");
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration()).withType(schema).withCodecFactory(new ParquetCodecs())
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            SimpleGroupFactory f = new SimpleGroupFactory(schema);
            for (int i = 0; i < 5; i++) {
                Group g = f.newGroup().append("x", i * 1.5).append("doc", "{}").append("name", "n" + i);
                g.addGroup("point").append("a", i);
                g.append("tags", 1).append("tags", 2);
                w.write(g);
            }
        }
        LoadedData back = ParquetLoader.load(file, ProgressListener.none(), CancelToken.none());
        assertEquals(List.of("x", "name"), back.table().columnNames());
        assertEquals(6.0, back.table().doubleColumn("x").getDouble(4));
        assertEquals("n3", back.table().stringColumn("name").get(3));
        assertEquals(3, back.warnings().size(), back.warnings().toString());
        assertTrue(back.warnings().get(0).startsWith("column 'point': nested columns"), back.warnings().get(0));
        assertTrue(back.warnings().get(1).startsWith("column 'tags': repeated values"), back.warnings().get(1));
        assertTrue(back.warnings().get(2).startsWith("column 'doc': the Parquet type"), back.warnings().get(2));
    }

    @Test
    void aFileThatIsNotParquetIsOneLineNamingIt() throws IOException {
        Path file = Files.writeString(dir.resolve("fake.parquet"), "a,b\n1,2\n");
        BadInputException e = assertThrows(BadInputException.class,
                () -> ParquetLoader.load(file, ProgressListener.none(), CancelToken.none()));
        assertTrue(e.oneLine().contains("fake.parquet"), e.oneLine());
        assertEquals("cannot read this Parquet file (is not a Parquet file (length is too low: 8))", e.getMessage());
    }
}
