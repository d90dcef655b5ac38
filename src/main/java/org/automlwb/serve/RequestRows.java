package org.automlwb.serve;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.automlwb.common.Json;
import org.automlwb.data.RecordTable;
import org.automlwb.predict.Predictor;
import tech.tablesaw.api.Table;

/**
 * A {@code POST /predict} body made into the typed table the {@link Predictor} predicts: JSON (one object, or an
 * array of objects, one per row) or CSV ({@code text/csv}, a header line then one line per row). Fields the model
 * does not use are ignored; a field name matches ignoring case when exactly one input column fits, as columns of a
 * file do. Every problem is an {@link ApiError} naming the field and the record (JSON) or line (CSV).
 */
final class RequestRows {
    /** Whether the body is JSON or CSV, from its Content-Type. */
    enum Format {
        JSON("record"), CSV("line");

        /** What a row is called in errors: JSON rows are records, counted from 1; CSV rows are lines. */
        final String rowWord;

        Format(String rowWord) { this.rowWord = rowWord; }

        /**
         * The format of a Content-Type; none given means JSON, the API's main format.
         *
         * @throws ApiError for any other type
         */
        static Format of(String contentType) throws ApiError {
            if (contentType == null || contentType.isBlank()) return JSON;
            String t = contentType.toLowerCase(Locale.ROOT);
            if (t.startsWith("text/csv")) return CSV;
            if (t.startsWith("application/json") || t.contains("+json")) return JSON;
            throw new ApiError(ApiError.Kind.UNSUPPORTED_CONTENT_TYPE, "the body's type '" + contentType
                    + "' is not supported", null, 0, "send application/json or text/csv");
        }
    }

    private RequestRows() { }

    /** The body as a typed table with at least one row. */
    static Table table(Predictor predictor, Format format, String body) throws ApiError {
        if (body.isBlank()) {
            throw new ApiError(ApiError.Kind.EMPTY_BODY, "the request has no body", null, 0,
                    format == Format.CSV ? "send a header line and one line per row"
                            : "send a JSON object with the model's input fields, or an array of them");
        }
        Table t;
        try {
            t = format == Format.CSV ? predictor.tableOfCsv(body) : predictor.table(records(predictor, body));
        } catch (RecordTable.RecordException e) {
            ApiError.Kind kind = switch (e.problem()) {
                case MISSING_COLUMN -> ApiError.Kind.MISSING_COLUMN;
                case MALFORMED_LINE -> ApiError.Kind.MALFORMED_CSV;
                case BAD_VALUE -> ApiError.Kind.BAD_VALUE;
            };
            throw new ApiError(kind, e.getMessage(), e.column(), e.line(), e.hint(), format.rowWord);
        }
        if (t.rowCount() == 0) {
            throw new ApiError(ApiError.Kind.NO_ROWS, "the request has no rows", null, 0,
                    "send at least one row");
        }
        return t;
    }

    /** JSON records as cells in the model's input order (null = missing). */
    static List<String[]> records(Predictor predictor, String body) throws ApiError {
        List<String> columns = new ArrayList<>(predictor.inputKinds().keySet());
        Map<String, Integer> exact = new HashMap<>();
        Map<String, Integer> folded = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            exact.put(columns.get(i), i);
            // Two columns equal ignoring case match only exactly (-1), as in a file's header.
            folded.merge(columns.get(i).toLowerCase(Locale.ROOT), i, (a, b) -> -1);
        }
        List<String[]> out = new ArrayList<>();
        try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == JsonToken.START_OBJECT) {
                out.add(record(p, columns, exact, folded, 1));
            } else if (first == JsonToken.START_ARRAY) {
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    if (t != JsonToken.START_OBJECT) {
                        throw new ApiError(ApiError.Kind.MALFORMED_JSON, "record " + (out.size() + 1)
                                + " is not a JSON object", null, out.size() + 1,
                                "send an array of objects, one per row");
                    }
                    out.add(record(p, columns, exact, folded, out.size() + 1));
                }
            } else {
                throw new ApiError(ApiError.Kind.MALFORMED_JSON, "the body is not a JSON object or array", null, 0,
                        "send a JSON object with the model's input fields, or an array of them");
            }
            if (p.nextToken() != null) {
                throw new ApiError(ApiError.Kind.MALFORMED_JSON, "there is more after the JSON value (line "
                        + p.currentLocation().getLineNr() + ", column " + p.currentLocation().getColumnNr() + ")",
                        null, 0, "send one JSON value: an object or an array of objects");
            }
        } catch (JsonProcessingException e) {
            throw new ApiError(ApiError.Kind.MALFORMED_JSON, "the body is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                    + e.getOriginalMessage().replaceAll("[\\r\\n]+", " "), null, 0, "fix the JSON");
        } catch (IOException e) {
            throw new IllegalStateException("reading a String cannot fail", e);
        }
        return out;
    }

    private static String[] record(JsonParser p, List<String> columns, Map<String, Integer> exact,
                                   Map<String, Integer> folded, int number) throws IOException, ApiError {
        String[] cells = new String[columns.size()];
        boolean[] seen = new boolean[columns.size()];
        for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            Integer at = exact.get(name);
            if (at == null) at = folded.get(name.toLowerCase(Locale.ROOT));
            if (at == null || at < 0) {
                p.skipChildren(); // a field the model does not use, as other columns of a file
                continue;
            }
            seen[at] = true;
            cells[at] = switch (v) {
                case VALUE_STRING -> p.getText();
                // The number as written, so it is read by the same rules as the same number in a CSV file.
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getText();
                case VALUE_TRUE -> "true";
                case VALUE_FALSE -> "false";
                case VALUE_NULL -> null;
                default -> throw new ApiError(ApiError.Kind.BAD_VALUE, "record " + number + ": the field is "
                        + (v == JsonToken.START_ARRAY ? "an array" : "an object"), columns.get(at), number,
                        "give a number, text, true/false, or null for a missing value");
            };
        }
        for (int c = 0; c < seen.length; c++) {
            if (!seen[c]) {
                throw new ApiError(ApiError.Kind.MISSING_COLUMN, "record " + number + " has no field '"
                        + columns.get(c) + "'", columns.get(c), number,
                        "send every input field; null for a missing value. The fields are: "
                                + String.join(", ", columns));
            }
        }
        return cells;
    }
}
