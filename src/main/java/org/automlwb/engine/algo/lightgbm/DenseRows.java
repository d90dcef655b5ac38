package org.automlwb.engine.algo.lightgbm;

/**
 * A dense matrix of feature values, read row by row, never copied on the Java side: either the caller's
 * {@code double[][]} rows or one row-major {@code double[]}. {@code NaN} is a missing value. A categorical column
 * holds integer codes 0..n-1; a negative code or {@code NaN} is a missing category.
 *
 * <p>Values are doubles, not floats, on purpose: the caller holds doubles, LightGBM widens float input to double
 * anyway when it bins and predicts, and a float keeps only 24 bits (timestamps in milliseconds, large ids and
 * money amounts above 16.7 million lose their low digits, so distinct values would share a bin and a model would
 * see other numbers at training and at prediction). Float input would only halve the short-lived native copy
 * made while LightGBM bins the data (8 bytes a cell instead of 4); the binned dataset LightGBM keeps is about
 * one byte a cell either way.
 *
 * <p>The arrays are read, never written; the caller must not change them during a fit or a prediction.
 */
public final class DenseRows {
    private final double[][] rows;
    private final double[] flat;
    private final float[] flatFloats;
    private final int rowCount;
    private final int cols;

    private DenseRows(double[][] rows, double[] flat, float[] flatFloats, int rowCount, int cols) {
        this.rows = rows;
        this.flat = flat;
        this.flatFloats = flatFloats;
        this.rowCount = rowCount;
        this.cols = cols;
    }

    /** The caller's rows, all of the same length (at least 1). */
    public static DenseRows of(double[][] rows) {
        if (rows.length == 0) throw new IllegalArgumentException("no rows");
        int cols = rows[0].length;
        if (cols == 0) throw new IllegalArgumentException("rows have no columns");
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " values, row 0 has " + cols);
            }
        }
        return new DenseRows(rows, null, null, rows.length, cols);
    }

    /** One row-major array: value (r, c) is at {@code values[r * cols + c]}. */
    public static DenseRows rowMajor(double[] values, int rows, int cols) {
        if (rows < 1 || cols < 1) throw new IllegalArgumentException("need at least one row and one column");
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException(values.length + " values are not " + rows + " x " + cols);
        }
        return new DenseRows(null, values, null, rows, cols);
    }

    /**
     * One row-major array of floats (as the engine's feature matrices hold them), widened to double as it is read:
     * value (r, c) is at {@code values[r * cols + c]}.
     */
    public static DenseRows rowMajor(float[] values, int rows, int cols) {
        if (rows < 1 || cols < 1) throw new IllegalArgumentException("need at least one row and one column");
        if ((long) rows * cols != values.length) {
            throw new IllegalArgumentException(values.length + " values are not " + rows + " x " + cols);
        }
        return new DenseRows(null, null, values, rows, cols);
    }

    public int rows() { return rowCount; }

    public int cols() { return cols; }

    public double get(int row, int col) {
        if (rows != null) return rows[row][col];
        return flat != null ? flat[row * cols + col] : flatFloats[row * cols + col];
    }
}
