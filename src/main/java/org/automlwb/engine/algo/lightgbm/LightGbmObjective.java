package org.automlwb.engine.algo.lightgbm;

/** The three LightGBM objectives this package trains, each with the loss its early stopping watches. */
public enum LightGbmObjective {
    /** Squared error ({@code regression}, L2); early stopping watches the mean squared error. */
    REGRESSION("regression"),
    /** Two classes, labels 0 and 1 ({@code binary}); early stopping watches the log loss. */
    BINARY("binary"),
    /** Three or more classes, labels 0..k-1 ({@code multiclass}, softmax); early stopping watches the log loss. */
    MULTICLASS("multiclass");

    private final String lightGbmName;

    LightGbmObjective(String lightGbmName) { this.lightGbmName = lightGbmName; }

    /** The value of LightGBM's {@code objective} parameter. */
    public String lightGbmName() { return lightGbmName; }

    public boolean isClassification() { return this != REGRESSION; }

    /** {@link #BINARY} for 2 classes, {@link #MULTICLASS} for more. */
    public static LightGbmObjective classification(int classes) {
        if (classes < 2) throw new IllegalArgumentException("classification needs at least 2 classes: " + classes);
        return classes == 2 ? BINARY : MULTICLASS;
    }

    /** The number of classes this objective predicts with {@code classes} labels: 1 for regression. */
    int checkClasses(int classes) {
        switch (this) {
            case REGRESSION:
                if (classes != 1) throw new IllegalArgumentException("regression has 1 output, not " + classes);
                return 1;
            case BINARY:
                if (classes != 2) throw new IllegalArgumentException("binary has 2 classes, not " + classes);
                return 2;
            default:
                if (classes < 3) throw new IllegalArgumentException("multiclass needs 3 or more classes: " + classes);
                return classes;
        }
    }
}
