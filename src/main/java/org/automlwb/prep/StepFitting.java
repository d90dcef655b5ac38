package org.automlwb.prep;

/** The package-internal half of {@link Step}: checking against column names and fitting on a working table. */
interface StepFitting {
    /** Reports problems with this step and updates the columns as the step would. */
    void check(SchemaCheck check);

    /** Fits on the frame's rows, transforms the frame as {@link FittedStep} would, and returns the fitted step. */
    FittedStep fit(Frame frame);
}
