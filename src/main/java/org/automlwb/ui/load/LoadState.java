package org.automlwb.ui.load;

/** Where the app is with its data file. */
public enum LoadState {
    /** No file open. */
    EMPTY,
    /** A file is being read (the previous one, if any, is still shown underneath). */
    LOADING,
    /** A file is open. */
    READY
}
