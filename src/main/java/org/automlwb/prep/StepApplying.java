package org.automlwb.prep;

/** The package-internal half of {@link FittedStep}: replaying on a working table. */
interface StepApplying {
    /**
     * Transforms the frame in place.
     *
     * @param training true while fitting or preparing training rows (row filters apply), false for rows that
     *                 need predictions (row filters do nothing)
     */
    void apply(Frame frame, boolean training);
}
