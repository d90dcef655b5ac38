package org.automlwb.common;

/** Thrown by long work when its {@link CancelToken} was cancelled; never shown as an error. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
