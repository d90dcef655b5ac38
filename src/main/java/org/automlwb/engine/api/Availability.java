package org.automlwb.engine.api;

/**
 * Whether an engine can run on this machine, and if not, why and what to do, in one line.
 *
 * @param available whether it can run
 * @param reason    null when available; else one line a user can act on, e.g. "python3 cannot import sklearn:
 *                  install python3-sklearn"
 */
public record Availability(boolean available, String reason) {
    public Availability {
        if (!available && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("an unavailable engine must say why");
        }
        if (available) reason = null;
    }

    /** Available. */
    public static Availability yes() { return new Availability(true, null); }

    /** Not available, for this reason. */
    public static Availability no(String reason) { return new Availability(false, reason); }
}
