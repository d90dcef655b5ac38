package org.automlwb.engine.python;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The protocol's array files: raw little-endian values, no header (the spec JSON gives the shapes), read by
 * numpy's {@code fromfile} without pandas. Written through a buffer of a few MB at a time so a large matrix is
 * never copied whole.
 */
final class ArrayFiles {
    private static final int CHUNK = 1 << 20;

    private ArrayFiles() { }

    static void writeFloats(Path file, float[] values) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.allocate(CHUNK * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < values.length; i += CHUNK) {
                buf.clear();
                buf.asFloatBuffer().put(values, i, Math.min(CHUNK, values.length - i));
                buf.limit(Math.min(CHUNK, values.length - i) * Float.BYTES);
                while (buf.hasRemaining()) ch.write(buf);
            }
        }
    }

    static void writeDoubles(Path file, double[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(values);
        Files.write(file, buf.array());
    }

    static void writeInts(Path file, int[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asIntBuffer().put(values);
        Files.write(file, buf.array());
    }

    static void writeBytes(Path file, byte[] values) throws IOException {
        Files.write(file, values);
    }

    /**
     * Reads {@code rows x columns} doubles, row-major.
     *
     * @throws IOException when the file does not hold exactly that many values
     */
    static double[][] readDoubles(Path file, int rows, int columns) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        long expected = (long) rows * columns * Double.BYTES;
        if (bytes.length != expected) {
            throw new IOException(file.getFileName() + " holds " + bytes.length + " bytes, expected " + expected
                    + " (" + rows + " x " + columns + " doubles)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        double[][] out = new double[rows][columns];
        for (int r = 0; r < rows; r++) for (int c = 0; c < columns; c++) out[r][c] = buf.getDouble();
        return out;
    }
}
