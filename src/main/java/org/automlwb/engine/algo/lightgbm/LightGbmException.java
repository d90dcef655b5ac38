package org.automlwb.engine.algo.lightgbm;

/**
 * LightGBM refused something: its native library is missing, a native call failed (the message is LightGBM's
 * own, one line), or a model text is damaged or not a LightGBM model of a kind this package writes.
 */
public class LightGbmException extends RuntimeException {
    public LightGbmException(String message) {
        super(message);
    }

    public LightGbmException(String message, Throwable cause) {
        super(message, cause);
    }
}
