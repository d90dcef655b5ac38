package org.automlwb.export.report;

import java.util.List;
import java.util.Locale;

/** Small HTML building blocks: escaping, tables, numbers. Everything user-provided passes through {@link #esc}. */
final class Html {
    private Html() { }

    static String esc(Object o) {
        String s = String.valueOf(o);
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A number for people: whole numbers as they are (thousands grouped from 10,000 up, so years stay years),
     * others with 4 significant digits, or rounded to a whole number from 1,000 up; an exponent only for the very
     * small or very large; a dash for NaN.
     */
    static String num(double v) {
        if (Double.isNaN(v)) return "–";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "−∞";
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e12)) return String.format(Locale.ROOT, "%.3e", v);
        if (a >= 1000 || v == Math.rint(v)) {
            long whole = Math.round(v);
            return Math.abs(whole) < 10_000 ? String.valueOf(whole) : String.format(Locale.ROOT, "%,d", whole);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /** A table; cells are escaped here. {@code numericColumns[i]} right-aligns column i. */
    static String table(List<String> header, List<List<String>> rows, boolean... numericColumns) {
        StringBuilder b = new StringBuilder("<table><thead><tr>");
        for (int i = 0; i < header.size(); i++) {
            b.append("<th").append(right(numericColumns, i)).append('>').append(esc(header.get(i))).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                b.append("<td").append(right(numericColumns, i)).append('>').append(esc(row.get(i))).append("</td>");
            }
            b.append("</tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    /** A two-column key/value table. */
    static String keyValues(List<String[]> pairs) {
        StringBuilder b = new StringBuilder("<table class=\"kv\"><tbody>");
        for (String[] p : pairs) {
            b.append("<tr><th>").append(esc(p[0])).append("</th><td>").append(esc(p[1])).append("</td></tr>");
        }
        return b.append("</tbody></table>").toString();
    }

    static String list(List<String> items) {
        StringBuilder b = new StringBuilder("<ol>");
        for (String s : items) b.append("<li>").append(esc(s)).append("</li>");
        return b.append("</ol>").toString();
    }

    private static String right(boolean[] numeric, int i) {
        return i < numeric.length && numeric[i] ? " class=\"n\"" : "";
    }
}
