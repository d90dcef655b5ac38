package org.automlwb.ui.prepare;

/** Where the live preview is. */
public enum PreviewState {
    /** No data or no target yet. */
    NONE,
    /** A preview is scheduled or being computed. */
    UPDATING,
    /** The preview shows the current recipe. */
    READY,
    /** The recipe has problems or fitting it failed; the message says why. */
    FAILED
}
