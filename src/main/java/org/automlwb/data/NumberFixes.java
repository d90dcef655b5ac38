package org.automlwb.data;

/**
 * What {@link NumberLimits}' rule changed in one numeric column.
 *
 * @param nonFinite cells holding an infinity or NaN spelled out, or a number beyond a double, read as missing
 * @param clipped   cells beyond &plusmn;{@link NumberLimits#LIMIT}, clipped to it
 */
public record NumberFixes(long nonFinite, long clipped) {
    /** Nothing changed. */
    public static final NumberFixes NONE = new NumberFixes(0, 0);

    /** Whether anything changed. */
    public boolean any() { return nonFinite > 0 || clipped > 0; }

    /** Both counts added. */
    public NumberFixes plus(NumberFixes o) { return new NumberFixes(nonFinite + o.nonFinite, clipped + o.clipped); }

    /**
     * The change in words, for a profile or a warning: e.g. "3 infinite or NaN values read as missing, 1 value
     * beyond ±1e30 clipped"; empty when nothing changed.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        if (nonFinite > 0) {
            sb.append(nonFinite).append(nonFinite == 1 ? " infinite or NaN value" : " infinite or NaN values")
                    .append(" read as missing");
        }
        if (clipped > 0) {
            if (sb.length() > 0) sb.append(", ");
            sb.append(clipped).append(clipped == 1 ? " value" : " values").append(" beyond \u00b1" + NumberLimits.LIMIT_TEXT + " clipped");
        }
        return sb.toString();
    }
}
