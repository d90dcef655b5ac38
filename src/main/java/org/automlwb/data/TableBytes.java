package org.automlwb.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
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
 * A table as bytes and back, exactly: the column types our loaders make (integer, long, decimal, boolean, date,
 * date-time, text) keep their type, values and missing cells bit for bit. This is how a run's rows travel to
 * another JVM (a Spark executor) that must prepare the very same folds: a CSV round trip would re-infer types
 * and could turn an integer column into a decimal one or a "1e3" string into a number.
 *
 * <p>Compressed with the fastest deflate level: the bytes are shipped once per run, and the time to pack them
 * counts against the user's budget.
 */
public final class TableBytes {
    private static final int MAGIC = 0x41574254; // "AWBT"
    private static final int VERSION = 1;

    private enum Kind { INT, LONG, DOUBLE, BOOLEAN, DATE, DATETIME, STRING }

    private TableBytes() { }

    /**
     * Packs a table.
     *
     * @throws IllegalArgumentException for a column of a type no loader of ours makes (named in the message)
     */
    public static byte[] of(Table table) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(
                new DeflaterOutputStream(bytes, deflater, 1 << 16), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(table.name() == null ? "" : table.name());
            out.writeInt(table.columnCount());
            out.writeInt(table.rowCount());
            for (Column<?> c : table.columns()) write(out, c);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        } finally {
            deflater.end();
        }
        return bytes.toByteArray();
    }

    /**
     * Unpacks what {@link #of} packed.
     *
     * @throws IllegalArgumentException when the bytes are not a packed table
     */
    public static Table read(byte[] packed) {
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(
                new InflaterInputStream(new ByteArrayInputStream(packed)), 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IllegalArgumentException("not a packed table (or one from another version)");
            }
            Table t = Table.create(in.readUTF());
            int columns = in.readInt();
            int rows = in.readInt();
            for (int c = 0; c < columns; c++) t.addColumns(read(in, rows));
            return t;
        } catch (IOException e) {
            throw new IllegalArgumentException("a packed table is cut short or damaged: " + e.getMessage(), e);
        }
    }

    private static void write(DataOutputStream out, Column<?> c) throws IOException {
        Kind kind = kindOf(c);
        out.writeUTF(c.name());
        out.writeByte(kind.ordinal());
        int n = c.size();
        switch (kind) {
            case INT -> { for (int i = 0; i < n; i++) out.writeInt(((IntColumn) c).getInt(i)); }
            case LONG -> { for (int i = 0; i < n; i++) out.writeLong(((LongColumn) c).getLong(i)); }
            case DOUBLE -> { for (int i = 0; i < n; i++) out.writeDouble(((DoubleColumn) c).getDouble(i)); }
            case BOOLEAN -> { for (int i = 0; i < n; i++) out.writeByte(((BooleanColumn) c).getByte(i)); }
            case DATE -> { for (int i = 0; i < n; i++) out.writeInt(((DateColumn) c).getIntInternal(i)); }
            case DATETIME -> { for (int i = 0; i < n; i++) out.writeLong(((DateTimeColumn) c).getLongInternal(i)); }
            case STRING -> {
                StringColumn s = (StringColumn) c;
                for (int i = 0; i < n; i++) {
                    boolean missing = s.isMissing(i);
                    out.writeBoolean(missing);
                    if (!missing) writeLong(out, s.get(i));
                }
            }
        }
    }

    private static Column<?> read(DataInputStream in, int n) throws IOException {
        String name = in.readUTF();
        int k = in.readByte();
        if (k < 0 || k >= Kind.values().length) throw new IOException("unknown column kind " + k);
        return switch (Kind.values()[k]) {
            case INT -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) v[i] = in.readInt();
                yield IntColumn.create(name, v);
            }
            case LONG -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) v[i] = in.readLong();
                yield LongColumn.create(name, v);
            }
            case DOUBLE -> {
                double[] v = new double[n];
                for (int i = 0; i < n; i++) v[i] = in.readDouble();
                yield DoubleColumn.create(name, v);
            }
            case BOOLEAN -> {
                BooleanColumn b = BooleanColumn.create(name);
                for (int i = 0; i < n; i++) {
                    byte v = in.readByte();
                    if (v == 1) b.append(true);
                    else if (v == 0) b.append(false);
                    else b.appendMissing();
                }
                yield b;
            }
            case DATE -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) v[i] = in.readInt();
                yield DateColumn.createInternal(name, v);
            }
            case DATETIME -> {
                long[] v = new long[n];
                for (int i = 0; i < n; i++) v[i] = in.readLong();
                yield DateTimeColumn.createInternal(name, v);
            }
            case STRING -> {
                StringColumn s = StringColumn.create(name);
                for (int i = 0; i < n; i++) {
                    if (in.readBoolean()) s.appendMissing();
                    else s.append(readLong(in));
                }
                yield s;
            }
        };
    }

    private static Kind kindOf(Column<?> c) {
        if (c instanceof IntColumn) return Kind.INT;
        if (c instanceof LongColumn) return Kind.LONG;
        if (c instanceof DoubleColumn) return Kind.DOUBLE;
        if (c instanceof BooleanColumn) return Kind.BOOLEAN;
        if (c instanceof DateColumn) return Kind.DATE;
        if (c instanceof DateTimeColumn) return Kind.DATETIME;
        if (c instanceof StringColumn) return Kind.STRING;
        throw new IllegalArgumentException("column '" + c.name() + "' is of type " + c.type().name()
                + ", which cannot be shipped to another machine");
    }

    /** writeUTF stops at 64 KB; a free-text cell may be longer. */
    private static void writeLong(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readLong(DataInputStream in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
}
