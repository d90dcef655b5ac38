package org.automlwb.common;

import java.util.concurrent.atomic.AtomicBoolean;

/** Cooperative cancellation shared between the one who asks to stop and the work that checks. */
public final class CancelToken {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** A token that is never cancelled, for callers that do not offer a Cancel button. */
    public static CancelToken none() { return new CancelToken(); }

    public void cancel() { cancelled.set(true); }

    public boolean isCancelled() { return cancelled.get(); }

    /** @throws CancelledException when {@link #cancel()} has been called */
    public void throwIfCancelled() {
        if (cancelled.get()) throw new CancelledException();
    }
}
