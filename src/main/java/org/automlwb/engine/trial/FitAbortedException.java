package org.automlwb.engine.trial;

/**
 * A fit that did not produce a model: it threw ({@link TrialStatus#FAILED}), ran past its time
 * ({@link TrialStatus#TIMEOUT}) or was cancelled ({@link TrialStatus#CANCELLED}). The message is one line.
 */
public final class FitAbortedException extends Exception {
    private final TrialStatus status;

    public FitAbortedException(TrialStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public TrialStatus status() { return status; }
}
