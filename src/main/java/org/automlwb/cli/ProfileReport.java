package org.automlwb.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.automlwb.data.ColumnProfile;
import org.automlwb.data.CsvDialect;
import org.automlwb.data.DatasetProfile;
import org.automlwb.data.LoadedData;
import org.automlwb.data.SkippedRow;

/** Renders a dataset profile as an aligned text table or as one JSON document. */
final class ProfileReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int SKIPPED_SHOWN = 10;

    private ProfileReport() { }

    /** Human-readable: a summary line, one aligned row per column, skipped rows, the suggested target. */
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
        sb.append("suggested target: ").append(p.suggestedTarget() == null ? "(none)" : p.suggestedTarget())
                .append(System.lineSeparator());
        return sb.toString();
    }

    /** One JSON document: file, rows, dialect, skipped rows, suggested target and one object per column. */
    static String json(LoadedData data, DatasetProfile p) {
        ObjectNode root = JSON.createObjectNode();
        root.put("file", data.source().toString());
        root.put("rows", p.rows());
        CsvDialect d = data.dialect();
        ObjectNode dialect = root.putObject("dialect");
        dialect.put("delimiter", String.valueOf(d.delimiter()));
        dialect.put("quote", String.valueOf(d.quote()));
        dialect.put("header", d.header());
        dialect.put("encoding", d.charset().name());
        dialect.put("bom", d.bom());
        dialect.put("decimalComma", d.decimalComma());
        dialect.put("lineEnding", d.lineEnding());
        root.putNull("suggestedTarget");
        if (p.suggestedTarget() != null) root.put("suggestedTarget", p.suggestedTarget());
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedRow s : data.skipped()) skipped.addObject().put("line", s.line()).put("reason", s.reason());
        ArrayNode cols = root.putArray("columns");
        for (ColumnProfile c : p.columns()) {
            ObjectNode node = JSON.valueToTree(c);
            node.put("missingPercent", c.missingPercent());
            cols.add(nanToNull(node));
        }
        try {
            return JSON.writeValueAsString(root) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    /** JSON has no NaN: numbers that do not apply (e.g. the mean of a text column) become null. */
    private static JsonNode nanToNull(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                if (v.isNumber() && !Double.isFinite(v.doubleValue())) obj.putNull(e.getKey());
                else nanToNull(v);
            }
        } else if (node instanceof ArrayNode arr) {
            for (JsonNode v : arr) nanToNull(v);
        }
        return node;
    }

    private static String describe(CsvDialect d) {
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
