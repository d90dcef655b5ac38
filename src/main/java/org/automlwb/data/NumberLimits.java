package org.automlwb.data;

/**
 * The one rule for numbers that are too large, shared by profiling, training and prediction so that a model sees
 * the same values at prediction time as it saw in training.
 *
 * <ul>
 *   <li>Infinities and NaN spelled out in a numeric column ({@code inf}, {@code -Infinity}, {@code NaN},
 *       {@code nan}, ...) and numbers beyond a double's range ({@code 1e999}) are missing values, counted per
 *       column ({@link NumberFixes#nonFinite()}).</li>
 *   <li>Finite numbers beyond &plusmn;{@link #LIMIT} are clipped to it ({@link NumberFixes#clipped()}).</li>
 * </ul>
 */
public final class NumberLimits {
    /**
     * Largest magnitude a numeric cell keeps: 1e30. Feature matrices hold floats (largest about 3.4e38), and
     * scaling sums squares in doubles (1e30 squared is 1e60, far from overflow over any row count), so no trial
     * can meet an infinity made from a finite input; real measurements are far below it.
     */
    public static final double LIMIT = 1e30;
    /** {@link #LIMIT} as people write it. */
    public static final String LIMIT_TEXT = "1e30";

    private NumberLimits() { }

    /** {@code v} limited to &plusmn;{@link #LIMIT}; NaN stays NaN. */
    public static double clip(double v) {
        return v > LIMIT ? LIMIT : v < -LIMIT ? -LIMIT : v;
    }

    /** Whether {@link #clip} changes {@code v}. */
    public static boolean clips(double v) {
        return v > LIMIT || v < -LIMIT;
    }
}
