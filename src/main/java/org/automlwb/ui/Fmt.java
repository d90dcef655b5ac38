package org.automlwb.ui;

import java.util.Locale;

/** Number formatting for people: grouped counts, a few significant digits, sizes in KB/MB/GB. */
public final class Fmt {
    private Fmt() { }

    /** {@code 1234567} → {@code 1,234,567}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A measurement: whole numbers grouped, others to 4 significant digits; NaN as an em dash. */
    public static String number(double v) {
        if (Double.isNaN(v)) return "—";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return count((long) v);
        double a = Math.abs(v);
        if (a >= 1e6 || a < 1e-3) return String.format(Locale.ROOT, "%.3e", v);
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** A short axis label: like {@link #number} but at most 3 significant digits and no exponent below 1e9. */
    public static String shortNumber(double v) {
        if (Double.isNaN(v)) return "—";
        double a = Math.abs(v);
        if (a >= 1e9) return String.format(Locale.ROOT, "%.2g", v);
        if (a >= 1e6) return String.format(Locale.ROOT, "%.3gM", v / 1e6);
        if (a >= 1e4) return String.format(Locale.ROOT, "%.3gk", v / 1e3);
        if (v == Math.rint(v)) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** Bytes as B, KB, MB or GB (powers of 1024, one decimal). */
    public static String bytes(long b) {
        if (b < 1024) return b + " B";
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = b;
        int i = -1;
        do {
            v /= 1024;
            i++;
        } while (v >= 1024 && i < units.length - 1);
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }

    /** A percentage with one decimal, e.g. {@code 3.4%}. */
    public static String percent(double p) {
        return String.format(Locale.ROOT, "%.1f%%", p);
    }
}
