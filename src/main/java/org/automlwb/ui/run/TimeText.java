package org.automlwb.ui.run;

import java.util.Locale;

/** Seconds as a person reads them: "8 s", "1:05", "1:02:03". */
final class TimeText {
    private TimeText() { }

    static String of(double seconds) {
        long s = Math.max(0, Math.round(seconds));
        if (s < 60) return s + " s";
        if (s < 3600) return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
