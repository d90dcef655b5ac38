package org.automlwb.ui.experiments;

import java.util.Locale;

/** A budget in seconds as a person says it: "45 s", "5 min", "1 h 30 min". */
final class TimeWords {
    private TimeWords() { }

    static String seconds(double s) {
        long total = Math.round(s);
        if (total < 120) return total + " s";
        long minutes = Math.round(s / 60);
        if (minutes < 120) return minutes + " min";
        return String.format(Locale.ROOT, "%d h %d min", minutes / 60, minutes % 60);
    }
}
