package org.automlwb.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.automlwb.data.ColumnProfile;
import org.automlwb.data.CsvDialect;
import org.automlwb.data.DatasetProfile;
import org.automlwb.data.LoadedData;
import org.automlwb.data.SkippedRow;

/** Renders a dataset profile as an aligned text table or as one JSON document. */
final class ProfileReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SKIPPED_SHOWN = 10;

    private ProfileReport() { }

    /**
     * Human-readable: a summary line, one aligned row per column, skipped rows, what the number rule changed per
     * column, warnings, the suggested target.
     */
    static String table(LoadedData data, DatasetProfile p) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %,d rows x %d columns (%s)%n", data.source().getFileName(),
                p.rows(), p.columns().size(), describe(data.dialect())));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"column", "kind", "missing", "distinct", "min", "mean", "max", "std",
                "top values", "flags"});
        for (ColumnProfile c : p.columns()) {
            String top = c.topValues().stream().limit(3).map(v -> shorten(v.value()) + " (" + v.count() + ")")
                    .collect(Collectors.joining(", "));
            rows.add(new String[] {c.name(), c.kind().name(),
                    String.format(Locale.ROOT, "%d (%.1f%%)", c.missing(), c.missingPercent()),
                    Long.toString(c.distinct()), num(c.min()), num(c.mean()), num(c.max()), num(c.std()),
                    top, String.join(",", c.flags())});
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length());
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                boolean right = i >= 2 && i <= 7;
                String cell = right ? pad(r[i], widths[i], true) : pad(r[i], widths[i], false);
                line.append(cell).append(i < r.length - 1 ? "  " : "");
            }
            sb.append(line.toString().stripTrailing()).append(System.lineSeparator());
        }
        List<SkippedRow> skipped = data.skipped();
        if (!skipped.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "%d malformed rows skipped:%n", skipped.size()));
            for (SkippedRow s : skipped.subList(0, Math.min(SKIPPED_SHOWN, skipped.size()))) {
                sb.append("  line ").append(s.line()).append(": ").append(s.reason()).append(System.lineSeparator());
            }
            if (skipped.size() > SKIPPED_SHOWN) {
                sb.append("  ... and ").append(skipped.size() - SKIPPED_SHOWN).append(" more")
                        .append(System.lineSeparator());
            }
        }
        for (ColumnProfile c : p.columns()) {
            String note = c.numberNote();
            if (!note.isEmpty()) sb.append("column '").append(c.name()).append("': ").append(note)
                    .append(System.lineSeparator());
        }
        for (String w : data.warnings()) sb.append("warning: ").append(w).append(System.lineSeparator());
        sb.append("suggested target: ").append(p.suggestedTarget() == null ? "(none)" : p.suggestedTarget())
                .append(System.lineSeparator());
        return sb.toString();
    }

    /**
     * One JSON document: file, rows, dialect, warnings, skipped rows, suggested target and one object per column
     * (its profile fields, {@code missingPercent}, and {@code numberNote} when the number rule changed values).
     * Written as it goes, so that its size in memory does not grow with the number of columns (a 20,000-column
     * profile as one tree needed more than 64 MB of heap); numbers that do not apply (NaN) are null.
     */
    static void json(LoadedData data, DatasetProfile p, Writer out) throws IOException {
        try (JsonGenerator g = JSON.getFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("file", data.source().toString());
            g.writeNumberField("rows", p.rows());
            writeDialect(g, data.dialect());
            g.writeStringField("suggestedTarget", p.suggestedTarget());
            g.writeArrayFieldStart("warnings");
            for (String w : data.warnings()) g.writeString(w);
            g.writeEndArray();
            g.writeArrayFieldStart("skipped");
            for (SkippedRow s : data.skipped()) {
                g.writeStartObject();
                g.writeNumberField("line", s.line());
                g.writeStringField("reason", s.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("columns");
            for (ColumnProfile c : p.columns()) column(g, c);
            g.writeEndArray();
            g.writeEndObject();
        }
        out.write(System.lineSeparator());
        out.flush();
    }

    private static void column(JsonGenerator g, ColumnProfile c) throws IOException {
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("kind", c.kind().name());
        g.writeNumberField("count", c.count());
        g.writeNumberField("missing", c.missing());
        g.writeNumberField("distinct", c.distinct());
        number(g, "min", c.min());
        number(g, "max", c.max());
        number(g, "mean", c.mean());
        number(g, "std", c.std());
        number(g, "q1", c.q1());
        number(g, "median", c.median());
        number(g, "q3", c.q3());
        g.writeArrayFieldStart("topValues");
        for (ColumnProfile.ValueCount v : c.topValues()) {
            g.writeStartObject();
            g.writeStringField("value", v.value());
            g.writeNumberField("count", v.count());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("histogram");
        for (ColumnProfile.HistogramBin b : c.histogram()) {
            g.writeStartObject();
            number(g, "low", b.low());
            number(g, "high", b.high());
            g.writeNumberField("count", b.count());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("flags");
        for (String f : c.flags()) g.writeString(f);
        g.writeEndArray();
        g.writeNumberField("nonFinite", c.nonFinite());
        g.writeNumberField("clipped", c.clipped());
        if (!c.numberNote().isEmpty()) g.writeStringField("numberNote", c.numberNote());
        g.writeNumberField("missingPercent", c.missingPercent());
        g.writeEndObject();
    }

    /** JSON has no NaN: numbers that do not apply (e.g. the mean of a text column) are null. */
    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) g.writeNumberField(name, v);
        else g.writeNullField(name);
    }

    /** The CSV dialect as an object; a Parquet file has none, and its format is said instead. */
    private static void writeDialect(JsonGenerator g, CsvDialect d) throws java.io.IOException {
        if (d == null) {
            g.writeStringField("format", "parquet");
            return;
        }
        g.writeObjectFieldStart("dialect");
        g.writeStringField("delimiter", String.valueOf(d.delimiter()));
        g.writeStringField("quote", String.valueOf(d.quote()));
        g.writeBooleanField("header", d.header());
        g.writeStringField("encoding", d.charset().name());
        g.writeBooleanField("bom", d.bom());
        g.writeBooleanField("decimalComma", d.decimalComma());
        g.writeStringField("lineEnding", d.lineEnding());
        g.writeEndObject();
    }

    private static String describe(CsvDialect d) {
        if (d == null) return "Parquet";
        String delim = d.delimiter() == '\t' ? "tab" : "'" + d.delimiter() + "'";
        return "delimiter " + delim + ", " + d.charset().name() + (d.bom() ? " with BOM" : "")
                + (d.header() ? ", header" : ", no header") + (d.decimalComma() ? ", decimal comma" : "");
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "";
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e15) return String.format(Locale.ROOT, "%d", (long) v);
        if (a >= 1e6 || a < 1e-3) return String.format(Locale.ROOT, "%.3e", v);
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String shorten(String s) {
        return s.length() <= 24 ? s : s.substring(0, 23) + "…";
    }

    private static String pad(String s, int w, boolean right) {
        String fill = " ".repeat(Math.max(0, w - s.length()));
        return right ? fill + s : s + fill;
    }
}
